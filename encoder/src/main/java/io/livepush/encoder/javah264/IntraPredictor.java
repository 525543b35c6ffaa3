package io.livepush.encoder.javah264;

/**
 * Intra prediction of ISO/IEC 14496-10 §8.3 from already reconstructed (not yet deblocked)
 * neighbouring samples: Intra_16x16 luma (§8.3.3: vertical, horizontal, DC, plane), chroma
 * (§8.3.4: DC per 4x4 block, horizontal, vertical, plane) and Intra_4x4 luma (§8.3.1.2: the nine
 * directional modes). Predictions are written to caller-owned buffers. Stateless.
 */
final class IntraPredictor {
    /** Intra_16x16 and Intra_4x4 mode numbers. */
    static final int VERTICAL = 0;
    static final int HORIZONTAL = 1;
    static final int DC = 2;
    static final int PLANE = 3;
    /** Chroma mode numbers (intra_chroma_pred_mode). */
    static final int CHROMA_DC = 0;
    static final int CHROMA_HORIZONTAL = 1;
    static final int CHROMA_VERTICAL = 2;
    static final int CHROMA_PLANE = 3;

    private IntraPredictor() {
    }

    /**
     * Intra_16x16 prediction into {@code pred} (stride 16).
     *
     * @param src the reconstructed plane; {@code off} is the macroblock's top-left sample
     */
    static void luma16x16(int mode, byte[] src, int off, int stride, boolean left, boolean top, byte[] pred) {
        switch (mode) {
            case VERTICAL -> {
                for (int y = 0; y < 16; y++) {
                    System.arraycopy(src, off - stride, pred, y * 16, 16);
                }
            }
            case HORIZONTAL -> {
                for (int y = 0; y < 16; y++) {
                    byte v = src[off + y * stride - 1];
                    for (int x = 0; x < 16; x++) {
                        pred[y * 16 + x] = v;
                    }
                }
            }
            case DC -> {
                int sum = 0;
                int dc;
                if (left && top) {
                    for (int i = 0; i < 16; i++) {
                        sum += (src[off - stride + i] & 0xFF) + (src[off + i * stride - 1] & 0xFF);
                    }
                    dc = (sum + 16) >> 5;
                } else if (left) {
                    for (int i = 0; i < 16; i++) {
                        sum += src[off + i * stride - 1] & 0xFF;
                    }
                    dc = (sum + 8) >> 4;
                } else if (top) {
                    for (int i = 0; i < 16; i++) {
                        sum += src[off - stride + i] & 0xFF;
                    }
                    dc = (sum + 8) >> 4;
                } else {
                    dc = 128;
                }
                java.util.Arrays.fill(pred, 0, 256, (byte) dc);
            }
            case PLANE -> {
                int h = 0;
                int v = 0;
                for (int i = 0; i < 8; i++) {
                    h += (i + 1) * ((src[off - stride + 8 + i] & 0xFF) - (src[off - stride + 6 - i] & 0xFF));
                    v += (i + 1) * ((src[off + (8 + i) * stride - 1] & 0xFF) - (src[off + (6 - i) * stride - 1] & 0xFF));
                }
                int a = 16 * ((src[off + 15 * stride - 1] & 0xFF) + (src[off - stride + 15] & 0xFF));
                int b = (5 * h + 32) >> 6;
                int c = (5 * v + 32) >> 6;
                for (int y = 0; y < 16; y++) {
                    int base = a + c * (y - 7) + 16 - 7 * b;
                    for (int x = 0; x < 16; x++) {
                        pred[y * 16 + x] = clip((base + b * x) >> 5);
                    }
                }
            }
            default -> throw new IllegalArgumentException("Intra_16x16 mode " + mode + " (expected 0..3)");
        }
    }

