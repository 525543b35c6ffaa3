package io.livepush.publisher.stream;

import io.livepush.encoder.VideoEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a {@link LiveStream}'s events to its listener on one named thread,
 * {@code livepush-events}, and computes the once-a-second stats. A listener that throws is logged
 * and otherwise ignored: it never harms the stream.
 */
final class LiveStreamEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStreamEvents.class);

    private final LiveStreamListener listener;
    private final ScheduledExecutorService executor;
    private volatile String primary;
    private long lastNanos;
    private long lastFramesIn;
    private long lastFramesSent;
    private long lastBytes;
    private double fpsIn;
    private double fpsOut;
    private double kbps;

    LiveStreamEvents(LiveStreamListener listener) {
        this.listener = listener;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "livepush-events");
            t.setDaemon(true);
            return t;
        });
    }

    void connecting(String redactedUrl) {
        run(() -> listener.onConnecting(redactedUrl));
    }

    void publishing() {
        run(listener::onPublishing);
    }

    void sourceError(Object source, Throwable cause) {
        run(() -> listener.onSourceError(source, cause));
    }

    void primary(String redactedUrl) {
        this.primary = redactedUrl;
    }

    void reconnecting(String destination, int attempt, java.time.Duration delay, Throwable cause) {
        run(() -> {
            if (destination.equals(primary)) {
                listener.onReconnecting(attempt, delay, cause);
            }
            listener.onReconnecting(destination, attempt, delay, cause);
        });
    }

    void reconnected(String destination) {
        run(() -> {
            if (destination.equals(primary)) {
                listener.onReconnected();
            }
            listener.onReconnected(destination);
        });
    }

    void gaveUp(String destination, Throwable cause) {
        run(() -> {
            if (destination.equals(primary)) {
                listener.onGaveUp(cause);
            }
            listener.onGaveUp(destination, cause);
        });
    }

    /**
     * Reports SEI payloads that did not reach a destination: a WARN line each (length and reason, never the
     * bytes, which may be private to the application) and {@link LiveStreamListener#onSeiDropped} with a copy.
     *
     * @param payloads the payloads, possibly empty (then nothing happens)
     * @param reason why they were dropped
     * @param destination the redacted destination URL, or {@code null} when no frame carried them
     */
    void seiDropped(List<byte[]> payloads, SeiDropReason reason, String destination) {
        for (byte[] payload : payloads) {
            byte[] copy = payload.clone();
            if (destination == null) {
                LOG.warn("SEI payload of {} bytes dropped: {} before a frame carried it", copy.length, reason);
            } else {
                LOG.warn("SEI payload of {} bytes dropped for {}: {}", copy.length, destination, reason);
            }
            run(() -> listener.onSeiDropped(copy, reason, destination));
        }
    }

    void failed(Throwable cause) {
        run(() -> listener.onFailed(cause));
    }

    /** Delivers {@code onClosed} as the last event and lets the event thread end. */
    void closed() {
        run(listener::onClosed);
        executor.shutdown();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void startStats(Supplier<LiveStreamStats> stats) {
        try {
            executor.scheduleAtFixedRate(() -> {
                LiveStreamStats s = stats.get();
                safely(() -> listener.onStats(s));
            }, 1, 1, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("stats not started: the stream is closing");
        }
    }

    /** Takes a snapshot; rates are over the time since the previous snapshot (at least 0.5 s). */
    synchronized LiveStreamStats snapshot(long startNanos, VideoTrack video, List<Destination> destinations,
            VideoEncoder encoder) {
        long now = System.nanoTime();
        List<DestinationStats> each = new ArrayList<>(destinations.size());
        for (Destination d : destinations) {
            each.add(d.stats());
        }
        DestinationStats first = each.isEmpty() ? null : each.get(0);
        long framesIn = video == null ? 0 : video.framesIn();
        long framesSent = first == null ? 0 : first.framesSent();
        long bytes = 0;
        long reconnects = 0;
        long audioDropped = 0;
        for (int i = 0; i < each.size(); i++) {
            bytes += each.get(i).bytesSent();
            reconnects += each.get(i).reconnects();
            audioDropped += destinations.get(i).droppedAudioDuringOutage();
        }
        double dt = (now - lastNanos) / 1e9;
        if (lastNanos == 0 || dt >= 0.5) {
            if (lastNanos != 0) {
                fpsIn = (framesIn - lastFramesIn) / dt;
                fpsOut = Math.max(0, (framesSent - lastFramesSent) / dt);
                // Bytes restart with each connection; a negative difference means a reconnect.
                kbps = Math.max(0, (bytes - lastBytes) * 8 / dt / 1000.0);
            }
            lastNanos = now;
            lastFramesIn = framesIn;
            lastFramesSent = framesSent;
            lastBytes = bytes;
        }
        long dropped = (first == null ? 0 : first.droppedFrames()) + (video == null ? 0 : video.droppedBeforeEncode());
        return new LiveStreamStats(startNanos == 0 ? 0 : (now - startNanos) / 1_000_000, fpsIn, fpsOut, kbps,
                first == null ? 0 : first.queueMs(), dropped, framesSent, bytes,
                encoder == null ? 0 : encoder.bitrateBps(), first == null ? -1 : first.rttMs(), reconnects,
                audioDropped, List.copyOf(each));
    }

    private void run(Runnable r) {
        try {
            executor.execute(() -> safely(r));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("event dropped after close");
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("LiveStreamListener threw; the stream goes on", e);
        }
    }
}
