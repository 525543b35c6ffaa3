package io.livepush.encoder.javaaac;

/**
 * The analysis windows of ISO/IEC 14496-3 4.6.11.3.2: sine and Kaiser-Bessel-derived (KBD, alpha 4
 * for 2048-sample and alpha 6 for 256-sample windows) shapes, and the composite 2048-sample window
 * of each {@link WindowSequence}, whose left half follows the previous block's {@code window_shape}
 * and whose right half follows this block's.
 */
final class Windows {
    /** {@code window_shape} 0. */
    static final int SINE = 0;
    /** {@code window_shape} 1. */
    static final int KBD = 1;

    /** [shape][n]: rising halves of the long windows, 1024 values. */
    private final double[][] longRise = {sineRise(2048), kbdRise(2048, 4)};
    /** [shape][n]: rising halves of the short windows, 128 values. */
    private final double[][] shortRise = {sineRise(256), kbdRise(256, 6)};

    /**
     * Fills the composite window of a long-type block.
     *
     * @param sequence ONLY_LONG, LONG_START or LONG_STOP
     * @param previousShape the previous block's window shape (left half)
     * @param shape this block's window shape (right half)
     * @param out receives 2048 values
     */
    void longBlock(WindowSequence sequence, int previousShape, int shape, double[] out) {
        double[] lr = longRise[previousShape];
        double[] sr = shortRise[previousShape];
        for (int i = 0; i < 1024; i++) {
            if (sequence == WindowSequence.LONG_STOP) {
                out[i] = i < 448 ? 0 : i < 576 ? sr[i - 448] : 1;
            } else {
                out[i] = lr[i];
            }
        }
        double[] lf = longRise[shape];
        double[] sf = shortRise[shape];
        for (int i = 0; i < 1024; i++) {
            if (sequence == WindowSequence.LONG_START) {
                out[1024 + i] = i < 448 ? 1 : i < 576 ? sf[127 - (i - 448)] : 0;
            } else {
                out[1024 + i] = lf[1023 - i];
            }
        }
    }

    /**
     * Fills one 256-sample short window of an EIGHT_SHORT block.
     *
     * @param window 0..7; window 0's left half follows {@code previousShape}
     * @param previousShape the previous block's window shape
     * @param shape this block's window shape
     * @param out receives 256 values
     */
    void shortWindow(int window, int previousShape, int shape, double[] out) {
        double[] rise = shortRise[window == 0 ? previousShape : shape];
        double[] fall = shortRise[shape];
        for (int i = 0; i < 128; i++) {
            out[i] = rise[i];
            out[128 + i] = fall[127 - i];
        }
    }

    private static double[] sineRise(int n) {
        double[] w = new double[n / 2];
        for (int i = 0; i < n / 2; i++) {
            w[i] = Math.sin(Math.PI / n * (i + 0.5));
        }
        return w;
    }

    private static double[] kbdRise(int n, double alpha) {
        double[] kernel = new double[n / 2 + 1];
        double total = 0;
        for (int j = 0; j <= n / 2; j++) {
            double r = (j - n / 4.0) / (n / 4.0);
            kernel[j] = besselI0(Math.PI * alpha * Math.sqrt(1 - r * r));
            total += kernel[j];
        }
        double[] w = new double[n / 2];
        double sum = 0;
        for (int i = 0; i < n / 2; i++) {
            sum += kernel[i];
            w[i] = Math.sqrt(sum / total);
        }
        return w;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 60; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
