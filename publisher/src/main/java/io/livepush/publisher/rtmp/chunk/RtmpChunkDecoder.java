package io.livepush.publisher.rtmp.chunk;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.livepush.publisher.rtmp.message.Abort;
import io.livepush.publisher.rtmp.message.RtmpMessage;
import io.livepush.publisher.rtmp.message.RtmpMessageType;
import io.livepush.publisher.rtmp.message.SetChunkSize;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reassembles {@link RtmpMessage}s from the chunk stream (Adobe RTMP 1.0, §5.3 "Chunking"), driven by an explicit
 * {@link State}: basic header (§5.3.1.1), message header (§5.3.1.2), extended timestamp (§5.3.1.3), chunk payload.
 * Chunks of different chunk streams may interleave; each chunk stream keeps its own header state and partial
 * message. Truncated input simply waits for more bytes.
 *
 * <p>Protocol control handled here because it belongs to the chunk layer: a received {@link SetChunkSize} changes
 * the incoming chunk size from the next chunk on (§5.4.1) and an {@link Abort} drops the partial message of its
 * chunk stream (§5.4.2). Both are still passed on.
 *
 * <p>Limits (each violation is an {@link RtmpProtocolException}, wrapped in Netty's {@code DecoderException}, after
 * which this decoder discards all further input): message length up to {@code maxMessageLength}, chunk size up to
 * {@code maxChunkSize}, types 1-3 only on a chunk stream that had a type-0 header. Payload buffers grow as bytes
 * arrive, so a peer cannot make us allocate memory it has not sent.
 *
 * <p>Per-connection state; one instance per channel, on its event loop. Messages passed on are owned by the next
 * handler, which releases them.
 */
public final class RtmpChunkDecoder extends ByteToMessageDecoder {

    /** Default largest message accepted: 16 MiB - 1, the most a 3-byte length can say. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = RtmpMessage.MAX_PAYLOAD_LENGTH;
    /** Default largest chunk size accepted from Set Chunk Size: 16 MiB - 1 (a larger size could never matter). */
    public static final int DEFAULT_MAX_CHUNK_SIZE = 0xFFFFFF;

    /** Where the decoder is inside the current chunk. */
    enum State {
        /** Waiting for the 1-3 byte basic header. */
        BASIC_HEADER,
        /** Waiting for the 11/7/3/0 byte message header. */
        MESSAGE_HEADER,
        /** Waiting for the 4-byte extended timestamp, when the header announced one. */
        EXTENDED_TIMESTAMP,
        /** Copying the chunk's payload bytes into the message. */
        PAYLOAD,
        /** A protocol error happened; all input is discarded. */
        FAILED
    }

    private final int maxMessageLength;
    private final int maxChunkSize;
    private final Map<Integer, InboundChunkStream> streams = new HashMap<>();
    private State state = State.BASIC_HEADER;
    private int chunkSize = SetChunkSize.DEFAULT_CHUNK_SIZE;

    private int fmt;
    private InboundChunkStream current;
    private long timestampField;
    private boolean startsMessage;
    private int chunkRemaining;

    /** A decoder with the default limits. */
    public RtmpChunkDecoder() {
        this(DEFAULT_MAX_MESSAGE_LENGTH, DEFAULT_MAX_CHUNK_SIZE);
    }

    /**
     * @param maxMessageLength largest message length accepted, 1..16777215
     * @param maxChunkSize     largest chunk size accepted from Set Chunk Size, 1..2147483647
     */
    public RtmpChunkDecoder(int maxMessageLength, int maxChunkSize) {
        if (maxMessageLength < 1 || maxMessageLength > RtmpMessage.MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("max message length is " + maxMessageLength
                    + " (expected 1.." + RtmpMessage.MAX_PAYLOAD_LENGTH + ")");
        }
        if (maxChunkSize < 1) {
            throw new IllegalArgumentException("max chunk size is " + maxChunkSize + " (expected 1..2147483647)");
        }
        this.maxMessageLength = maxMessageLength;
        this.maxChunkSize = maxChunkSize;
    }

