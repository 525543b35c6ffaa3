package io.livepush.examples.desktop;

import java.util.Arrays;

/**
 * The model behind {@link BitrateGraph}: the last {@link #capacity()} bitrate samples (one a second),
 * oldest first, and a rounded top for the graph's scale so the axis reads 500, 1000, 2000, 5000...
 * Owned by the event dispatch thread.
 */
public final class BitrateHistory {
    private final double[] samples;
    private int count;
    private int next;

    /**
     * @param capacity how many samples are kept, 2..3600
     */
    public BitrateHistory(int capacity) {
        if (capacity < 2 || capacity > 3600) {
            throw new IllegalArgumentException("bitrate history of " + capacity + " samples is not allowed (expected 2..3600)");
        }
        this.samples = new double[capacity];
    }

    /**
     * Adds the newest sample, dropping the oldest when full.
     *
     * @param kbps a bitrate, 0 or more (negative values and NaN are refused)
     */
    public void add(double kbps) {
        if (!(kbps >= 0) || Double.isInfinite(kbps)) {
            throw new IllegalArgumentException("bitrate sample " + kbps + " is not allowed (expected a finite value >= 0)");
        }
        samples[next] = kbps;
        next = (next + 1) % samples.length;
        count = Math.min(count + 1, samples.length);
    }

    /** Forgets every sample (a new stream starts). */
    public void clear() {
        count = 0;
        next = 0;
        Arrays.fill(samples, 0);
    }

    /** @return the samples, oldest first */
    public double[] values() {
        double[] out = new double[count];
        int start = (next - count + samples.length) % samples.length;
        for (int i = 0; i < count; i++) {
            out[i] = samples[(start + i) % samples.length];
        }
        return out;
    }

    /** @return how many samples are kept at most */
    public int capacity() {
        return samples.length;
    }

    /** @return the largest sample held, 0 when empty */
    public double max() {
        double m = 0;
        for (double v : values()) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** @return the newest sample, 0 when empty */
    public double latest() {
        return count == 0 ? 0 : samples[(next - 1 + samples.length) % samples.length];
    }

    /**
     * @return the graph's top: the smallest of 1, 2, 5 times a power of ten that is at least the
     *     largest sample (and at least 100 kbps, so an idle graph is not all noise)
     */
    public double scaleTop() {
        double m = Math.max(100, max());
        double p = Math.pow(10, Math.floor(Math.log10(m)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * p >= m - 1e-9) {
                return step * p;
            }
        }
        return 10 * p;
    }
}
