package io.livepush.publisher.rtmp.message;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.netty.buffer.ByteBufAllocator;

/**
 * Window Acknowledgement Size, message type 5 (Adobe RTMP 1.0, §5.4.4): the receiver of this message sends an
 * {@link Acknowledgement} each time it has received this many bytes. Payload: 4 bytes.
 *
 * @param windowSize the window in bytes, 1..0xFFFFFFFF
 */
public record WindowAcknowledgementSize(long windowSize) {

    /**
     * Validates the size.
     *
     * @param windowSize the bytes the peer may send before it expects an acknowledgement, 1..0xFFFFFFFF
     * @throws IllegalArgumentException when the size is not 1..0xFFFFFFFF
     */
    public WindowAcknowledgementSize {
        if (windowSize < 1 || windowSize > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("window acknowledgement size is " + windowSize
                    + " bytes (expected 1..4294967295)");
        }
    }

    /**
     * @param alloc the allocator for the payload
     * @return the message on chunk stream 2
     */
    public RtmpMessage toMessage(ByteBufAllocator alloc) {
        return ProtocolControlMessages.message(alloc, RtmpMessageType.WINDOW_ACKNOWLEDGEMENT_SIZE, 4,
                b -> b.writeInt((int) windowSize));
    }

    /**
     * @param message a type-5 message (not released)
     * @return its value
     * @throws RtmpProtocolException when the payload is short or the window is 0
     */
    public static WindowAcknowledgementSize fromMessage(RtmpMessage message) throws RtmpProtocolException {
        long size = ProtocolControlMessages.payload(message, RtmpMessageType.WINDOW_ACKNOWLEDGEMENT_SIZE, 4)
                .getUnsignedInt(message.payload().readerIndex());
        if (size == 0) {
            throw new RtmpProtocolException("Window Acknowledgement Size is 0 (expected 1..4294967295)");
        }
        return new WindowAcknowledgementSize(size);
    }
}
