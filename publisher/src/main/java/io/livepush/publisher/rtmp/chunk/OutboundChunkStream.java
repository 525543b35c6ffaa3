package io.livepush.publisher.rtmp.chunk;

/**
 * What the last message header sent on one chunk stream said, for header compression (Adobe RTMP 1.0, §5.3.1.2).
 * Owned by one {@link RtmpChunkEncoder}, used on its event loop only.
 */
final class OutboundChunkStream {

    int messageStreamId;
    int typeId;
    int length;
    long timestamp;
    /** The delta of the last type-1/2/3 header, or -1 after a type-0 header (then type 3 is not used next). */
    long delta = -1;
    /** Whether the last header carried an extended timestamp; type-3 chunks repeat it. */
    boolean extended;
}