    /** Chroma prediction of one 8x8 component into {@code pred} (stride 8). */
    static void chroma8x8(int mode, byte[] src, int off, int stride, boolean left, boolean top, byte[] pred) {
        switch (mode) {
            case CHROMA_DC -> {
                for (int blk = 0; blk < 4; blk++) {
                    int xo = (blk & 1) * 4;
                    int yo = (blk >> 1) * 4;
                    int sumTop = 0;
                    int sumLeft = 0;
                    for (int i = 0; i < 4; i++) {
                        if (top) {
                            sumTop += src[off - stride + xo + i] & 0xFF;
                        }
                        if (left) {
                            sumLeft += src[off + (yo + i) * stride - 1] & 0xFF;
                        }
                    }
                    int dc;
                    if ((xo == 0 && yo == 0) || (xo > 0 && yo > 0)) {
                        dc = left && top ? (sumTop + sumLeft + 4) >> 3 : left ? (sumLeft + 2) >> 2 : top ? (sumTop + 2) >> 2 : 128;
                    } else if (xo > 0) {
                        dc = top ? (sumTop + 2) >> 2 : left ? (sumLeft + 2) >> 2 : 128;
                    } else {
                        dc = left ? (sumLeft + 2) >> 2 : top ? (sumTop + 2) >> 2 : 128;
                    }
                    for (int y = 0; y < 4; y++) {
                        for (int x = 0; x < 4; x++) {
                            pred[(yo + y) * 8 + xo + x] = (byte) dc;
                        }
                    }
                }
            }
            case CHROMA_HORIZONTAL -> {
                for (int y = 0; y < 8; y++) {
                    byte v = src[off + y * stride - 1];
                    for (int x = 0; x < 8; x++) {
                        pred[y * 8 + x] = v;
                    }
                }
            }
            case CHROMA_VERTICAL -> {
                for (int y = 0; y < 8; y++) {
                    System.arraycopy(src, off - stride, pred, y * 8, 8);
                }
            }
            case CHROMA_PLANE -> {
                int h = 0;
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    h += (i + 1) * ((src[off - stride + 4 + i] & 0xFF) - (src[off - stride + 2 - i] & 0xFF));
                    v += (i + 1) * ((src[off + (4 + i) * stride - 1] & 0xFF) - (src[off + (2 - i) * stride - 1] & 0xFF));
                }
                int a = 16 * ((src[off + 7 * stride - 1] & 0xFF) + (src[off - stride + 7] & 0xFF));
                int b = (34 * h + 32) >> 6;
                int c = (34 * v + 32) >> 6;
                for (int y = 0; y < 8; y++) {
                    int base = a + c * (y - 3) + 16 - 3 * b;
                    for (int x = 0; x < 8; x++) {
                        pred[y * 8 + x] = clip((base + b * x) >> 5);
                    }
                }
            }
            default -> throw new IllegalArgumentException("chroma mode " + mode + " (expected 0..3)");
        }
    }

    /**
     * Intra_4x4 prediction of one block into {@code pred} (stride 16, at {@code pOff}).
     *
     * @param n the 13 neighbours: n[0] = top-left, n[1..8] = top row incl. top-right (already
     *     substituted when the top-right is unavailable), n[9..12] = left column
     */
    static void luma4x4(int mode, int[] n, byte[] pred, int pOff) {
        int m = n[0];
        int a = n[1], b = n[2], c = n[3], d = n[4], g = n[7], h = n[8];
        int i = n[9], j = n[10], k = n[11], l = n[12];
        switch (mode) {
            case 0 -> { // vertical
                for (int y = 0; y < 4; y++) {
                    set4(pred, pOff + y * 16, a, b, c, d);
                }
            }
            case 1 -> { // horizontal
                set4(pred, pOff, i, i, i, i);
                set4(pred, pOff + 16, j, j, j, j);
                set4(pred, pOff + 32, k, k, k, k);
                set4(pred, pOff + 48, l, l, l, l);
            }
            case 3 -> { // diagonal down left
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        int v = (x == 3 && y == 3) ? (g + 3 * h + 2) >> 2 : (n[1 + x + y] + 2 * n[2 + x + y] + n[3 + x + y] + 2) >> 2;
                        pred[pOff + y * 16 + x] = (byte) v;
                    }
                }
            }
            case 4 -> { // diagonal down right: z = x - y
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        int v;
                        if (x > y) {
                            v = (edge(n, x - y - 2) + 2 * edge(n, x - y - 1) + edge(n, x - y) + 2) >> 2;
                        } else if (x < y) {
                            v = (left(n, y - x - 2) + 2 * left(n, y - x - 1) + left(n, y - x) + 2) >> 2;
                        } else {
                            v = (a + 2 * m + i + 2) >> 2;
                        }
                        pred[pOff + y * 16 + x] = (byte) v;
                    }
                }
            }
            case 5 -> { // vertical right
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        int z = 2 * x - y;
                        int v;
                        if (z >= 0 && (z & 1) == 0) {
                            v = (edge(n, x - (y >> 1) - 1) + edge(n, x - (y >> 1)) + 1) >> 1;
                        } else if (z >= 0) {
                            v = (edge(n, x - (y >> 1) - 2) + 2 * edge(n, x - (y >> 1) - 1) + edge(n, x - (y >> 1)) + 2) >> 2;
                        } else if (z == -1) {
                            v = (i + 2 * m + a + 2) >> 2;
                        } else {
                            v = (left(n, y - 1) + 2 * left(n, y - 2) + left(n, y - 3) + 2) >> 2;
                        }
                        pred[pOff + y * 16 + x] = (byte) v;
                    }
                }
            }
            case 6 -> { // horizontal down
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        int z = 2 * y - x;
                        int v;
                        if (z >= 0 && (z & 1) == 0) {
                            v = (left(n, y - (x >> 1) - 1) + left(n, y - (x >> 1)) + 1) >> 1;
                        } else if (z >= 0) {
                            v = (left(n, y - (x >> 1) - 2) + 2 * left(n, y - (x >> 1) - 1) + left(n, y - (x >> 1)) + 2) >> 2;
                        } else if (z == -1) {
                            v = (i + 2 * m + a + 2) >> 2;
                        } else {
                            v = (edge(n, x - 1) + 2 * edge(n, x - 2) + edge(n, x - 3) + 2) >> 2;
                        }
                        pred[pOff + y * 16 + x] = (byte) v;
                    }
                }
            }
            case 7 -> { // vertical left
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        int p = 1 + x + (y >> 1);
                        int v = (y & 1) == 0 ? (n[p] + n[p + 1] + 1) >> 1 : (n[p] + 2 * n[p + 1] + n[p + 2] + 2) >> 2;
                        pred[pOff + y * 16 + x] = (byte) v;
                    }
                }
            }
            case 8 -> { // horizontal up
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        int z = x + 2 * y;
                        int v;
                        if (z > 5) {
                            v = l;
                        } else if (z == 5) {
                            v = (k + 3 * l + 2) >> 2;
                        } else if ((z & 1) == 0) {
                            v = (n[9 + y + (x >> 1)] + n[10 + y + (x >> 1)] + 1) >> 1;
                        } else {
                            v = (n[9 + y + (x >> 1)] + 2 * n[10 + y + (x >> 1)] + n[11 + y + (x >> 1)] + 2) >> 2;
                        }
                        pred[pOff + y * 16 + x] = (byte) v;
                    }
                }
            }
            default -> throw new IllegalArgumentException("Intra_4x4 mode " + mode + " (expected 0..8)");
        }
    }

    /** DC prediction of a 4x4 block (mode 2), which depends on which neighbours exist. */
    static void luma4x4Dc(int[] n, boolean left, boolean top, byte[] pred, int pOff) {
        int dc;
        if (left && top) {
            dc = (n[1] + n[2] + n[3] + n[4] + n[9] + n[10] + n[11] + n[12] + 4) >> 3;
        } else if (left) {
            dc = (n[9] + n[10] + n[11] + n[12] + 2) >> 2;
        } else if (top) {
            dc = (n[1] + n[2] + n[3] + n[4] + 2) >> 2;
        } else {
            dc = 128;
        }
        for (int y = 0; y < 4; y++) {
            set4(pred, pOff + y * 16, dc, dc, dc, dc);
        }
    }

    /** p[x, -1] for x = -1..7 (x = -1 is the corner). */
    private static int edge(int[] n, int x) {
        return x < 0 ? n[0] : n[1 + x];
    }

    /** p[-1, y] for y = -1..3 (y = -1 is the corner). */
    private static int left(int[] n, int y) {
        return y < 0 ? n[0] : n[9 + y];
    }

    private static void set4(byte[] p, int o, int v0, int v1, int v2, int v3) {
        p[o] = (byte) v0;
        p[o + 1] = (byte) v1;
        p[o + 2] = (byte) v2;
        p[o + 3] = (byte) v3;
    }

    private static byte clip(int v) {
        return (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
    }
}
