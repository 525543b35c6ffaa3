package io.livepush.publisher.stream;

import io.livepush.publisher.rtmp.client.RtmpPublishSession;
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
    synchronized LiveStreamStats snapshot(long startNanos, VideoTrack video, StreamSender sender,
            RtmpPublishSession session, MediaSendQueue queue) {
        long now = System.nanoTime();
        long framesIn = video == null ? 0 : video.framesIn();
        long framesSent = sender == null ? 0 : sender.videoFramesSent();
        long bytes = session == null ? 0 : session.bytesSent();
        double dt = (now - lastNanos) / 1e9;
        if (lastNanos == 0 || dt >= 0.5) {
            if (lastNanos != 0) {
                fpsIn = (framesIn - lastFramesIn) / dt;
                fpsOut = (framesSent - lastFramesSent) / dt;
                kbps = (bytes - lastBytes) * 8 / dt / 1000.0;
            }
            lastNanos = now;
            lastFramesIn = framesIn;
            lastFramesSent = framesSent;
            lastBytes = bytes;
        }
        long dropped = queue.droppedVideoFrames() + (video == null ? 0 : video.droppedBeforeEncode());
        return new LiveStreamStats(startNanos == 0 ? 0 : (now - startNanos) / 1_000_000, fpsIn, fpsOut, kbps,
                queue.durationMs(), dropped, framesSent, bytes);
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
