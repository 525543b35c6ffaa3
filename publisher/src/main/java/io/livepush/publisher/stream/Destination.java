package io.livepush.publisher.stream;

import io.livepush.encoder.VideoEncoder;
import io.livepush.publisher.congestion.BitrateController;
import io.livepush.publisher.reconnect.ReconnectPolicy;
import io.livepush.publisher.rtmp.client.OnStatusCode;
import io.livepush.publisher.rtmp.client.PreparedRtmpPublish;
import io.livepush.publisher.rtmp.client.RtmpCertificateException;
import io.livepush.publisher.rtmp.client.RtmpClient;
import io.livepush.publisher.rtmp.client.RtmpClientConfig;
import io.livepush.publisher.rtmp.client.RtmpClientListener;
import io.livepush.publisher.rtmp.client.RtmpPublishRejectedException;
import io.livepush.publisher.rtmp.client.RtmpPublishSession;
import io.livepush.publisher.url.RtmpUrl;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingest of a {@link LiveStream}: its own queue, connection, FLV framing and thread
 * ({@code livepush-sender-N}), which owns ONE state machine over {@link DestinationState} for
 * reconnect and congestion together (SPECS.md: OBS had a bug when they were two):
 *
 * <pre>
 * CONNECTING --publish ok--> PUBLISHING --lost / write timeout--> RECONNECTING --publish ok--> PUBLISHING
 *     |                          |  ^ server's ReconnectRequest: at the next keyframe, no delay     |
 *     +--refused for good / budget spent-------------------------------------------------------> GAVE_UP
 * </pre>
 *
 * While PUBLISHING it drains its queue onto the session (waiting while the socket is full, so the
 * queue holds the backlog and the drop rules see it) and, when it is the bitrate leader, feeds the
 * {@link BitrateController} four times a second. While RECONNECTING the queue is trimmed to what a
 * restart at a keyframe can use, the controller is paused, and attempts follow the
 * {@link ReconnectPolicy}; a reconnect asks the encoder for an IDR, resends metadata and sequence
 * headers and keeps the timeline. {@code BadName} (a stale session holding the name) is retried like
 * a loss; {@code Denied}, {@code Connect.Rejected} and certificate errors are final.
 */
