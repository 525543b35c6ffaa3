package io.livepush.encoder.javaaac;

import java.util.Random;

/**
 * Synthetic test inputs, interleaved s16: a speech-like signal (a glottal pulse train through three
 * formant resonators, 250 ms syllables with pauses, each opened by a plosive noise burst) and a
 * music-like one (a sustained chord with harmonics and a drum-like hit every half second).
 */
final class TestSignals {
    private TestSignals() {
    }

    /** Interleaved sine, {@code count} samples per channel. */
    static short[] sine(int rate, int channels, int count, double hz) {
        short[] s = new short[count * channels];
        for (int i = 0; i < count; i++) {
            short v = (short) Math.round(10_000 * Math.sin(2 * Math.PI * hz * i / rate));
            for (int c = 0; c < channels; c++) {
                s[i * channels + c] = v;
            }
        }
        return s;
    }

    /** Speech-like: syllables of 250 ms with 120 ms pauses, pitch 110-180 Hz, moving formants. */
    static short[] speech(int rate, int channels, int count) {
        Random random = new Random(7);
        double[][] vowels = {{700, 1220, 2600}, {300, 2300, 3000}, {500, 900, 2400}, {400, 1900, 2550}};
        double[] out = new double[count];
        double[] y1 = new double[3];
        double[] y2 = new double[3];
        int syllable = (int) (0.37 * rate);
        double phase = 0;
        for (int i = 0; i < count; i++) {
            int k = i / syllable;
            int pos = i % syllable;
            int voiced = (int) (0.25 * rate);
            double[] formants = vowels[k % vowels.length];
            double excitation = 0;
            double gain = 0;
            if (pos < voiced) {
                double f0 = 110 + 70 * Math.sin(Math.PI * pos / voiced) + 10 * (k % 3);
                phase += f0 / rate;
                if (phase >= 1) {
                    phase -= 1;
                    excitation = 1;
                }
                gain = Math.min(1, pos / (0.02 * rate)) * Math.min(1, (voiced - pos) / (0.04 * rate));
            }
            double plosive = pos < 0.012 * rate && k % 2 == 0 ? random.nextGaussian() * 0.5 : 0;
            double sum = 0;
            for (int f = 0; f < 3; f++) {
                double r = Math.exp(-Math.PI * 90 / rate);
                double theta = 2 * Math.PI * formants[f] / rate;
                double y = excitation * gain + 2 * r * Math.cos(theta) * y1[f] - r * r * y2[f];
                y2[f] = y1[f];
                y1[f] = y;
                sum += y / (f + 1);
            }
            out[i] = sum * 900 + plosive * 9000;
        }
        return toShorts(out, null, channels);
    }

    /** Music-like: an A major chord with three harmonics per note and a drum hit every 0.5 s. */
    static short[] music(int rate, int channels, int count) {
        Random random = new Random(11);
        double[] notes = {220, 277.18, 329.63, 440};
        double[] out = new double[count];
        double[] right = new double[count];
        for (int i = 0; i < count; i++) {
            double t = (double) i / rate;
            double chord = 0;
            double chordR = 0;
            for (int n = 0; n < notes.length; n++) {
                for (int h = 1; h <= 3; h++) {
                    double v = Math.sin(2 * Math.PI * notes[n] * h * t + n) / (h * h);
                    chord += v;
                    chordR += n % 2 == 0 ? v : 0.6 * v;
                }
            }
            double sinceHit = t % 0.5;
            double drum = Math.exp(-sinceHit * 30) * (random.nextGaussian() * 0.6 + Math.sin(2 * Math.PI * 60 * sinceHit));
            out[i] = chord * 2200 + drum * 9000;
            right[i] = chordR * 2200 + drum * 8000;
        }
        return toShorts(out, right, channels);
    }

    /**
     * Inputs at the edges of the format: {@code noise} (full-scale white noise), {@code square}
     * (a clipped 50 Hz square wave), {@code clicks} (single full-scale samples in silence),
     * {@code silence}.
     */
    static short[] extreme(String kind, int channels, int count) {
        Random random = new Random(kind.hashCode());
        double[] left = new double[count];
        double[] right = new double[count];
        for (int i = 0; i < count; i++) {
            switch (kind) {
                case "noise" -> {
                    left[i] = random.nextGaussian() * 20_000;
                    right[i] = random.nextGaussian() * 20_000;
                }
                case "square" -> {
                    left[i] = (i / 480) % 2 == 0 ? 32767 : -32768;
                    right[i] = -left[i];
                }
                case "clicks" -> {
                    left[i] = i % 12_000 == 7_000 ? 32767 : 0;
                    right[i] = i % 12_000 == 7_100 ? -32768 : 0;
                }
                case "silence" -> {
                    left[i] = 0;
                    right[i] = 0;
                }
                default -> throw new IllegalArgumentException("unknown signal " + kind
                        + " (expected noise, square, clicks or silence)");
            }
        }
        return toShorts(left, right, channels);
    }

    private static short[] toShorts(double[] left, double[] right, int channels) {
        short[] s = new short[left.length * channels];
        for (int i = 0; i < left.length; i++) {
            for (int c = 0; c < channels; c++) {
                double v = c == 1 && right != null ? right[i] : left[i];
                s[i * channels + c] = (short) Math.max(-32768, Math.min(32767, Math.round(v)));
            }
        }
        return s;
    }
}
