package io.livepush.encoder.javaaac;

/**
 * The forward MDCT of ISO/IEC 14496-3 4.6.11.3.2 (the inverse of the decoder's IMDCT, scaled so
 * that the decoder's {@code 2/N} factor gives back the input): for a windowed block {@code z} of
 * {@code N} samples, {@code X[k] = 2 * sum z[n] cos(2 pi / N (n + n0)(k + 1/2))},
 * {@code n0 = (N/2 + 1)/2}, {@code k < N/2}.
 *
 * <p>Computed in O(N log N): the block is folded into {@code N/2} samples whose DCT-IV equals the
 * MDCT, and the DCT-IV runs as an {@code N/4}-point complex FFT between two twiddle rotations.
 * Every table and work array is allocated once, in the constructor; {@link #forward} allocates
 * nothing. Not thread-safe.
 */
final class Mdct {
    private final int n;
    private final int half;
    private final int quarter;
    private final double[] preCos;
    private final double[] preSin;
    private final double[] postCos;
    private final double[] postSin;
    private final double[] fftCos;
    private final double[] fftSin;
    private final int[] bitReverse;
    private final double[] folded;
    private final double[] re;
    private final double[] im;

    /**
     * @param n the block length, a power of two of at least 16 (2048 or 256 in AAC)
     */
    Mdct(int n) {
        if (n < 16 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("MDCT length " + n + " is not allowed (expected a power of two >= 16)");
        }
        this.n = n;
        this.half = n / 2;
        this.quarter = n / 4;
        preCos = new double[quarter];
        preSin = new double[quarter];
        postCos = new double[quarter];
        postSin = new double[quarter];
        for (int i = 0; i < quarter; i++) {
            double a = -Math.PI * (4 * i + 1) / (4.0 * half);
            preCos[i] = Math.cos(a);
            preSin[i] = Math.sin(a);
            double b = -Math.PI * i / half;
            postCos[i] = Math.cos(b) * 2;
            postSin[i] = Math.sin(b) * 2;
        }
        fftCos = new double[quarter / 2];
        fftSin = new double[quarter / 2];
        for (int i = 0; i < quarter / 2; i++) {
            fftCos[i] = Math.cos(-2 * Math.PI * i / quarter);
            fftSin[i] = Math.sin(-2 * Math.PI * i / quarter);
        }
        int bits = Integer.numberOfTrailingZeros(quarter);
        bitReverse = new int[quarter];
        for (int i = 0; i < quarter; i++) {
            bitReverse[i] = Integer.reverse(i) >>> (32 - bits);
        }
        folded = new double[half];
        re = new double[quarter];
        im = new double[quarter];
    }

    /** @return the block length N */
    int length() {
        return n;
    }

    /**
     * @param z {@code N} windowed samples starting at {@code zOffset}
     * @param zOffset where the block starts
     * @param out receives {@code N/2} coefficients starting at {@code outOffset}
     * @param outOffset where to write
     */
    void forward(double[] z, int zOffset, double[] out, int outOffset) {
        int threeHalf = 3 * half / 2;
        for (int i = 0; i < half / 2; i++) {
            folded[i] = -z[zOffset + threeHalf - 1 - i] - z[zOffset + threeHalf + i];
        }
        for (int i = half / 2; i < half; i++) {
            folded[i] = z[zOffset + i - half / 2] - z[zOffset + threeHalf - 1 - i];
        }
        for (int i = 0; i < quarter; i++) {
            double a = folded[2 * i];
            double b = folded[half - 1 - 2 * i];
            int j = bitReverse[i];
            re[j] = a * preCos[i] - b * preSin[i];
            im[j] = a * preSin[i] + b * preCos[i];
        }
        fft();
        for (int k = 0; k < quarter; k++) {
            double yr = re[k] * postCos[k] - im[k] * postSin[k];
            double yi = re[k] * postSin[k] + im[k] * postCos[k];
            out[outOffset + 2 * k] = yr;
            out[outOffset + half - 1 - 2 * k] = -yi;
        }
    }

    /** In-place radix-2 decimation-in-time FFT of {@link #re}/{@link #im}, input in bit-reversed order. */
    private void fft() {
        for (int size = 2; size <= quarter; size <<= 1) {
            int halfSize = size >>> 1;
            int step = quarter / size;
            for (int start = 0; start < quarter; start += size) {
                for (int j = 0; j < halfSize; j++) {
                    double wr = fftCos[j * step];
                    double wi = fftSin[j * step];
                    int p = start + j;
                    int q = p + halfSize;
                    double tr = re[q] * wr - im[q] * wi;
                    double ti = re[q] * wi + im[q] * wr;
                    re[q] = re[p] - tr;
                    im[q] = im[p] - ti;
                    re[p] += tr;
                    im[p] += ti;
                }
            }
        }
    }
}
