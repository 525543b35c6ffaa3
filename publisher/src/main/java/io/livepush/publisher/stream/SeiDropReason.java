package io.livepush.publisher.stream;

/**
 * Why an SEI payload that {@link LiveStream#sendSei} accepted did not reach a viewer's stream,
 * reported by {@link LiveStreamListener#onSeiDropped}. The first two mean no encoded frame carried
 * it at all; the others mean a frame carried it but that frame did not go out to one destination.
 */
public enum SeiDropReason {
    /** The video source ended (a file or frame limit ran out) before a frame carried the payload. */
    SOURCE_ENDED,
    /** The stream closed or failed before a frame carried the payload. */
    STREAM_CLOSED,
    /** The destination's connection (or the recording's disk) fell behind and its queue dropped the frame carrying it. */
    CONGESTION,
    /** The destination was disconnected (reconnecting) and dropped the frame carrying it from its backlog. */
    OUTAGE,
    /** The frame carrying it was still queued for the destination (or recording) when the close timeout ran out. */
    UNSENT_AT_CLOSE
}