    /** @return the incoming chunk size now in force */
    public int chunkSize() {
        return chunkSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        while (true) {
            switch (state) {
                case BASIC_HEADER -> {
                    if (!in.isReadable()
                            || in.readableBytes() < ChunkBasicHeader.lengthFromFirstByte(in.getUnsignedByte(in.readerIndex()))) {
                        return;
                    }
                    int header = ChunkBasicHeader.read(in);
                    fmt = header >>> 24;
                    int csid = header & 0xFFFFFF;
                    current = streams.get(csid);
                    if (current == null) {
                        if (fmt != 0) {
                            fail("chunk type " + fmt + " on chunk stream " + csid
                                    + " that has had no type-0 header (expected type 0 first)");
                        }
                        current = new InboundChunkStream(csid);
                        streams.put(csid, current);
                    }
                    state = State.MESSAGE_HEADER;
                }
                case MESSAGE_HEADER -> {
                    if (in.readableBytes() < ChunkMessageHeader.length(fmt)) {
                        return;
                    }
                    readMessageHeader(in);
                    state = State.EXTENDED_TIMESTAMP;
                }
                case EXTENDED_TIMESTAMP -> {
                    if (current.extended) {
                        if (in.readableBytes() < 4) {
                            return;
                        }
                        long ext = in.readUnsignedInt();
                        if (fmt != 3 || startsMessage) {
                            timestampField = ext;
                        }
                    }
                    if (startsMessage) {
                        startMessage(ctx);
                    }
                    chunkRemaining = Math.min(chunkSize, current.remaining());
                    state = State.PAYLOAD;
                    if (chunkRemaining == 0) {
                        finishChunk(ctx, out);
                    }
                }
                case PAYLOAD -> {
                    int n = Math.min(chunkRemaining, in.readableBytes());
                    if (n == 0) {
                        return;
                    }
                    current.partial.writeBytes(in, n);
                    chunkRemaining -= n;
                    if (chunkRemaining == 0) {
                        finishChunk(ctx, out);
                    }
                }
                case FAILED -> {
                    in.skipBytes(in.readableBytes());
                    return;
                }
                default -> throw new IllegalStateException("unhandled state " + state);
            }
        }
    }

    private void readMessageHeader(ByteBuf in) throws RtmpProtocolException {
        InboundChunkStream s = current;
        startsMessage = s.partial == null;
        if (!startsMessage && fmt != 3) {
            fail("chunk type " + fmt + " on chunk stream " + s.chunkStreamId + " while a message has "
                    + s.remaining() + " of " + s.length + " bytes still to come (expected type 3)");
        }
        if (fmt <= 2) {
            timestampField = in.readUnsignedMedium();
            s.extended = timestampField == ChunkMessageHeader.EXTENDED_MARKER;
        }
        if (fmt <= 1) {
            int length = in.readUnsignedMedium();
            if (length > maxMessageLength) {
                fail("message length on chunk stream " + s.chunkStreamId + " is " + length
                        + " bytes (expected 0.." + maxMessageLength + ")");
            }
            s.length = length;
            s.typeId = in.readUnsignedByte();
        }
        if (fmt == 0) {
            s.messageStreamId = in.readIntLE();
        }
    }

    private void startMessage(ChannelHandlerContext ctx) {
        InboundChunkStream s = current;
        if (fmt == 0) {
            s.timestamp = timestampField;
            s.delta = timestampField;
        } else if (fmt <= 2) {
            s.delta = timestampField;
            s.timestamp = (s.timestamp + timestampField) & 0xFFFFFFFFL;
        } else {
            s.timestamp = (s.timestamp + s.delta) & 0xFFFFFFFFL;
        }
        s.partial = ctx.alloc().buffer(Math.min(s.length, chunkSize), s.length);
    }

    private void finishChunk(ChannelHandlerContext ctx, List<Object> out) throws RtmpProtocolException {
        InboundChunkStream s = current;
        state = State.BASIC_HEADER;
        if (s.remaining() > 0) {
            return;
        }
        ByteBuf payload = s.partial;
        s.partial = null;
        RtmpMessage message = new RtmpMessage(s.chunkStreamId, s.typeId, s.timestamp, s.messageStreamId, payload);
        try {
            applyChunkLayerControl(message);
        } catch (RtmpProtocolException | RuntimeException e) {
            message.release();
            throw e;
        }
        out.add(message);
    }

    private void applyChunkLayerControl(RtmpMessage message) throws RtmpProtocolException {
        if (message.typeId() == RtmpMessageType.SET_CHUNK_SIZE.id()) {
            int size = SetChunkSize.fromMessage(message).chunkSize();
            if (size > maxChunkSize) {
                fail("Set Chunk Size is " + size + " (expected 1.." + maxChunkSize + ")");
            }
            chunkSize = size;
        } else if (message.typeId() == RtmpMessageType.ABORT.id()) {
            InboundChunkStream s = streams.get(Abort.fromMessage(message).chunkStreamId());
            if (s != null) {
                s.discardPartial();
            }
        }
    }

    private void fail(String message) throws RtmpProtocolException {
        state = State.FAILED;
        throw new RtmpProtocolException(message);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        for (InboundChunkStream s : streams.values()) {
            s.discardPartial();
        }
        streams.clear();
    }
}
