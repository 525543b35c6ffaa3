package io.livepush.publisher.stream;

/**
 * The phase of one destination of a {@link LiveStream}: its reconnect and congestion state machine.
 * Bitrate adaptation runs only in {@link #PUBLISHING}; while {@link #RECONNECTING} the backoff
 * alone decides, so an outage is never mistaken for congestion.
 */
public enum DestinationState {
    /** The first connection is being made. */
    CONNECTING,
    /** Media flows to the ingest. */
    PUBLISHING,
    /** The connection was lost (or the server asked to reconnect); waiting for the next attempt or in it. */
    RECONNECTING,
    /** The retry budget is spent or the ingest refused the stream for good; nothing more is sent here. */
    GAVE_UP,
    /** The stream was closed. */
    CLOSED
}
