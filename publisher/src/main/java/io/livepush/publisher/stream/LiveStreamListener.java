package io.livepush.publisher.stream;

/**
 * Events of a {@link LiveStream}, in the order of its phases: connecting, then publishing (or
 * failed), stats each second while it runs, then closed.
 *
 * <p>With several destinations, the short reconnect methods report the first destination and the
 * overloads that take a {@code destination} report every one (both are called for the first).
 *
 * <p>Every method is called on the stream's one event thread ({@code livepush-events}), never on a
 * network, capture or encoder thread, one call at a time. Methods must return quickly and must not
 * block: a slow listener delays the next event, not the stream. All methods default to doing nothing.
 */
public interface LiveStreamListener {
    /**
     * The stream started to connect.
     *
     * @param redactedUrl the ingest URL with the stream key redacted
     */
    default void onConnecting(String redactedUrl) {
    }

    /**
     * The ingest accepted the stream ({@code NetStream.Publish.Start}; with several destinations, the first one
     * to accept); media flows from now on. Once per stream: later connections report {@link #onReconnected()}.
     */
    default void onPublishing() {
    }

    /**
     * A source hit an error and recovered by itself; the stream goes on (e.g. the sound server went
     * away and the microphone delivers silence so the audio timeline continues).
     *
     * @param source the source, e.g. a {@code Microphone}
     * @param cause what went wrong
     */
    default void onSourceError(Object source, Throwable cause) {
    }

    /**
     * The connection to the ingest was lost (or the ingest asked to reconnect) and the next attempt is scheduled;
     * capture and encoding go on meanwhile. Called for the first destination only when there are several; see the
     * overload with the destination for all of them.
     *
     * @param attempt 1 for the first retry after a loss, counting up until one succeeds
     * @param delay the wait before this attempt
     * @param cause why the connection ended, e.g. a {@link io.livepush.publisher.rtmp.RtmpTimeoutException}
     */
    default void onReconnecting(int attempt, java.time.Duration delay, Throwable cause) {
    }

    /**
     * Like {@link #onReconnecting(int, java.time.Duration, Throwable)}, for any destination.
     *
     * @param destination the destination's URL, stream key redacted
     * @param attempt 1 for the first retry after a loss, counting up until one succeeds
     * @param delay the wait before this attempt
     * @param cause why the connection ended
     */
    default void onReconnecting(String destination, int attempt, java.time.Duration delay, Throwable cause) {
    }

    /** Publishing resumed after a reconnect (metadata, sequence headers, then a keyframe were sent again). */
    default void onReconnected() {
    }

    /**
     * Like {@link #onReconnected()}, for any destination.
     *
     * @param destination the destination's URL, stream key redacted
     */
    default void onReconnected(String destination) {
    }

    /**
     * The retry budget is spent, or the ingest refused the stream for good; nothing more goes there. When it was
     * the last destination, {@link #onFailed} and {@link #onClosed} follow.
     *
     * @param cause the last connection failure or the ingest's refusal
     */
    default void onGaveUp(Throwable cause) {
    }

    /**
     * Like {@link #onGaveUp(Throwable)}, for any destination.
     *
     * @param destination the destination's URL, stream key redacted
     * @param cause the last connection failure or the ingest's refusal
     */
    default void onGaveUp(String destination, Throwable cause) {
    }

    /**
     * An SEI payload that {@link LiveStream#sendSei} accepted did not reach a destination: no frame was left to
     * carry it, or the frame carrying it was dropped on the way to one destination (then called once per
     * destination and frame). A payload repeated on several frames is reported only for a dropped carrying frame
     * or when no frame carried it at all. A WARN log line (without the payload bytes) goes with each report. The
     * stream goes on unharmed.
     *
     * @param payload a copy of the application bytes as sent (1..255 bytes)
     * @param reason why it was dropped
     * @param destination the destination's URL with the stream key redacted, the local recording's file path, or
     *     {@code null} when no frame carried the payload ({@link SeiDropReason#SOURCE_ENDED},
     *     {@link SeiDropReason#STREAM_CLOSED})
     */
    default void onSeiDropped(byte[] payload, SeiDropReason reason, String destination) {
    }

    /**
     * Once a second while the stream runs.
     *
     * @param stats the figures of the last second
     */
    default void onStats(LiveStreamStats stats) {
    }

    /**
     * The stream failed and stopped: the connection was refused or lost, the ingest rejected the
     * key, or a source or encoder failed. {@link #onClosed()} follows.
     *
     * @param cause what failed: the connection error, the ingest's refusal, or the source's or encoder's exception
     */
    default void onFailed(Throwable cause) {
    }

    /** The stream stopped and freed its threads, connection and encoders; the last event. */
    default void onClosed() {
    }
}
