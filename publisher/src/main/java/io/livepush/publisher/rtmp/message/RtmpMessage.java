package io.livepush.publisher.rtmp.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One RTMP message as carried by the chunk stream (Adobe RTMP 1.0, §6.1 "RTMP Message Format"): the message
 * header (type id, payload length, timestamp, message stream id) plus the payload, and the chunk stream id it
 * travels on (§5.3.1.1).
 *
 * <p>Reference counting: the message owns its payload {@link ByteBuf}; it is a {@link io.netty.buffer.ByteBufHolder},
 * so {@link #release()} releases the payload. Whoever receives a message from a pipeline releases it; writing it to
 * a channel hands ownership to the channel.
 *
 * <p>Timestamps are milliseconds modulo 2<sup>32</sup> (§5.3.1.2 "timestamps wrap"): a value above
 * {@code 0xFFFFFFFF} is reduced modulo 2<sup>32</sup>; negative values are rejected.
 */
public final class RtmpMessage extends DefaultByteBufHolder {

    /** Largest payload a message header can describe: 3-byte message length (§6.1.1). */
    public static final int MAX_PAYLOAD_LENGTH = 0xFFFFFF;

    private final int chunkStreamId;
    private final int typeId;
    private final long timestamp;
    private final int messageStreamId;

    /**
     * Creates a message.
     *
     * @param chunkStreamId   chunk stream to send it on, 2..65599 (§5.3.1.1)
     * @param typeId          message type id, 0..255 (see {@link RtmpMessageType})
     * @param timestamp       milliseconds, &gt;= 0; reduced modulo 2<sup>32</sup>
     * @param messageStreamId message stream id (0 for the connection, else a stream from createStream)
     * @param payload         the payload; ownership moves to this message
     * @throws IllegalArgumentException when a value is out of range; the payload is not released then
     */
    public RtmpMessage(int chunkStreamId, int typeId, long timestamp, int messageStreamId, ByteBuf payload) {
        super(payload);
        if (chunkStreamId < ChunkStreamIds.MIN || chunkStreamId > ChunkStreamIds.MAX) {
            throw new IllegalArgumentException("chunk stream id is " + chunkStreamId
                    + " (expected " + ChunkStreamIds.MIN + ".." + ChunkStreamIds.MAX + ")");
        }
        if (typeId < 0 || typeId > 255) {
            throw new IllegalArgumentException("message type id is " + typeId + " (expected 0..255)");
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp is " + timestamp + " ms (expected >= 0)");
        }
        if (payload.readableBytes() > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("message payload is " + payload.readableBytes()
                    + " bytes (expected 0.." + MAX_PAYLOAD_LENGTH + ")");
        }
        this.chunkStreamId = chunkStreamId;
        this.typeId = typeId;
        this.timestamp = timestamp & 0xFFFFFFFFL;
        this.messageStreamId = messageStreamId;
    }

    /** @return the chunk stream id, 2..65599 */
    public int chunkStreamId() {
        return chunkStreamId;
    }

    /** @return the message type id (§6.1.1), see {@link RtmpMessageType} */
    public int typeId() {
        return typeId;
    }

    /** @return the timestamp in milliseconds, 0..0xFFFFFFFF */
    public long timestamp() {
        return timestamp;
    }

    /** @return the message stream id */
    public int messageStreamId() {
        return messageStreamId;
    }

    /** @return the payload (not a copy; do not release it separately) */
    public ByteBuf payload() {
        return content();
    }

    /** @return the payload length in bytes */
    public int payloadLength() {
        return content().readableBytes();
    }

    @Override
    public RtmpMessage replace(ByteBuf content) {
        return new RtmpMessage(chunkStreamId, typeId, timestamp, messageStreamId, content);
    }

    @Override
    public RtmpMessage retain() {
        super.retain();
        return this;
    }

    @Override
    public RtmpMessage retain(int increment) {
        super.retain(increment);
        return this;
    }

    @Override
    public RtmpMessage touch() {
        super.touch();
        return this;
    }

    @Override
    public RtmpMessage touch(Object hint) {
        super.touch(hint);
        return this;
    }

    @Override
    public String toString() {
        return "RtmpMessage[csid=" + chunkStreamId + ", type=" + RtmpMessageType.describe(typeId)
                + ", ts=" + timestamp + ", msid=" + messageStreamId + ", length=" + payloadLength() + "]";
    }
}
