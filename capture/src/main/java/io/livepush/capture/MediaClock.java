package io.livepush.capture;

import java.util.function.LongSupplier;

/**
 * The one clock that every frame's presentation time is read from, so audio and video are in sync
 * by construction. Time 0 is when the clock was created; it advances with the monotonic system
 * clock (never with wall-clock adjustments).
 *
 * <p>{@link #wallClockUs(long)} maps a presentation time back to Unix epoch microseconds, which is
 * what latency stamps carry. Thread-safe and immutable.
 */
public final class MediaClock {
    private final LongSupplier nanoTime;
    private final long originNanos;
    private final long originEpochUs;

    /** A clock on the system's monotonic time, starting now. */
    public MediaClock() {
        this(System::nanoTime, System.currentTimeMillis() * 1000L);
    }

    /**
     * A clock on a given time source, for tests.
     *
     * @param nanoTime monotonic nanoseconds
     * @param originEpochUs the Unix epoch time in microseconds that presentation time 0 stands for
     */
    public MediaClock(LongSupplier nanoTime, long originEpochUs) {
        this.nanoTime = nanoTime;
        this.originNanos = nanoTime.getAsLong();
        this.originEpochUs = originEpochUs;
    }

    /** @return microseconds since this clock started */
    public long nowUs() {
        return (nanoTime.getAsLong() - originNanos) / 1000L;
    }

    /**
     * @param ptsUs a presentation time in microseconds on this clock
     * @return the Unix epoch time in microseconds of the given presentation time
     */
    public long wallClockUs(long ptsUs) {
        return originEpochUs + ptsUs;
    }

    /**
     * Sleeps until the clock reaches {@code ptsUs}; returns at once if it has passed.
     *
     * @param ptsUs the presentation time to wait for, in microseconds on this clock
     * @throws InterruptedException when interrupted while waiting
     */
    public void sleepUntil(long ptsUs) throws InterruptedException {
        long waitUs = ptsUs - nowUs();
        if (waitUs > 0) {
            Thread.sleep(waitUs / 1000L, (int) (waitUs % 1000L) * 1000);
        }
    }
}
