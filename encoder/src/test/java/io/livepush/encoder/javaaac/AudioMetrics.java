package io.livepush.encoder.javaaac;

/**
 * Measures decoded audio against its source (interleaved s16, the decoded signal lagging by a
 * delay in samples per channel): SNR, the dominant frequency, the best-fitting lag and the energy
 * error per octave band (left channel, from 2048-sample MDCT spectra averaged over the signal).
 */
final class AudioMetrics {
    /** Octave band edges in Hz used by {@link #bandErrors}. */
    static final int[] EDGES = {0, 250, 500, 1000, 2000, 4000, 8000, 16000, 20000};

    private AudioMetrics() {
    }

    static double snrDb(short[] source, short[] decoded, int channels, int lag) {
        double signal = 0;
        double noise = 0;
        int n = Math.min(source.length, decoded.length - lag * channels);
        for (int i = 0; i < n; i++) {
            double s = source[i];
            double d = decoded[i + lag * channels] - s;
            signal += s * s;
            noise += d * d;
        }
        return 10 * Math.log10(signal / noise);
    }

    /** The lag in 0..maxLag that best lines the decoded signal up with the first 4096 source samples. */
    static int bestLag(short[] source, short[] decoded, int channels, int maxLag) {
        int best = -1;
        double bestErr = Double.MAX_VALUE;
        for (int lag = 0; lag <= maxLag; lag++) {
            double err = 0;
            for (int i = 0; i < 4096 * channels; i++) {
                double d = decoded[lag * channels + i] - source[i];
                err += d * d;
            }
            for (int i = 0; i < lag * channels; i++) {
                err += (double) decoded[i] * decoded[i];
            }
            if (err < bestErr) {
                bestErr = err;
                best = lag;
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
    static double[] bandErrorsDb(short[] source, short[] decoded, int channels, int lag, int rate) {
        double[] es = bandEnergies(source, channels, 0, source.length / channels, rate);
        double[] ed = bandEnergies(decoded, channels, lag, source.length / channels, rate);
        double[] out = new double[es.length];
        for (int b = 0; b < es.length; b++) {
            out[b] = 10 * Math.log10((ed[b] + 1) / (es[b] + 1));
        }
        return out;
    }

    static String bandErrors(short[] source, short[] decoded, int channels, int lag, int rate) {
        double[] e = bandErrorsDb(source, decoded, channels, lag, rate);
        StringBuilder sb = new StringBuilder();
        for (int b = 0; b < e.length; b++) {
            sb.append(String.format("%s%.2g-%.2gk %+.1f", b == 0 ? "" : " ", EDGES[b] / 1000.0, EDGES[b + 1] / 1000.0, e[b]));
        }
        return sb.toString();
    }

    /** @return the largest absolute band energy error in dB among bands ending at or below {@code upToHz} */
    static double worstBandErrorDb(short[] source, short[] decoded, int channels, int lag, int rate, int upToHz) {
        double[] e = bandErrorsDb(source, decoded, channels, lag, rate);
        double worst = 0;
        for (int b = 0; b < e.length; b++) {
            if (EDGES[b + 1] <= upToHz) {
                worst = Math.max(worst, Math.abs(e[b]));
            }
        }
        return worst;
    }

    private static double[] bandEnergies(short[] x, int channels, int lag, int count, int rate) {
        Mdct mdct = new Mdct(2048);
        double[] block = new double[2048];
        double[] spectrum = new double[1024];
        double[] energy = new double[EDGES.length - 1];
        for (int start = 0; start + 2048 <= count && (lag + start + 2048) * channels <= x.length; start += 1024) {
            for (int i = 0; i < 2048; i++) {
                block[i] = x[(lag + start + i) * channels] * Math.sin(Math.PI / 2048 * (i + 0.5));
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
