package io.livepush.publisher.rtmp.message;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.netty.buffer.ByteBufAllocator;

/**
 * Acknowledgement, message type 3 (Adobe RTMP 1.0, §5.4.3): sent each time the bytes received pass the peer's
 * window size. Payload: 4 bytes, the sequence number = bytes received so far, modulo 2<sup>32</sup>.
 *
 * @param sequenceNumber bytes received so far, 0..0xFFFFFFFF
 */
public record Acknowledgement(long sequenceNumber) {

    /**
     * Validates the sequence number.
     *
     * @param sequenceNumber bytes received so far modulo 2<sup>32</sup>, 0..0xFFFFFFFF
     * @throws IllegalArgumentException when the value is outside 0..0xFFFFFFFF
     */
    public Acknowledgement {
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("acknowledgement sequence number is " + sequenceNumber
                    + " (expected 0..4294967295)");
        }
    }

    /**
     * @param alloc the allocator for the payload
     * @return the message on chunk stream 2
     */
    public RtmpMessage toMessage(ByteBufAllocator alloc) {
        return ProtocolControlMessages.message(alloc, RtmpMessageType.ACKNOWLEDGEMENT, 4,
                b -> b.writeInt((int) sequenceNumber));
    }

    /**
     * @param message a type-3 message (not released)
     * @return its value
     * @throws RtmpProtocolException when the payload is shorter than 4 bytes
     */
    public static Acknowledgement fromMessage(RtmpMessage message) throws RtmpProtocolException {
        return new Acknowledgement(ProtocolControlMessages.payload(message, RtmpMessageType.ACKNOWLEDGEMENT, 4)
                .getUnsignedInt(message.payload().readerIndex()));
    }
}
