package io.livepush.publisher.stream;

/**
 * A snapshot of one destination of a {@link LiveStream}.
 *
 * @param url the ingest URL with the stream key redacted
 * @param state its phase
 * @param queueMs media time waiting in its queue
 * @param droppedFrames video frames its congestion rules dropped
 * @param droppedWhileDisconnected packets (audio and video) dropped while it had no connection
 * @param framesSent video frames sent to it
 * @param bytesSent bytes written on its current connection
 * @param rttMs round-trip time from the ingest's acknowledgements, or -1 when none came yet
 * @param reconnects successful reconnections so far
 */
public record DestinationStats(String url, DestinationState state, long queueMs, long droppedFrames,
        long droppedWhileDisconnected, long framesSent, long bytesSent, long rttMs, long reconnects) {
}
