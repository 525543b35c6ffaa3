package io.livepush.encoder.javah264;

/**
 * The 4x4 integer transforms and quantisation of ISO/IEC 14496-10 §8.5.12 (decoder side, followed
 * exactly so the encoder's reconstruction is the decoder's) and their encoder-side forward
 * counterparts: the core transform, the 4x4 luma DC and 2x2 chroma DC Hadamard transforms, flat
 * (Flat_4x4_16) scaling with LevelScale4x4 = 16 * normAdjust4x4 (§8.5.9), and a dead-zone
 * quantiser. Blocks are 16 ints in raster order (index = row * 4 + column). Stateless.
 */
final class Transform {
    /** normAdjust4x4 values v (Table 8-x of §8.5.9): [qP % 6][class], class 0, 1 or 2. */
    static final int[][] NORM_ADJUST = {{10, 16, 13}, {11, 18, 14}, {13, 20, 16}, {14, 23, 18}, {16, 25, 20}, {18, 29, 23}};
    /** Forward quantiser multipliers matching {@link #NORM_ADJUST}: [qP % 6][class]. */
    static final int[][] QUANT_MF = {{13107, 5243, 8066}, {11916, 4660, 7490}, {10082, 4194, 6554},
        {9362, 3647, 5825}, {8192, 3355, 5243}, {7282, 2893, 4559}};
    /** Position class of each raster position: 0 both even, 1 both odd, 2 mixed. */
    static final int[] CLASS = {0, 2, 0, 2, 2, 1, 2, 1, 0, 2, 0, 2, 2, 1, 2, 1};
    /** Frame zig-zag scan (Table 8-13): scan index to raster position. */
    static final int[] ZIGZAG = {0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15};
    /** Chroma QP (QPc) for qPI 0..51 (Table 8-15). */
    static final int[] CHROMA_QP = new int[52];

    static {
        int[] high = {29, 30, 31, 32, 32, 33, 34, 34, 35, 35, 36, 36, 37, 37, 37, 38, 38, 38, 39, 39, 39, 39};
        for (int q = 0; q < 52; q++) {
            CHROMA_QP[q] = q < 30 ? q : high[q - 30];
        }
    }

    private Transform() {
    }

    /** Forward core transform of a 4x4 residual, in place. */
    static void forward4x4(int[] b) {
        for (int r = 0; r < 16; r += 4) {
            int s03 = b[r] + b[r + 3];
            int d03 = b[r] - b[r + 3];
            int s12 = b[r + 1] + b[r + 2];
            int d12 = b[r + 1] - b[r + 2];
            b[r] = s03 + s12;
            b[r + 1] = 2 * d03 + d12;
            b[r + 2] = s03 - s12;
            b[r + 3] = d03 - 2 * d12;
        }
        for (int c = 0; c < 4; c++) {
            int s03 = b[c] + b[c + 12];
            int d03 = b[c] - b[c + 12];
            int s12 = b[c + 4] + b[c + 8];
            int d12 = b[c + 4] - b[c + 8];
            b[c] = s03 + s12;
            b[c + 4] = 2 * d03 + d12;
            b[c + 8] = s03 - s12;
            b[c + 12] = d03 - 2 * d12;
        }
    }

    /**
     * Quantises transform coefficients {@code from..15} in place, clamped to what CAVLC can carry.
     *
     * @param intra true for the intra rounding offset (1/3), false for inter (1/6)
     * @return how many levels are non-zero
     */
    static int quant4x4(int[] b, int from, int qp, boolean intra) {
        int[] mf = QUANT_MF[qp % 6];
        int qbits = 15 + qp / 6;
        int f = (1 << qbits) / (intra ? 3 : 6);
        int nz = 0;
        for (int i = from; i < 16; i++) {
            int w = b[i];
            int level = (int) (((long) Math.abs(w) * mf[CLASS[i]] + f) >> qbits);
            if (level != 0) {
                nz++;
                level = Math.min(level, CavlcWriter.MAX_LEVEL);
                b[i] = w < 0 ? -level : level;
            } else {
                b[i] = 0;
            }
        }
        return nz;
    }

    /** Scales levels {@code from..15} in place (§8.5.12.1, flat matrix): d = c * v << (qP / 6). */
    static void dequant4x4(int[] b, int from, int qp) {
        int[] v = NORM_ADJUST[qp % 6];
        int shift = qp / 6;
        for (int i = from; i < 16; i++) {
            b[i] = (b[i] * v[CLASS[i]]) << shift;
        }
    }

