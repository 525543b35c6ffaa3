package io.livepush.publisher.rtmp.chunk;

import io.livepush.publisher.rtmp.message.RtmpMessage;
import io.livepush.publisher.rtmp.message.RtmpMessageType;
import io.livepush.publisher.rtmp.message.SetChunkSize;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits {@link RtmpMessage}s into chunks (Adobe RTMP 1.0, §5.3 "Chunking"), one buffer per message.
 *
 * <p>Header type per message, compared with the previous message on the same chunk stream (§5.3.1.2):
 * type 0 for the first message, a different message stream id, or a timestamp that goes backwards;
 * type 1 when only the stream id is the same; type 2 when length and type id are also the same; type 3 when the
 * timestamp delta is also the same as the previous delta. Continuation chunks are type 3 and repeat an extended
 * timestamp (§5.3.1.3). Timestamps are compared modulo 2<sup>32</sup>, so a wrap is a small forward delta.
 *
 * <p>Buffers: a message whose payload is in direct memory and at least {@value #MIN_SLICED_PAYLOAD} bytes long is
 * not copied. All its chunk headers are written into one small buffer, and the output is a
 * {@link CompositeByteBuf} that alternates slices of that header buffer with retained slices of the payload, so
 * the transport hands header and payload memory to one gathering write. Smaller payloads, and heap payloads
 * (which the transport would copy to direct memory anyway), are copied once into one exactly sized buffer, as
 * is a message of more than {@value #MAX_SLICED_CHUNKS} chunks (a gathering write takes at most 1024 pieces).
 * The bytes are the same either way.
 *
 * <p>Per-connection state: the outgoing chunk size (128 until a {@link SetChunkSize} passes through this encoder;
 * the new size applies to the messages after it, §5.4.1) and the last header per chunk stream. One instance per
 * channel; used on the channel's event loop only.
 */
public final class RtmpChunkEncoder extends MessageToMessageEncoder<RtmpMessage> {

    /** Smallest payload sent as slices; below it one copy is cheaper than a composite buffer. */
    static final int MIN_SLICED_PAYLOAD = 1024;
    /** Most chunks of a message sent as slices: two pieces each, within a gathering write's 1024 (IOV_MAX). */
    static final int MAX_SLICED_CHUNKS = 256;

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
        ChunkHeaders headers = new ChunkHeaders(fmt, csid, field, extended, length, msg.typeId(),
                msg.messageStreamId());

        int chunks = length == 0 ? 1 : (length + chunkSize - 1) / chunkSize;
        ByteBuf payload = msg.payload();
        boolean sliced = length >= MIN_SLICED_PAYLOAD && chunks <= MAX_SLICED_CHUNKS && payload.isDirect();
        out.add(sliced ? sliced(ctx.alloc(), headers, payload, chunks) : copied(ctx.alloc(), headers, payload, chunks));

        OutboundChunkStream state = prev == null ? new OutboundChunkStream() : prev;
        state.messageStreamId = msg.messageStreamId();
        state.typeId = msg.typeId();
        state.length = length;
        state.timestamp = ts;
        state.delta = fmt == 0 ? -1 : delta;
        state.extended = extended;
        if (prev == null) {
            streams.put(csid, state);
        }

        if (msg.typeId() == RtmpMessageType.SET_CHUNK_SIZE.id()) {
            chunkSize = SetChunkSize.fromMessage(msg).chunkSize();
        }
    }

    /** The whole message in one buffer: headers and payload copied in wire order. */
    private ByteBuf copied(ByteBufAllocator alloc, ChunkHeaders headers, ByteBuf payload, int chunks) {
        int length = payload.readableBytes();
        int size = headers.totalLength(chunks) + length;
        ByteBuf buf = alloc.buffer(size, size);
        try {
            int from = payload.readerIndex();
            for (int i = 0; i < chunks; i++) {
                headers.write(buf, i);
                int offset = i * chunkSize;
                buf.writeBytes(payload, from + offset, Math.min(chunkSize, length - offset));
            }
            return buf;
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    /** Headers in one buffer, the payload by reference: [header 0, payload 0, header 1, payload 1, ...]. */
    private ByteBuf sliced(ByteBufAllocator alloc, ChunkHeaders headers, ByteBuf payload, int chunks) {
        int length = payload.readableBytes();
        int headerBytes = headers.totalLength(chunks);
        ByteBuf headerBuf = alloc.directBuffer(headerBytes, headerBytes);
        CompositeByteBuf composite = alloc.compositeDirectBuffer(2 * chunks);
        try {
            for (int i = 0; i < chunks; i++) {
                headers.write(headerBuf, i);
            }
            int from = payload.readerIndex();
            int headerOffset = 0;
            for (int i = 0; i < chunks; i++) {
                int headerLength = headers.length(i);
                composite.addComponent(true, headerBuf.retainedSlice(headerOffset, headerLength));
                headerOffset += headerLength;
                int offset = i * chunkSize;
                composite.addComponent(true, payload.retainedSlice(from + offset, Math.min(chunkSize, length - offset)));
            }
            return composite;
        } catch (RuntimeException e) {
            composite.release();
            throw e;
        } finally {
            headerBuf.release();
        }
    }
}