final class Destination {
    private static final Logger LOG = LoggerFactory.getLogger(Destination.class);
    private static final long MAX_IN_FLIGHT_BYTES = 64 * 1024;
    private static final long CONTROL_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** What the stream hears from a destination (on the destination's thread). */
    interface Owner {
        /**
         * The first connection attempt ended: {@code error} null when it publishes.
         *
         * @return whether a failed destination should keep trying
         */
        boolean firstOutcome(Destination d, Throwable error);

        /** The destination stopped for good. */
        void gaveUp(Destination d, Throwable cause);
    }

    private final int index;
    private final String redacted;
    private final RtmpClientConfig rtmp;
    private final ReconnectPolicy policy;
    private final MediaSendQueue queue;
    private final StreamSender sender;
    private final VideoEncoder encoder;
    private final BitrateController controller;
    private final LiveStreamEvents events;
    private final Owner owner;
    private final PipelineWorker worker;
    private final AtomicLong reconnects = new AtomicLong();
    private volatile RtmpUrl url;
    private volatile DestinationState state = DestinationState.CONNECTING;
    private volatile RtmpPublishSession session;
    private volatile boolean draining;
    private volatile Throwable connectionError;
    private volatile CompletableFuture<RtmpPublishSession> attemptFuture;
    /** A connection made by {@link #prepare()} for the first attempt to publish on; null once taken or never made. */
    private volatile CompletableFuture<PreparedRtmpPublish> prepared;
    private final RtmpClientListener connectionListener = new RtmpClientListener() {
        @Override
        public void onError(Throwable error) {
            connectionError = error;
        }
    };
    private int attempt;
    private long nextAttemptNanos;
    private boolean everPublished;
    private String reconnectTcUrl;
    private long nextControlNanos;
    /** When the ingest accepted the current connection, until its first video frame went out; 0 after. */
    private long publishedAtNanos;

    Destination(int index, RtmpUrl url, RtmpClientConfig rtmp, ReconnectPolicy policy, long dropThresholdMs,
            StreamSender sender, VideoEncoder encoder, BitrateController controller, LiveStreamEvents events,
            Owner owner) {
        this.index = index;
        this.url = url;
        this.redacted = url.redacted();
        this.rtmp = rtmp;
        this.policy = policy;
        this.queue = new MediaSendQueue(dropThresholdMs,
                (packet, reason) -> events.seiDropped(packet.seiPayloads(), reason, url.redacted()));
        this.sender = sender;
        this.encoder = encoder;
        this.controller = controller;
        this.events = events;
        this.owner = owner;
        this.worker = new PipelineWorker("livepush-sender-" + index, this::loop, e -> lost(e, true));
    }

    MediaSendQueue queue() {
        return queue;
    }

    String redactedUrl() {
        return redacted;
    }

    DestinationState state() {
        return state;
    }

    void start() {
        worker.start();
    }

    /**
     * Opens the connection of the first attempt up to {@code createStream}, without {@code publish}
     * ({@link RtmpClient#prepare}); {@link #start()} then publishes on it. Before {@code start()}, once.
     *
     * @return completes when the connection is prepared; fails with the connection's error
     */
    CompletableFuture<Void> prepare() {
        CompletableFuture<PreparedRtmpPublish> f = RtmpClient.prepare(url, rtmp, connectionListener);
        prepared = f;
        return f.thenApply(p -> null);
    }

    /**
     * The first attempt's connection: the prepared one when it is still ready (waits while it is being
     * prepared), else a new one.
     *
     * @return null while a preparation is still under way
     */
    private CompletableFuture<RtmpPublishSession> connect() {
        CompletableFuture<PreparedRtmpPublish> f = prepared;
        if (f != null) {
            if (!f.isDone()) {
                return null;
            }
            prepared = null;
            PreparedRtmpPublish p = f.isCompletedExceptionally() ? null : f.join();
            if (p != null && p.isReady()) {
                LOG.debug("publishing on the prepared connection ({})", redacted);
                return p.publish();
            }
            LOG.info("the prepared connection to {} is gone ({}); connecting again", redacted,
                    p == null ? "it failed" : p.state());
            if (p != null) {
                p.close();
            }
        }
        return RtmpClient.publish(url, rtmp, connectionListener);
    }

    private void loop(PipelineWorker self) throws Exception {
        while (self.running()) {
            switch (state) {
                case CONNECTING, RECONNECTING -> stepConnecting();
                case PUBLISHING -> stepPublishing(self);
                default -> {
                    queue.trimForOutage();
                    Thread.sleep(100);
                }
            }
            if (draining && (state != DestinationState.PUBLISHING || queue.size() == 0)) {
                return;
            }
        }
    }

    private void stepConnecting() throws InterruptedException {
        queue.trimForOutage();
        if (attemptFuture == null) {
            long wait = nextAttemptNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(wait))));
                return;
            }
            connectionError = null;
            attemptFuture = connect();
            if (attemptFuture == null) {
                Thread.sleep(2);
                return;
            }
        }
        try {
            // Wakes as soon as the ingest answers (a prepared publish is one round trip), else checks again in 10 ms.
            attemptFuture.get(10, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return;
        } catch (ExecutionException | CancellationException e) {
            // handled below from the completed future
        }
        CompletableFuture<RtmpPublishSession> done = attemptFuture;
        attemptFuture = null;
        try {
            published(done.get());
        } catch (ExecutionException e) {
            failedAttempt(unwrap(e));
        }
    }

    private void published(RtmpPublishSession s) {
        session = s;
        sender.restart(MediaSink.of(s));
        if (controller != null) {
            controller.reset();
        }
        attempt = 0;
        publishedAtNanos = System.nanoTime();
        nextControlNanos = publishedAtNanos + CONTROL_PERIOD_NANOS;
        DestinationState before = state;
        state = DestinationState.PUBLISHING;
        LOG.info("{} => PUBLISHING ({})", before, redacted);
        if (everPublished) {
            // Restart at a keyframe now rather than at the next GOP boundary.
            encoder.requestKeyframe();
            reconnects.incrementAndGet();
            events.reconnected(redacted);
        } else {
            everPublished = true;
            owner.firstOutcome(this, null);
        }
    }

    private void failedAttempt(Throwable cause) {
        if (!everPublished && attempt == 0 && !owner.firstOutcome(this, cause)) {
            state = DestinationState.GAVE_UP;
            return;
        }
        lost(cause, false);
    }

    private void stepPublishing(PipelineWorker self) throws Exception {
        RtmpPublishSession s = session;
        if (s.closeFuture().isDone() || s.state().isTerminal()) {
            Throwable e = connectionError;
            lost(e != null ? e : new IOException("the ingest " + redacted + " closed the connection"), false);
            return;
        }
        CompletableFuture<String> request = s.reconnectRequest();
        if (reconnectTcUrl == null && request.isDone()) {
            reconnectTcUrl = request.getNow("");
        }
        MediaPacket p = queue.take(50, TimeUnit.MILLISECONDS);
        if (p != null) {
            if (reconnectTcUrl != null && p.isKeyframe() && !sender.awaitingKeyframe()) {
                queue.pushFront(p);
                reconnectOnRequest(s);
                return;
            }
            // Little in flight beyond the socket: the backlog stays in the queue, where the drop rules and the
            // bitrate controller see it.
            while (self.running() && (!s.isWritable() || s.pendingWriteBytes() > MAX_IN_FLIGHT_BYTES)
                    && !s.closeFuture().isDone()) {
                Thread.sleep(2);
                // The controller keeps its pace while the link is full: that is when it matters.
                control(s);
            }
            if (sender.send(p) && p.isVideo() && publishedAtNanos != 0) {
                LOG.debug("first video frame sent {} ms after the ingest accepted ({})",
                        (System.nanoTime() - publishedAtNanos) / 1_000_000, redacted);
                publishedAtNanos = 0;
            }
        }
        control(s);
    }

    private void control(RtmpPublishSession s) {
        long now = System.nanoTime();
        if (controller != null && now >= nextControlNanos) {
            nextControlNanos = now + CONTROL_PERIOD_NANOS;
            int bps = controller.update(now, queue.durationMs(), s.bytesSent());
            if (bps > 0) {
                LOG.info("video bitrate => {} kbps ({})", bps / 1000, redacted);
                encoder.setBitrate(bps);
            }
        }
    }

    /** Enhanced RTMP ReconnectRequest: leave at this keyframe and come back at once, to the new tcUrl if named. */
    private void reconnectOnRequest(RtmpPublishSession s) {
        String tcUrl = reconnectTcUrl;
        reconnectTcUrl = null;
        if (!tcUrl.isEmpty()) {
            try {
                url = RtmpUrl.parse(tcUrl.replaceAll("/+$", "") + "/" + url.streamKey());
            } catch (IllegalArgumentException e) {
                LOG.warn("ReconnectRequest named an unusable tcUrl ({}); reconnecting to {}", e.getMessage(), redacted);
            }
        }
        session = null;
        s.close();
        state = DestinationState.RECONNECTING;
        nextAttemptNanos = System.nanoTime();
        events.reconnecting(redacted, 1, Duration.ZERO, new IOException("the ingest asked to reconnect"));
    }

    /** The connection is gone (or an attempt failed): back off, or give up. On this thread (or its failure hook). */
    private void lost(Throwable cause, boolean fatal) {
        RtmpPublishSession s = session;
        session = null;
        if (s != null) {
            s.close();
        }
        if (draining || state == DestinationState.CLOSED || state == DestinationState.GAVE_UP) {
            return;
        }
        attempt++;
        if (fatal || isFinal(cause) || !policy.allows(attempt)) {
            state = DestinationState.GAVE_UP;
            LOG.warn("giving up on {} after {} attempt(s): {}", redacted, attempt - 1, cause.toString());
            events.gaveUp(redacted, cause);
            owner.gaveUp(this, cause);
            return;
        }
        Duration delay = policy.delay(attempt, ThreadLocalRandom.current()::nextDouble);
        nextAttemptNanos = System.nanoTime() + delay.toNanos();
        state = everPublished ? DestinationState.RECONNECTING : DestinationState.CONNECTING;
        LOG.warn("{}: {}; attempt {} in {} ms", redacted, cause.toString(), attempt, delay.toMillis());
        events.reconnecting(redacted, attempt, delay, cause);
    }

    private static boolean isFinal(Throwable cause) {
        if (cause instanceof RtmpCertificateException) {
            return true;
        }
        return cause instanceof RtmpPublishRejectedException r
                && (r.code() == OnStatusCode.PUBLISH_DENIED || r.code() == OnStatusCode.CONNECT_REJECTED);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Sends what is queued while publishing, within {@code timeoutMs}; then stops the thread. */
    void drain(long timeoutMs) {
        draining = true;
        queue.close();
        worker.join(timeoutMs);
    }

    /**
     * Stops the thread (by {@code deadlineNanos}) and closes the connection on another thread.
     *
     * @return completes when the connection is closed (bounded by the client's close timeout)
     */
    CompletableFuture<Void> stop(long deadlineNanos) {
        draining = true;
        queue.close();
        worker.stop(deadlineNanos);
        queue.discardRemaining();
        state = DestinationState.CLOSED;
        CompletableFuture<RtmpPublishSession> attemptLeft = attemptFuture;
        if (attemptLeft != null && !attemptLeft.cancel(false)) {
            attemptLeft.thenAccept(RtmpPublishSession::close);
        }
        CompletableFuture<PreparedRtmpPublish> preparedLeft = prepared;
        prepared = null;
        PreparedRtmpPublish unused = null;
        if (preparedLeft != null && !preparedLeft.cancel(false) && !preparedLeft.isCompletedExceptionally()) {
            unused = preparedLeft.join();
        }
        RtmpPublishSession s = session;
        session = null;
        if (s == null && unused == null) {
            return CompletableFuture.completedFuture(null);
        }
        // A prepared connection never published: closing it sends deleteStream only.
        AutoCloseable connection = s != null ? s : unused;
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                connection.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed: {}", redacted, e.toString());
            } finally {
                closed.complete(null);
            }
        }, "livepush-close-" + index);
        t.setDaemon(true);
        t.start();
        return closed;
    }

    boolean threadAlive() {
        return worker.isAlive();
    }

    DestinationStats stats() {
        RtmpPublishSession s = session;
        return new DestinationStats(redacted, state, queue.durationMs(), queue.droppedVideoFrames(),
                queue.droppedDuringOutage(), sender.videoFramesSent(), s == null ? 0 : s.bytesSent(),
                s == null ? -1 : s.rttMillis(), reconnects.get());
    }

    long audioFramesSent() {
        return sender.audioFramesSent();
    }

    long droppedAudioDuringOutage() {
        return queue.droppedAudioDuringOutage();
    }

    /** @return the video bitrate its controller last set, or -1 when it does not lead the bitrate */
    int controlledBitrate() {
        return controller == null ? -1 : controller.currentBps();
    }
}