    /**
     * Inverse core transform (§8.5.12.2: rows, then columns, then (x + 32) >> 6) added to the
     * prediction and clipped, written to {@code dst}.
     */
    static void inverse4x4Add(int[] d, byte[] pred, int predOff, int predStride, byte[] dst, int dstOff, int dstStride) {
        for (int r = 0; r < 16; r += 4) {
            int e0 = d[r] + d[r + 2];
            int e1 = d[r] - d[r + 2];
            int e2 = (d[r + 1] >> 1) - d[r + 3];
            int e3 = d[r + 1] + (d[r + 3] >> 1);
            d[r] = e0 + e3;
            d[r + 1] = e1 + e2;
            d[r + 2] = e1 - e2;
            d[r + 3] = e0 - e3;
        }
        for (int c = 0; c < 4; c++) {
            int g0 = d[c] + d[c + 8];
            int g1 = d[c] - d[c + 8];
            int g2 = (d[c + 4] >> 1) - d[c + 12];
            int g3 = d[c + 4] + (d[c + 12] >> 1);
            int p = predOff + c;
            int o = dstOff + c;
            dst[o] = clip(pred[p] & 0xFF, (g0 + g3 + 32) >> 6);
            dst[o + dstStride] = clip(pred[p + predStride] & 0xFF, (g1 + g2 + 32) >> 6);
            dst[o + 2 * dstStride] = clip(pred[p + 2 * predStride] & 0xFF, (g1 - g2 + 32) >> 6);
            dst[o + 3 * dstStride] = clip(pred[p + 3 * predStride] & 0xFF, (g0 - g3 + 32) >> 6);
        }
    }

    private static byte clip(int p, int r) {
        int v = p + r;
        return (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
    }

    /** Forward 4x4 Hadamard of luma DC values, halved (encoder side), in place. */
    static void forwardDc4x4(int[] b) {
        hadamard4x4(b);
        for (int i = 0; i < 16; i++) {
            b[i] >>= 1;
        }
    }

    /** The 4x4 Hadamard transform with matrix [[1,1,1,1],[1,1,-1,-1],[1,-1,-1,1],[1,-1,1,-1]] on both sides. */
    static void hadamard4x4(int[] b) {
        for (int r = 0; r < 16; r += 4) {
            int s01 = b[r] + b[r + 1];
            int d01 = b[r] - b[r + 1];
            int s23 = b[r + 2] + b[r + 3];
            int d23 = b[r + 2] - b[r + 3];
            b[r] = s01 + s23;
            b[r + 1] = s01 - s23;
            b[r + 2] = d01 - d23;
            b[r + 3] = d01 + d23;
        }
        for (int c = 0; c < 4; c++) {
            int s01 = b[c] + b[c + 4];
            int d01 = b[c] - b[c + 4];
            int s23 = b[c + 8] + b[c + 12];
            int d23 = b[c + 8] - b[c + 12];
            b[c] = s01 + s23;
            b[c + 4] = s01 - s23;
            b[c + 8] = d01 - d23;
            b[c + 12] = d01 + d23;
        }
    }

    /** Quantises halved luma DC Hadamard values in place; @return how many are non-zero. */
    static int quantDc4x4(int[] b, int qp, boolean intra) {
        int mf = QUANT_MF[qp % 6][0];
        int qbits = 16 + qp / 6;
        int f = (1 << qbits) / (intra ? 3 : 6);
        int nz = 0;
        for (int i = 0; i < 16; i++) {
            int w = b[i];
            int level = (int) (((long) Math.abs(w) * mf + f) >> qbits);
            level = Math.min(level, CavlcWriter.MAX_LEVEL);
            b[i] = w < 0 ? -level : level;
            if (level != 0) {
                nz++;
            }
        }
        return nz;
    }

    /** Luma DC of Intra_16x16 (§8.5.10): inverse Hadamard of the levels, then scaling, in place. */
    static void dequantDc4x4(int[] c, int qp) {
        hadamard4x4(c);
        int scale = 16 * NORM_ADJUST[qp % 6][0];
        int q6 = qp / 6;
        for (int i = 0; i < 16; i++) {
            if (qp >= 36) {
                c[i] = (c[i] * scale) << (q6 - 6);
            } else {
                c[i] = (c[i] * scale + (1 << (5 - q6))) >> (6 - q6);
            }
        }
    }

    /** Forward 2x2 Hadamard of chroma DC values (encoder side), in place. */
    static void hadamard2x2(int[] b) {
        int a = b[0] + b[1];
        int d = b[0] - b[1];
        int e = b[2] + b[3];
        int f = b[2] - b[3];
        b[0] = a + e;
        b[1] = d + f;
        b[2] = a - e;
        b[3] = d - f;
    }

    /** Quantises chroma DC Hadamard values in place; @return how many are non-zero. */
    static int quantDc2x2(int[] b, int qp, boolean intra) {
        int mf = QUANT_MF[qp % 6][0];
        int qbits = 16 + qp / 6;
        int f = (1 << qbits) / (intra ? 3 : 6);
        int nz = 0;
        for (int i = 0; i < 4; i++) {
            int w = b[i];
            int level = (int) (((long) Math.abs(w) * mf + f) >> qbits);
            level = Math.min(level, CavlcWriter.MAX_LEVEL);
            b[i] = w < 0 ? -level : level;
            if (level != 0) {
                nz++;
            }
        }
        return nz;
    }

    /** Chroma DC (§8.5.11.2, 4:2:0): inverse 2x2 Hadamard, then dcC = ((f * LevelScale) << (qP / 6)) >> 5. */
    static void dequantDc2x2(int[] c, int qpc) {
        hadamard2x2(c);
        int scale = 16 * NORM_ADJUST[qpc % 6][0];
        int q6 = qpc / 6;
        for (int i = 0; i < 4; i++) {
            c[i] = ((c[i] * scale) << q6) >> 5;
        }
    }
}
