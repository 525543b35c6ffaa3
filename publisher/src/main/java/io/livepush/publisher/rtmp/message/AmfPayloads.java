package io.livepush.publisher.rtmp.message;

import io.livepush.publisher.amf.Amf0Exception;
import io.livepush.publisher.amf.Amf0Reader;
import io.livepush.publisher.amf.Amf0Writer;
import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.List;

/** AMF0 message bodies (types 18 and 20) as one exactly sized buffer, and back. */
final class AmfPayloads {

    private AmfPayloads() {
    }

    static ByteBuf encode(ByteBufAllocator alloc, List<Object> values) {
        int size = 0;
        for (Object v : values) {
            size += Amf0Writer.sizeOf(v);
        }
        ByteBuf out = alloc.buffer(size, size);
        try {
            for (Object v : values) {
                Amf0Writer.write(out, v);
            }
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    static List<Object> decode(RtmpMessage message, RtmpMessageType expected) throws RtmpProtocolException {
        if (message.typeId() != expected.id()) {
            throw new IllegalArgumentException("message type is " + RtmpMessageType.describe(message.typeId())
                    + " (expected " + RtmpMessageType.describe(expected.id()) + ")");
        }
        try {
            return Amf0Reader.readAll(message.payload().duplicate());
        } catch (Amf0Exception e) {
            throw new RtmpProtocolException(expected + " body is not valid AMF0: " + e.getMessage(), e);
        }
    }
}
