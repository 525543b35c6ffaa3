package io.livepush.publisher.rtmp.chunk;

import io.livepush.publisher.rtmp.message.RtmpMessage;
import io.livepush.publisher.rtmp.message.RtmpMessageType;
import io.livepush.publisher.rtmp.message.SetChunkSize;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits {@link RtmpMessage}s into chunks (Adobe RTMP 1.0, §5.3 "Chunking"), one exactly sized buffer per message.
 *
 * <p>Header type per message, compared with the previous message on the same chunk stream (§5.3.1.2):
 * type 0 for the first message, a different message stream id, or a timestamp that goes backwards;
 * type 1 when only the stream id is the same; type 2 when length and type id are also the same; type 3 when the
 * timestamp delta is also the same as the previous delta. Continuation chunks are type 3 and repeat an extended
 * timestamp (§5.3.1.3). Timestamps are compared modulo 2<sup>32</sup>, so a wrap is a small forward delta.
 *
 * <p>Per-connection state: the outgoing chunk size (128 until a {@link SetChunkSize} passes through this encoder;
 * the new size applies to the messages after it, §5.4.1) and the last header per chunk stream. One instance per
 * channel; used on the channel's event loop only.
 */
public final class RtmpChunkEncoder extends MessageToMessageEncoder<RtmpMessage> {

    private final Map<Integer, OutboundChunkStream> streams = new HashMap<>();
    private int chunkSize = SetChunkSize.DEFAULT_CHUNK_SIZE;

    /** @return the chunk size used for the next message */
    public int chunkSize() {
        return chunkSize;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, RtmpMessage msg, List<Object> out) throws Exception {
        int csid = msg.chunkStreamId();
        int length = msg.payloadLength();
        long ts = msg.timestamp();
        OutboundChunkStream prev = streams.get(csid);

        int fmt;
        long field;
        long delta = prev == null ? 0 : (ts - prev.timestamp) & 0xFFFFFFFFL;
        if (prev == null || prev.messageStreamId != msg.messageStreamId() || delta >= 0x80000000L) {
            fmt = 0;
            field = ts;
        } else if (prev.length != length || prev.typeId != msg.typeId()) {
            fmt = 1;
            field = delta;
        } else if (prev.delta != delta) {
            fmt = 2;
            field = delta;
        } else {
            fmt = 3;
            field = delta;
        }
        boolean extended = fmt == 3 ? prev.extended : ChunkMessageHeader.needsExtended(field);

        int basic = ChunkBasicHeader.length(csid);
        int ext = extended ? 4 : 0;
        int chunks = length == 0 ? 1 : (length + chunkSize - 1) / chunkSize;
        int size = basic + ChunkMessageHeader.length(fmt) + ext + length + (chunks - 1) * (basic + ext);
        ByteBuf buf = ctx.alloc().buffer(size, size);
        try {
            ChunkBasicHeader.write(buf, fmt, csid);
            if (fmt <= 2) {
                buf.writeMedium(extended ? ChunkMessageHeader.EXTENDED_MARKER : (int) field);
            }
            if (fmt <= 1) {
                buf.writeMedium(length);
                buf.writeByte(msg.typeId());
            }
            if (fmt == 0) {
                buf.writeIntLE(msg.messageStreamId());
            }
            if (extended) {
                buf.writeInt((int) field);
            }
            ByteBuf payload = msg.payload();
            int from = payload.readerIndex();
            for (int i = 0; i < chunks; i++) {
                if (i > 0) {
                    ChunkBasicHeader.write(buf, 3, csid);
                    if (extended) {
                        buf.writeInt((int) field);
                    }
                }
                int n = Math.min(chunkSize, length - i * chunkSize);
                buf.writeBytes(payload, from + i * chunkSize, n);
            }
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }

        OutboundChunkStream state = prev == null ? new OutboundChunkStream() : prev;
        state.messageStreamId = msg.messageStreamId();
        state.typeId = msg.typeId();
        state.length = length;
        state.timestamp = ts;
        state.delta = fmt == 0 ? -1 : delta;
        state.extended = extended;
        streams.put(csid, state);

        if (msg.typeId() == RtmpMessageType.SET_CHUNK_SIZE.id()) {
            chunkSize = SetChunkSize.fromMessage(msg).chunkSize();
        }
        out.add(buf);
    }
}
