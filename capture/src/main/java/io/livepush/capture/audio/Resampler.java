package io.livepush.capture.audio;

/**
 * A streaming polyphase windowed-sinc sample-rate converter for interleaved s16 PCM.
 *
 * <h2>Filter</h2>
 * The conversion ratio is reduced to {@code L/M} (e.g. 44100 -> 48000 is 160/147). Output sample
 * {@code n} lies at input time {@code t = n * M / L}; it is the sum of the input samples within
 * {@value #HALF_WIDTH} (scaled by {@code M/L} when decimating) samples either side of {@code t},
 * weighted by a Kaiser-windowed sinc ({@code beta} {@value #KAISER_BETA}, about 80 dB of stop band)
 * with its cut-off at {@value #CUTOFF} of the lower Nyquist frequency. The weights for each
 * fractional position are tabulated once: exactly one row per phase when {@code L <=}
 * {@value #MAX_EXACT_PHASES} (every rate pair in common use), otherwise
 * {@value #MAX_EXACT_PHASES} rows with linear interpolation between them. Each row is normalised to
 * unit gain at 0 Hz.
 *
 * <h2>Timing</h2>
 * Output sample 0 is input sample 0 and output sample {@code n} is at input time {@code n * M / L}
 * exactly, so the conversion adds no delay to the timeline; the output merely trails the input
 * by the filter's half width until {@link #flush()} pads the end with silence.
 *
 * <p>Not thread-safe: one thread feeds it.
 */
public final class Resampler {
    /** Taps either side of the output position when interpolating (scaled up when decimating). */
    public static final int HALF_WIDTH = 40;
    /** Kaiser window shape parameter. */
    public static final double KAISER_BETA = 8.0;
    /** Cut-off as a fraction of the lower of the two Nyquist frequencies. */
    public static final double CUTOFF = 0.91;
    /** Largest phase count tabulated exactly. */
    public static final int MAX_EXACT_PHASES = 4096;

    private final int inRate;
    private final int outRate;
    private final int channels;
    private final long up;
    private final long down;
    private final int half;
    private final int taps;
    private final int phases;
    private final boolean exact;
    private final float[] table;
    /** Interleaved input; {@code buf[0]} is absolute input sample {@link #base}. */
    private float[] buf;
    private int bufFrames;
    private long base;
    private long outIndex;
    private long inputFrames;
    private boolean flushed;

    /**
     * @param inRate input samples per second, 1000..768000
     * @param outRate output samples per second, 1000..768000
     * @param channels interleaved channels, 1..8
     */
    public Resampler(int inRate, int outRate, int channels) {
        requireRate(inRate, "input");
        requireRate(outRate, "output");
        if (channels < 1 || channels > 8) {
            throw new IllegalArgumentException("channel count " + channels + " is not allowed (expected 1..8)");
        }
        this.inRate = inRate;
        this.outRate = outRate;
        this.channels = channels;
        long g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        double scale = Math.min(1.0, (double) up / down);
        this.half = (int) Math.ceil(HALF_WIDTH / scale);
        this.taps = 2 * half;
        this.exact = up <= MAX_EXACT_PHASES;
        this.phases = exact ? (int) up : MAX_EXACT_PHASES;
        this.table = design(phases, half, CUTOFF * 0.5 * scale);
        // Half a window of silence before sample 0, so output 0 is centred on input 0.
        this.buf = new float[Math.max(4096, taps * 2) * channels];
        this.bufFrames = half - 1;
        this.base = -(half - 1);
    }

    private static void requireRate(int rate, String what) {
        if (rate < 1000 || rate > 768_000) {
            throw new IllegalArgumentException(what + " sample rate " + rate + " Hz is not allowed (expected 1000..768000)");
        }
    }

