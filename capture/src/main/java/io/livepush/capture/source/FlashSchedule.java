package io.livepush.capture.source;

/**
 * The instants at which the synthetic sources mark A/V sync: {@code k * period} on the shared
 * {@link io.livepush.capture.MediaClock} for k = 0, 1, 2, ... (absolute clock time, so sources
 * started at different moments still agree).
 *
 * <ul>
 *   <li>Video ({@link TestPatternSource}): frame {@code n} of the frame-rate grid flashes when it is
 *       the first grid frame at or after an instant: {@code pts(n-1) < k * period <= pts(n)}
 *       (frame 0 counts as following time -1). Its pts therefore lies in
 *       {@code [k * period, k * period + one frame interval)}, and equals {@code k * period} whenever
 *       the period is a whole number of frames (1 s at 25, 30, 50 or 60 fps). If that frame is
 *       skipped by real-time pacing, the flash of that period is lost, never moved to another frame.</li>
 *   <li>Audio ({@link ToneSource}): the beep starts at sample {@link #onsetSample(long, int)} =
 *       {@code ceil(k * period * rate / 1e6)}, the first sample at or after the instant; at 48 kHz
 *       and a whole-millisecond period that is exactly the instant.</li>
 * </ul>
 *
 * @param periodUs the time between instants in microseconds, 10 ms .. 1 hour
 */
public record FlashSchedule(long periodUs) {
    /** The default: one instant per second. */
    public static final FlashSchedule EVERY_SECOND = new FlashSchedule(1_000_000L);

    /**
     * Validates at once.
     *
     * @param periodUs the time between instants in microseconds, 10 ms .. 1 hour
     * @throws IllegalArgumentException outside 10 ms .. 1 hour
     */
    public FlashSchedule {
        if (periodUs < 10_000L || periodUs > 3_600_000_000L) {
            throw new IllegalArgumentException("flash period " + periodUs
                    + " us is not allowed (expected 10000..3600000000 us, 10 ms to 1 h)");
        }
    }

    /**
     * @param k the instant's index, 0 or more
     * @return the instant {@code k * period} in microseconds
     */
    public long instantUs(long k) {
        return k * periodUs;
    }

    /**
     * @param rate the frame rate whose grid the frame is on, never null
     * @param n the frame index on that grid, 0 or more
     * @return true when frame {@code n} of {@code rate}'s grid is the flash frame of some instant
     */
    public boolean isFlashFrame(FrameRate rate, long n) {
        long pts = rate.ptsUs(n);
        long lastInstant = Math.floorDiv(pts, periodUs) * periodUs;
        long previous = n == 0 ? -1 : rate.ptsUs(n - 1);
        return lastInstant > previous;
    }

    /**
     * @param k the instant's index, 0 or more
     * @param sampleRate samples per second
     * @return the index of the first sample at or after instant {@code k} at {@code sampleRate}
     */
    public long onsetSample(long k, int sampleRate) {
        return ceilDiv(instantUs(k) * sampleRate, 1_000_000L);
    }

    /**
     * @param sample a sample index
     * @param sampleRate samples per second
     * @return the instant index of the last onset at or before {@code sample} (-1 before the first)
     */
    public long lastInstantAtOrBefore(long sample, int sampleRate) {
        if (sample < 0) {
            return -1;
        }
        // onsetSample(k) <= s  <=>  k * period * rate <= s * 1e6
        return Math.floorDiv(sample * 1_000_000L, periodUs * sampleRate);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
