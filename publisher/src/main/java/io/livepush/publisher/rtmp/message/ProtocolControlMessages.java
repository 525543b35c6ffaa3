package io.livepush.publisher.rtmp.message;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Shared rules of protocol control messages (Adobe RTMP 1.0, §5.4): they travel on chunk stream 2 with message
 * stream id 0 and timestamp 0, and their fields are big-endian.
 */
final class ProtocolControlMessages {

    private ProtocolControlMessages() {
    }

    static RtmpMessage message(ByteBufAllocator alloc, RtmpMessageType type, int length, PayloadWriter writer) {
        ByteBuf payload = alloc.buffer(length, length);
        try {
            writer.write(payload);
            return new RtmpMessage(ChunkStreamIds.PROTOCOL_CONTROL, type.id(), 0, 0, payload);
        } catch (RuntimeException e) {
            payload.release();
            throw e;
        }
    }

    static ByteBuf payload(RtmpMessage message, RtmpMessageType type, int minLength) throws RtmpProtocolException {
        if (message.typeId() != type.id()) {
            throw new IllegalArgumentException("message type is " + RtmpMessageType.describe(message.typeId())
                    + " (expected " + RtmpMessageType.describe(type.id()) + ")");
        }
        ByteBuf payload = message.payload();
        if (payload.readableBytes() < minLength) {
            throw new RtmpProtocolException(type + " payload is " + payload.readableBytes()
                    + " bytes (expected at least " + minLength + ")");
        }
        return payload;
    }

    interface PayloadWriter {
        void write(ByteBuf out);
    }
}
