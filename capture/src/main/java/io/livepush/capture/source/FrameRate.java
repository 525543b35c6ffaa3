package io.livepush.capture.source;

/**
 * An exact frame rate as a fraction, e.g. 30/1 or 30000/1001 (29.97), and the timestamp grid it
 * defines: frame {@code n} is at {@code round(n * 1e6 * denominator / numerator)} microseconds,
 * computed from {@code n} every time so timestamps never drift, not even at 29.97.
 *
 * @param numerator frames per {@code denominator} seconds, 1..1000000
 * @param denominator 1..1000000; numerator / denominator must be at most 240
 */
public record FrameRate(int numerator, int denominator) {
    private static final long US = 1_000_000L;

    /**
     * Validates at once.
     *
     * @param numerator frames per {@code denominator} seconds, 1..1000000
     * @param denominator 1..1000000; numerator / denominator must be at most 240
     * @throws IllegalArgumentException outside those ranges or above 240 fps
     */
    public FrameRate {
        if (numerator < 1 || numerator > 1_000_000 || denominator < 1 || denominator > 1_000_000
                || numerator > 240L * denominator) {
            throw new IllegalArgumentException("frame rate " + numerator + "/" + denominator
                    + " is not allowed (expected a fraction of positive integers up to 1000000, at most 240 fps)");
        }
    }

    /**
     * @param fps whole frames per second, 1..240
     * @return {@code fps}/1
     * @throws IllegalArgumentException outside that range
     */
    public static FrameRate of(int fps) {
        return new FrameRate(fps, 1);
    }

    /**
     * Converts a decimal rate, recognising the NTSC rates 23.976, 29.97 and 59.94 as their exact
     * x/1001 fractions; any other rate is taken to the nearest 1/1000.
     *
     * @param fps frames per second, greater than 0 and at most 240
     * @return the exact fraction
     * @throws IllegalArgumentException outside that range or not a number
     */
    public static FrameRate of(double fps) {
        if (!(fps > 0 && fps <= 240)) {
            throw new IllegalArgumentException("frame rate " + fps + " is not allowed (expected > 0 and <= 240)");
        }
        for (int base : new int[] {24, 30, 48, 60, 120, 240}) {
            double ntsc = base * 1000 / 1001.0;
            if (Math.abs(fps - ntsc) < 0.005) {
                return new FrameRate(base * 1000, 1001);
            }
        }
        if (fps == Math.rint(fps)) {
            return new FrameRate((int) fps, 1);
        }
        int num = (int) Math.round(fps * 1000);
        int g = gcd(num, 1000);
        return new FrameRate(num / g, 1000 / g);
    }

    /** @return frames per second as a decimal, for display and {@link io.livepush.capture.VideoFormat} */
    public double fps() {
        return (double) numerator / denominator;
    }

    /**
     * @param n frame index on the grid, 0 or more
     * @return the timestamp of frame {@code n} in microseconds, rounded to the nearest
     */
    public long ptsUs(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("frame index " + n + " is negative");
        }
        // Split n so the products stay inside a long: n = q * numerator + r.
        long q = n / numerator;
        long r = n % numerator;
        long whole = Math.multiplyExact(q, US * denominator);
        return whole + (2 * r * US * denominator + numerator) / (2L * numerator);
    }

    /**
     * @param ptsUs a timestamp in microseconds
     * @return the smallest frame index whose timestamp is at or after {@code ptsUs} (0 for negative times)
     */
    public long frameAtOrAfter(long ptsUs) {
        if (ptsUs <= 0) {
            return 0;
        }
        long n = (long) Math.floor(ptsUs * (double) numerator / (US * denominator));
        while (n > 0 && ptsUs(n - 1) >= ptsUs) {
            n--;
        }
        while (ptsUs(n) < ptsUs) {
            n++;
        }
        return n;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
