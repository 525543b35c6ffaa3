package io.livepush.publisher.stream;

/**
 * Events of a {@link LiveStream}, in the order of its phases: connecting, then publishing (or
 * failed), stats each second while it runs, then closed.
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

    /** The ingest accepted the stream ({@code NetStream.Publish.Start}); media flows from now on. */
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

    /** Once a second while the stream runs. */
    default void onStats(LiveStreamStats stats) {
    }

    /**
     * The stream failed and stopped: the connection was refused or lost, the ingest rejected the
     * key, or a source or encoder failed. {@link #onClosed()} follows.
     */
    default void onFailed(Throwable cause) {
    }

    /** The stream stopped and freed its threads, connection and encoders; the last event. */
    default void onClosed() {
    }
}
