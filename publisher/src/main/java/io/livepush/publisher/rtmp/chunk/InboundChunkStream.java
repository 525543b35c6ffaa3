package io.livepush.publisher.rtmp.chunk;

import io.netty.buffer.ByteBuf;

/**
 * What the chunks received so far on one chunk stream said (Adobe RTMP 1.0, §5.3.1.2), and the message being
 * reassembled on it. Owned by one {@link RtmpChunkDecoder}, used on its event loop only.
 */
final class InboundChunkStream {

    final int chunkStreamId;
    int messageStreamId;
    int typeId;
    int length;
    /** Absolute timestamp of the current (or last) message, modulo 2^32. */
    long timestamp;
    /** Delta a type-3 chunk starting a new message adds; after type 0 it is that header's timestamp (§5.3.1.2.4). */
    long delta;
    /** Whether the last type 0/1/2 header had an extended timestamp (type-3 chunks then carry one too). */
    boolean extended;
    /** The message being reassembled, or null between messages. */
    ByteBuf partial;

    InboundChunkStream(int chunkStreamId) {
        this.chunkStreamId = chunkStreamId;
    }

    int remaining() {
        return partial == null ? 0 : length - partial.readableBytes();
    }

    void discardPartial() {
        if (partial != null) {
            partial.release();
            partial = null;
        }
    }
}
