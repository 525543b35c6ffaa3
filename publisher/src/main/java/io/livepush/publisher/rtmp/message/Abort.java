package io.livepush.publisher.rtmp.message;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.netty.buffer.ByteBufAllocator;

/**
 * Abort Message, message type 2 (Adobe RTMP 1.0, §5.4.2): the receiver discards the partly received message on
 * the given chunk stream. Payload: 4 bytes, the chunk stream id.
 *
 * @param chunkStreamId the chunk stream whose partial message is dropped
 */
public record Abort(int chunkStreamId) {

    /**
     * @param alloc the allocator for the payload
     * @return the message on chunk stream 2
     */
    public RtmpMessage toMessage(ByteBufAllocator alloc) {
        return ProtocolControlMessages.message(alloc, RtmpMessageType.ABORT, 4, b -> b.writeInt(chunkStreamId));
    }

    /**
     * @param message a type-2 message (not released)
     * @return its value
     * @throws RtmpProtocolException when the payload is shorter than 4 bytes
     */
    public static Abort fromMessage(RtmpMessage message) throws RtmpProtocolException {
        return new Abort(ProtocolControlMessages.payload(message, RtmpMessageType.ABORT, 4)
                .getInt(message.payload().readerIndex()));
    }
}