    /** One row of {@code taps} weights per phase, plus a copy of row 0 shifted by one for interpolation. */
    private static float[] design(int phases, int half, double fc) {
        int taps = 2 * half;
        float[] t = new float[(phases + 1) * taps];
        double i0Beta = besselI0(KAISER_BETA);
        for (int p = 0; p <= phases; p++) {
            double frac = (double) p / phases;
            double sum = 0;
            double[] row = new double[taps];
            for (int j = 0; j < taps; j++) {
                double d = frac + half - 1 - j; // distance from output time to input sample
                double x = d / half;
                if (Math.abs(x) >= 1.0) {
                    continue;
                }
                double w = besselI0(KAISER_BETA * Math.sqrt(1 - x * x)) / i0Beta;
                double arg = 2 * fc * d;
                double sinc = arg == 0 ? 1.0 : Math.sin(Math.PI * arg) / (Math.PI * arg);
                row[j] = 2 * fc * sinc * w;
                sum += row[j];
            }
            for (int j = 0; j < taps; j++) {
                t[p * taps + j] = (float) (row[j] / sum);
            }
        }
        return t;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 64; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    /** @return input samples per second */
    public int inRate() {
        return inRate;
    }

    /** @return output samples per second */
    public int outRate() {
        return outRate;
    }

    /** @return interleaved channels */
    public int channels() {
        return channels;
    }

    /**
     * Converts a block.
     *
     * @param in interleaved input samples, a whole number of sample frames
     * @return the interleaved output samples this input completes (possibly none)
     * @throws IllegalStateException after {@link #flush()}
     */
    public short[] process(short[] in) {
        if (flushed) {
            throw new IllegalStateException("resampler was flushed (expected no more input)");
        }
        if (in.length % channels != 0) {
            throw new IllegalArgumentException(in.length + " samples do not divide into " + channels + " channels");
        }
        append(in, in.length / channels);
        return drain();
    }

    /**
     * Ends the input: pads with silence until every input sample has reached the output.
     *
     * @return the remaining output
     */
    public short[] flush() {
        if (flushed) {
            return new short[0];
        }
        flushed = true;
        long wanted = (inputFrames * up + down - 1) / down; // outputs whose time lies within the input
        append(new short[(half + 1) * channels], half + 1);
        short[] out = drain();
        int keep = (int) Math.max(0, Math.min(out.length / channels, wanted - (outIndex - out.length / channels)));
        return keep * channels == out.length ? out : java.util.Arrays.copyOf(out, keep * channels);
    }

    private void append(short[] in, int frames) {
        int needed = (bufFrames + frames) * channels;
        if (needed > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
        }
        int o = bufFrames * channels;
        for (int k = 0; k < frames * channels; k++) {
            buf[o + k] = in[k];
        }
        bufFrames += frames;
        if (!flushed) {
            inputFrames += frames;
        }
    }

    private short[] drain() {
        long end = base + bufFrames; // one past the last buffered input sample
        // Output n needs input up to floor(n*M/L) + half.
        long lastIn = end - 1 - half;
        // Outputs n with floor(n*M/L) <= lastIn, i.e. n <= ((lastIn + 1) * L - 1) / M.
        long count = lastIn < 0 ? 0 : Math.max(0, ((lastIn + 1) * up - 1) / down + 1 - outIndex);
        short[] out = new short[(int) count * channels];
        int w = 0;
        for (long k = 0; k < count; k++, outIndex++) {
            long num = outIndex * down;
            long i = num / up;
            long frac = num % up;
            int start = (int) (i - half + 1 - base) * channels;
            int row;
            float weight;
            if (exact) {
                row = (int) frac * taps;
                weight = 0;
            } else {
                double pos = (double) frac / up * phases;
                int p0 = (int) pos;
                row = p0 * taps;
                weight = (float) (pos - p0);
            }
            for (int c = 0; c < channels; c++) {
                double acc = 0;
                int idx = start + c;
                if (weight == 0) {
                    for (int j = 0; j < taps; j++, idx += channels) {
                        acc += buf[idx] * table[row + j];
                    }
                } else {
                    int next = row + taps;
                    for (int j = 0; j < taps; j++, idx += channels) {
                        acc += buf[idx] * (table[row + j] + weight * (table[next + j] - table[row + j]));
                    }
                }
                long v = Math.round(acc);
                out[w++] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
            }
        }
        // Drop input no later output needs: the next output starts at floor(outIndex*M/L) - half + 1.
        long keepFrom = Math.min((outIndex * down) / up - half + 1, end);
        int drop = (int) (keepFrom - base);
        if (drop > 0) {
            System.arraycopy(buf, drop * channels, buf, 0, (bufFrames - drop) * channels);
            bufFrames -= drop;
            base = keepFrom;
        }
        return out;
    }

    @Override
    public String toString() {
        return "Resampler[" + inRate + " -> " + outRate + " Hz, " + channels + " ch, " + taps + " taps, "
                + (exact ? phases + " exact phases" : phases + " interpolated phases") + "]";
    }
}
