package io.livepush.publisher.rtmp.client;

import io.livepush.publisher.url.RtmpUrl;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An RTMP connection made ready to publish without taking the stream name yet: TCP (and TLS) connected,
 * handshake done, {@code connect} and {@code createStream} answered, in {@link RtmpPublishState#STREAM_CREATED}.
 * {@link #publish()} then sends {@code releaseStream}, {@code FCPublish} and {@code publish} (Adobe RTMP 1.0,
 * §7.2.2.6), so one round trip is left between asking and publishing.
 *
 * <p>What it is for: an ingest takes one publisher per stream name, so a publisher that must take over a name
 * another one holds (a co-host mix taking the audience key from the host) prepares everything while the other
 * still publishes, and publishes the moment the name is free. Made by {@link RtmpClient#prepare}.
 *
 * <p>While held the connection answers pings and acknowledges like a publishing one; a server may still drop an
 * idle connection (nginx-rtmp's {@code timeout}, 60 s by default): {@link #closeFuture()} tells. Thread-safe.
 * {@link #close()} sends {@code deleteStream} and closes the connection (waiting at most the client's close
 * timeout); it is idempotent, and after {@link #publish()} it closes the publishing session as well.
 */
public final class PreparedRtmpPublish implements AutoCloseable {
    private final RtmpPublishHandler handler;
    private final CompletableFuture<RtmpPublishSession> result;
    private final String redactedUrl;
    private final AtomicBoolean released = new AtomicBoolean();

    PreparedRtmpPublish(RtmpPublishHandler handler, CompletableFuture<RtmpPublishSession> result, RtmpUrl url) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.result = Objects.requireNonNull(result, "result");
        this.redactedUrl = url.redacted();
    }

    /** @return the connection's phase: {@link RtmpPublishState#STREAM_CREATED} while it waits to publish */
    public RtmpPublishState state() {
        return handler.state();
    }

    /** @return true while the connection is open and waiting for {@link #publish()} */
    public boolean isReady() {
        return !released.get() && handler.state() == RtmpPublishState.STREAM_CREATED;
    }

    /** @return the URL with the stream key masked, for logs */
    public String redactedUrl() {
        return redactedUrl;
    }

    /** @return completes when the connection has closed, for any reason */
    public CompletableFuture<Void> closeFuture() {
        return handler.closeFuture();
    }

    /**
     * Sends the held {@code publish} (after {@code releaseStream} and {@code FCPublish}). Returns at once.
     *
     * @return completes with the session when the server answered {@code NetStream.Publish.Start}; fails as
     *     {@link RtmpClient#publish} does, and fails at once when the connection has ended meanwhile
     * @throws IllegalStateException when called a second time
     */
    public CompletableFuture<RtmpPublishSession> publish() {
        if (!released.compareAndSet(false, true)) {
            throw new IllegalStateException("publish() was already called on the prepared connection to " + redactedUrl);
        }
        handler.releasePublish();
        return result;
    }

    /** Closes the connection: {@code deleteStream}, then the socket. Idempotent; may be called from any thread. */
    @Override
    public void close() {
        handler.session().close();
    }

    @Override
    public String toString() {
        return "PreparedRtmpPublish[" + redactedUrl + ", " + handler.state() + "]";
    }
}
