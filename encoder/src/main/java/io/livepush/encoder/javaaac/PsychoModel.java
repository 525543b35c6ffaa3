package io.livepush.encoder.javaaac;

/**
 * A simple psychoacoustic model giving, for every coded band, the quantization noise energy it may
 * carry unheard:
 *
 * <ol>
 *   <li>band energy, summed over the band's lines (all windows of its group);
 *   <li>spreading: each band's energy masks its neighbours, falling 30 dB per Bark towards lower
 *       and 15 dB per Bark towards higher frequencies;
 *   <li>tonality: the spectral flatness of the band's lines moves the signal-to-mask ratio between
 *       {@value #NOISE_SMR_DB} dB (noise-like) and {@value #TONE_SMR_DB} dB (tone-like);
 *   <li>the absolute threshold of hearing (Terhardt's approximation), placing a full-scale tone at
 *       96 dB SPL.
 * </ol>
 */
final class PsychoModel {
    static final double NOISE_SMR_DB = 10;
    static final double TONE_SMR_DB = 24;
    private static final double LOWER_SLOPE_DB = 30;
    private static final double UPPER_SLOPE_DB = 15;
    private final int sampleRate;
    private final double[] spread = new double[8 * 49];

    PsychoModel(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /**
     * @param spectrum interleaved spectrum of the block
     * @param layout its band layout
     * @param energy receives each band entry's energy
     * @param threshold receives each band entry's allowed noise energy
     */
    void analyze(double[] spectrum, BandLayout layout, double[] energy, double[] threshold) {
        int bands = layout.bands();
        double blockLength = layout.isShort() ? 256 : 2048;
        // A full-scale sine gives a line of about 32768 * N * 2 / pi with this MDCT scaling.
        double fullScaleLine = Math.pow(32768 * blockLength * 2 / Math.PI, 2);
        for (int g = 0; g < layout.groups(); g++) {
            for (int b = 0; b < bands; b++) {
                int gb = g * bands + b;
                int start = layout.start(gb);
                int width = layout.width(gb);
                double sum = 0;
                double logSum = 0;
                for (int i = start; i < start + width; i++) {
                    double e = spectrum[i] * spectrum[i];
                    sum += e;
                    logSum += Math.log(e + 1e-3);
                }
                energy[gb] = sum;
                double mean = sum / width;
                double flatnessDb = mean <= 1e-3 ? 0 : 10 * (logSum / width - Math.log(mean + 1e-3)) / Math.log(10);
                double tonality = Math.min(1, Math.max(0, -flatnessDb / 25));
                double smr = tonality * TONE_SMR_DB + (1 - tonality) * NOISE_SMR_DB;
                spread[gb] = sum * Math.pow(10, -smr / 10);
            }
            for (int b = 1; b < bands; b++) {
                double gap = bark(layout.centreHz(b, sampleRate)) - bark(layout.centreHz(b - 1, sampleRate));
                double fromBelow = spread[g * bands + b - 1] * Math.pow(10, -UPPER_SLOPE_DB * gap / 10);
                spread[g * bands + b] = Math.max(spread[g * bands + b], fromBelow);
            }
            for (int b = bands - 2; b >= 0; b--) {
                double gap = bark(layout.centreHz(b + 1, sampleRate)) - bark(layout.centreHz(b, sampleRate));
                double fromAbove = spread[g * bands + b + 1] * Math.pow(10, -LOWER_SLOPE_DB * gap / 10);
                spread[g * bands + b] = Math.max(spread[g * bands + b], fromAbove);
            }
            for (int b = 0; b < bands; b++) {
                int gb = g * bands + b;
                double athDb = Math.min(athDb(layout.centreHz(b, sampleRate)), 90);
                double ath = fullScaleLine * Math.pow(10, (athDb - 96) / 10) * layout.width(gb);
                threshold[gb] = Math.max(spread[gb], ath);
            }
        }
    }

    /** @return the Bark value of a frequency (Zwicker and Terhardt) */
    static double bark(double hz) {
        return 13 * Math.atan(0.00076 * hz) + 3.5 * Math.atan(Math.pow(hz / 7500, 2));
    }

    /** @return the threshold in quiet in dB SPL (Terhardt 1979) */
    static double athDb(double hz) {
        double f = Math.max(hz, 20) / 1000;
        return 3.64 * Math.pow(f, -0.8) - 6.5 * Math.exp(-0.6 * Math.pow(f - 3.3, 2)) + 1e-3 * Math.pow(f, 4);
    }
}
