package io.livepush.encoder.audio;

/**
 * Timestamps counted in samples: sample {@code n} of a stream is presented at
 * {@code firstPtsUs + round(n * 1e6 / sampleRate)} microseconds, so a long stream never drifts
 * from its sample count, whatever jitter the capture timestamps have. Exact for 3 years of
 * samples at 48 kHz (the product {@code n * 2e6} stays within a long).
 */
public final class SampleClock {
    private final int sampleRate;
    private final long firstPtsUs;

    /**
     * @param sampleRate samples per second, positive
     * @param firstPtsUs presentation time of sample 0 in microseconds
     */
    public SampleClock(int sampleRate, long firstPtsUs) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is not allowed (expected a positive rate)");
        }
        this.sampleRate = sampleRate;
        this.firstPtsUs = firstPtsUs;
    }

    /**
     * @param sampleIndex samples per channel since sample 0, not negative
     * @return its presentation time in microseconds, rounded to the nearest (halves up)
     */
    public long ptsUs(long sampleIndex) {
        if (sampleIndex < 0) {
            throw new IllegalArgumentException("sample index " + sampleIndex + " is negative (expected 0 or more)");
        }
        return firstPtsUs + (sampleIndex * 2_000_000L + sampleRate) / (2L * sampleRate);
    }

    /** @return presentation time of sample 0 in microseconds */
    public long firstPtsUs() {
        return firstPtsUs;
    }

    /** @return samples per second */
    public int sampleRate() {
        return sampleRate;
    }
}
