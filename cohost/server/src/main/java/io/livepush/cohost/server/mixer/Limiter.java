package io.livepush.cohost.server.mixer;

/**
 * A peak limiter for summed 16-bit PCM, so that several loud participants never wrap around or
 * clip hard. Per stereo sample frame the gain needed to keep the louder channel at or below
 * {@link #CEILING} is computed; the gain falls to it at once (instant attack, so the ceiling is never
 * exceeded) and recovers towards 1 with a {@value #RELEASE_MS} ms time constant. Both channels share
 * one gain so the stereo image does not move. Owned by one thread.
 */
final class Limiter {
    /** The highest absolute sample value the limiter lets through (about -0.3 dBFS). */
    static final int CEILING = 31_800;
    static final int RELEASE_MS = 60;

    private final double release;
    private double gain = 1.0;

    /** @param sampleRate samples per second per channel */
    Limiter(int sampleRate) {
        this.release = 1.0 - Math.exp(-1.0 / (sampleRate * RELEASE_MS / 1000.0));
    }

    /**
     * Limits interleaved stereo sums into 16-bit samples.
     *
     * @param acc the sums, interleaved L R
     * @param out receives the limited samples; same length as {@code acc}
     */
    void process(int[] acc, short[] out) {
        for (int i = 0; i + 1 < acc.length; i += 2) {
            int l = acc[i];
            int r = acc[i + 1];
            int peak = Math.max(Math.abs(l), Math.abs(r));
            double needed = peak > CEILING ? (double) CEILING / peak : 1.0;
            if (needed < gain) {
                gain = needed;
            } else {
                gain += (1.0 - gain) * release;
                if (gain > needed) {
                    gain = needed;
                }
            }
            out[i] = clamp(l * gain);
            out[i + 1] = clamp(r * gain);
        }
    }

    /** @return the gain applied to the last sample frame, 0..1 */
    double gain() {
        return gain;
    }

    private static short clamp(double v) {
        long s = Math.round(v);
        return (short) Math.max(-CEILING, Math.min(CEILING, s));
    }
}
