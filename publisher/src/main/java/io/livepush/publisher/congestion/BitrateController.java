package io.livepush.publisher.congestion;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Dynamic video bitrate for one connection (SPECS.md, "Dynamic bitrate", as OBS does it): when at
 * least {@value #REACT_QUEUE_MS} ms of media wait in the send queue, the throughput of the link is
 * estimated over the last {@value #WINDOW_MS} ms of bytes written and the video bitrate is lowered
 * to what is left of it after audio; once the queue has drained, the bitrate climbs back by 10 % of
 * the original every {@code recoverInterval} (4 s by default), never above the original and never
 * below {@value #FLOOR_BPS} bps.
 *
 * <p>Pure logic driven by {@link #update}: no threads, no clock of its own. Not thread-safe: one
 * owner thread (the destination's sender) calls it; {@link #reset()} when a new connection starts
 * so that a reconnect, which has its own backoff, never reads as congestion. That the same thread
 * runs reconnect and bitrate is on purpose: they are one state machine.
 */
public final class BitrateController {
    /** Queued media at and above which the link counts as congested, in milliseconds. */
    public static final long REACT_QUEUE_MS = 200;
    /** The throughput estimation window, in milliseconds. */
    public static final long WINDOW_MS = 1500;
    /** The lowest video bitrate it sets. */
    public static final int FLOOR_BPS = 50_000;

    private final int originalBps;
    private final int audioBps;
    private final long recoverIntervalNanos;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private int currentBps;
    private long lastChangeNanos = Long.MIN_VALUE;
    private long lowerings;

    /**
     * @param originalBps the configured video bitrate, the ceiling
     * @param audioBps the audio bitrate sharing the link (0 without audio)
     * @param recoverIntervalMs time between recovery steps (SPECS.md: 4000)
     * @throws IllegalArgumentException for a bitrate below the floor, a negative audio bitrate or an interval
     *     outside 100..60000 ms
     */
    public BitrateController(int originalBps, int audioBps, long recoverIntervalMs) {
        if (originalBps < FLOOR_BPS) {
            throw new IllegalArgumentException("video bitrate is " + originalBps + " bps (expected at least " + FLOOR_BPS + ")");
        }
        if (audioBps < 0) {
            throw new IllegalArgumentException("audio bitrate is " + audioBps + " bps (expected 0 or more)");
        }
        if (recoverIntervalMs < 100 || recoverIntervalMs > 60_000) {
            throw new IllegalArgumentException("recover interval is " + recoverIntervalMs + " ms (expected 100..60000)");
        }
        this.originalBps = originalBps;
        this.audioBps = audioBps;
        this.recoverIntervalNanos = TimeUnit.MILLISECONDS.toNanos(recoverIntervalMs);
        this.currentBps = originalBps;
    }

    /**
     * Feeds one observation and decides.
     *
     * @param nowNanos {@link System#nanoTime()}
     * @param queuedMs media waiting in the send queue plus what the connection has not written yet
     * @param bytesWritten bytes written to the socket so far on this connection (monotonic)
     * @return the new video bitrate in bps, or {@code -1} when it stays as it is
     */
    public int update(long nowNanos, long queuedMs, long bytesWritten) {
        samples.addLast(new long[] {nowNanos, bytesWritten});
        long windowNanos = TimeUnit.MILLISECONDS.toNanos(WINDOW_MS);
        while (samples.size() > 2 && nowNanos - samples.peekFirst()[0] > windowNanos) {
            samples.pollFirst();
        }
        if (lastChangeNanos == Long.MIN_VALUE) {
            lastChangeNanos = nowNanos;
        }
        long spanNanos = nowNanos - samples.peekFirst()[0];
        if (queuedMs >= REACT_QUEUE_MS) {
            // Only with at least a second of history is the estimate worth acting on.
            if (spanNanos < TimeUnit.MILLISECONDS.toNanos(1000)) {
                return -1;
            }
            double throughputBps = (bytesWritten - samples.peekFirst()[1]) * 8.0 * 1e9 / spanNanos;
            int target = clamp((long) (throughputBps * 0.9) - audioBps);
            // Lower at most once per estimation window: the encoder needs time to follow.
            if (target < currentBps && nowNanos - lastChangeNanos >= windowNanos / 2) {
                currentBps = target;
                lastChangeNanos = nowNanos;
                lowerings++;
                return currentBps;
            }
            return -1;
        }
        if (currentBps < originalBps && queuedMs < REACT_QUEUE_MS / 2 && nowNanos - lastChangeNanos >= recoverIntervalNanos) {
            currentBps = clamp(currentBps + originalBps / 10L);
            lastChangeNanos = nowNanos;
            return currentBps;
        }
        return -1;
    }

    private int clamp(long bps) {
        return (int) Math.max(FLOOR_BPS, Math.min(originalBps, bps));
    }

    /** Forgets the throughput history (a new connection); the current bitrate is kept. */
    public void reset() {
        samples.clear();
        lastChangeNanos = Long.MIN_VALUE;
    }

    /** @return the bitrate it last set (the original until it lowers it) */
    public int currentBps() {
        return currentBps;
    }

    /** @return the configured ceiling */
    public int originalBps() {
        return originalBps;
    }

    /** @return how many times it lowered the bitrate */
    public long lowerings() {
        return lowerings;
    }
}
