package io.livepush.publisher.rtmp.message;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.netty.buffer.ByteBufAllocator;

/**
 * Set Chunk Size, message type 1 (Adobe RTMP 1.0, §5.4.1): the largest chunk payload the sender will use from now
 * on. Payload: 4 bytes, bit 31 zero, chunk size 1..0x7FFFFFFF. The default before any Set Chunk Size is 128.
 *
 * @param chunkSize the new chunk size, 1..0x7FFFFFFF
 */
public record SetChunkSize(int chunkSize) {

    /** The chunk size in force before any Set Chunk Size (§5.4.1). */
    public static final int DEFAULT_CHUNK_SIZE = 128;

    /**
     * Validates the size.
     *
     * @param chunkSize the new maximum chunk payload in bytes, 1..0x7FFFFFFF
     * @throws IllegalArgumentException when the size is below 1
     */
    public SetChunkSize {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size is " + chunkSize + " (expected 1..2147483647)");
        }
    }

    /**
     * @param alloc the allocator for the payload
     * @return the message on chunk stream 2
     */
    public RtmpMessage toMessage(ByteBufAllocator alloc) {
        return ProtocolControlMessages.message(alloc, RtmpMessageType.SET_CHUNK_SIZE, 4, b -> b.writeInt(chunkSize));
    }

    /**
     * @param message a type-1 message (not released)
     * @return its value
     * @throws RtmpProtocolException when the payload is short or bit 31 is set / the size is 0
     */
    public static SetChunkSize fromMessage(RtmpMessage message) throws RtmpProtocolException {
        long size = ProtocolControlMessages.payload(message, RtmpMessageType.SET_CHUNK_SIZE, 4)
                .getUnsignedInt(message.payload().readerIndex());
        if (size < 1 || size > Integer.MAX_VALUE) {
            throw new RtmpProtocolException("Set Chunk Size is " + size + " (expected 1..2147483647)");
        }
        return new SetChunkSize((int) size);
    }
}
