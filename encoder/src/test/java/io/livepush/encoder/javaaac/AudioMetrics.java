package io.livepush.encoder.javaaac;

/**
 * Measures decoded audio against its source (interleaved s16; decoded sample {@code j} lines up
 * with source sample {@code j + offset}, per channel): SNR, the dominant frequency, the
 * best-fitting offset and the energy error per octave band (left channel, from 2048-sample MDCT
 * spectra averaged over the signal). The first {@value #SKIP} decoded samples (a first frame
 * faded in without its dropped predecessor) are left out.
 */
final class AudioMetrics {
    /** Octave band edges in Hz used by {@link #bandErrors}. */
    static final int[] EDGES = {0, 250, 500, 1000, 2000, 4000, 8000, 16000, 20000};

    /** Decoded samples per channel left out at the start. */
    static final int SKIP = 2048;

    private AudioMetrics() {
    }

    static double snrDb(short[] source, short[] decoded, int channels, int offset) {
        double signal = 0;
        double noise = 0;
        for (int j = Math.max(SKIP, -offset); j < decoded.length / channels && j + offset < source.length / channels; j++) {
            for (int c = 0; c < channels; c++) {
                double s = source[(j + offset) * channels + c];
                double d = decoded[j * channels + c] - s;
                signal += s * s;
                noise += d * d;
            }
        }
        return 10 * Math.log10(signal / noise);
    }

    /** The offset in min..max that best lines 8192 decoded samples (after the skipped start) up with the source. */
    static int bestOffset(short[] source, short[] decoded, int channels, int min, int max) {
        int best = Integer.MIN_VALUE;
        double bestErr = Double.MAX_VALUE;
        int from = SKIP + Math.max(0, -min);
        for (int offset = min; offset <= max; offset++) {
            double err = 0;
            for (int j = from; j < from + 8192; j++) {
                double d = decoded[j * channels] - source[(j + offset) * channels];
                err += d * d;
            }
            if (err < bestErr) {
                bestErr = err;
                best = offset;
            }
        }
        return best;
    }

    /** The strongest frequency (1 Hz steps, 20 Hz..20 kHz) of the left channel over one second from {@code from}. */
    static double dominantFrequency(short[] interleaved, int channels, int from, int rate) {
        double[] x = new double[rate];
        for (int i = 0; i < rate; i++) {
            x[i] = interleaved[(from + i) * channels];
        }
        double bestHz = 0;
        double bestPower = -1;
        for (int hz = 20; hz <= 20_000; hz++) {
            double coeff = 2 * Math.cos(2 * Math.PI * hz / rate);
            double s1 = 0;
            double s2 = 0;
            for (double v : x) {
                double s0 = v + coeff * s1 - s2;
                s2 = s1;
                s1 = s0;
            }
            double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
            if (power > bestPower) {
                bestPower = power;
                bestHz = hz;
            }
        }
        return bestHz;
    }

    /** @return the decoded-minus-source energy in dB per octave band of {@link #EDGES} */
    static double[] bandErrorsDb(short[] source, short[] decoded, int channels, int offset, int rate) {
        int from = Math.max(SKIP, -offset);
        int count = Math.min(decoded.length / channels - from, source.length / channels - from - offset);
        double[] es = bandEnergies(source, channels, from + offset, count, rate);
        double[] ed = bandEnergies(decoded, channels, from, count, rate);
        double[] out = new double[es.length];
        for (int b = 0; b < es.length; b++) {
            out[b] = 10 * Math.log10((ed[b] + 1) / (es[b] + 1));
        }
        return out;
    }

    static String bandErrors(short[] source, short[] decoded, int channels, int offset, int rate) {
        double[] e = bandErrorsDb(source, decoded, channels, offset, rate);
        StringBuilder sb = new StringBuilder();
        for (int b = 0; b < e.length; b++) {
            sb.append(String.format("%s%.2g-%.2gk %+.1f", b == 0 ? "" : " ", EDGES[b] / 1000.0, EDGES[b + 1] / 1000.0, e[b]));
        }
        return sb.toString();
    }

    /** @return the largest absolute band energy error in dB among bands ending at or below {@code upToHz} */
    static double worstBandErrorDb(short[] source, short[] decoded, int channels, int offset, int rate, int upToHz) {
        double[] e = bandErrorsDb(source, decoded, channels, offset, rate);
        double worst = 0;
        for (int b = 0; b < e.length; b++) {
            if (EDGES[b + 1] <= upToHz) {
                worst = Math.max(worst, Math.abs(e[b]));
            }
        }
        return worst;
    }

    private static double[] bandEnergies(short[] x, int channels, int first, int count, int rate) {
        Mdct mdct = new Mdct(2048);
        double[] block = new double[2048];
        double[] spectrum = new double[1024];
        double[] energy = new double[EDGES.length - 1];
        for (int start = 0; start + 2048 <= count; start += 1024) {
            for (int i = 0; i < 2048; i++) {
                block[i] = x[(first + start + i) * channels] * Math.sin(Math.PI / 2048 * (i + 0.5));
            }
            mdct.forward(block, 0, spectrum, 0);
            for (int k = 0; k < 1024; k++) {
                double hz = (k + 0.5) * rate / 2048.0;
                for (int b = 0; b < energy.length; b++) {
                    if (hz >= EDGES[b] && hz < EDGES[b + 1]) {
                        energy[b] += spectrum[k] * spectrum[k];
                    }
                }
            }
        }
        return energy;
    }
}
