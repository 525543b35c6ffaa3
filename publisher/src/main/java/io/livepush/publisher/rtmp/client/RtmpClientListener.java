package io.livepush.publisher.rtmp.client;

/**
 * Events of one RTMP publish connection. All methods have no-op defaults.
 *
 * <p>Threading: every method is called on that connection's own listener thread, named
 * {@code livepush-rtmp-listener-N}, one call at a time in the order the events happened; never on a Netty event
 * loop. Methods must not block: a blocked listener delays the events after it (not the stream itself).
 * An exception thrown by a method is logged and otherwise ignored.
 */
public interface RtmpClientListener {

    /**
     * The connection moved to another phase.
     *
     * @param oldState the phase left
     * @param newState the phase entered
     */
    default void onStateChanged(RtmpPublishState oldState, RtmpPublishState newState) {
    }

    /**
     * The server sent an {@code onStatus} (Adobe RTMP 1.0, §7.2.2), e.g. {@code NetStream.Publish.Start}.
     *
     * @param status the status, its description with the stream key redacted
     */
    default void onStatus(RtmpStatus status) {
    }

    /**
     * The connection failed; {@link #onClosed()} follows.
     *
     * @param error e.g. {@link io.livepush.publisher.rtmp.RtmpTimeoutException},
     *              {@link RtmpPublishRejectedException}, {@link RtmpCertificateException}
     */
    default void onError(Throwable error) {
    }

    /** The connection is gone, for whatever reason; the last call. */
    default void onClosed() {
    }
}
