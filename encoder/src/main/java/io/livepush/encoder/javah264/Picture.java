package io.livepush.encoder.javah264;

import java.util.Arrays;

/**
 * One reconstructed picture of macroblock-aligned size, with edge-replicated borders so motion
 * compensation can read outside it exactly as a decoder clamps coordinates (§8.4.2.2), and, once it
 * serves as a reference, the three half-sample luma planes of §8.4.2.2.1 (b: horizontal, h:
 * vertical, j: centre), from which every quarter-sample position is one plane or the rounded average
 * of two. Allocated once per encoder and reused; the slice threads write disjoint rows.
 */
final class Picture {
    /** Luma border in samples; motion vectors are kept so reads stay inside it. */
    static final int PAD = 40;
    /** Chroma border in samples. */
    static final int CPAD = 20;

    final int width;
    final int height;
    final int stride;
    final int cstride;
    final int origin;
    final int corigin;
    final byte[] y;
    final byte[] u;
    final byte[] v;
    /** Half-sample planes, same layout as {@link #y}. */
    final byte[] halfH;
    final byte[] halfV;
    final byte[] halfC;
    private final short[] tmp;

    Picture(int width, int height) {
        this.width = width;
        this.height = height;
        this.stride = width + 2 * PAD;
        this.cstride = width / 2 + 2 * CPAD;
        this.origin = PAD * stride + PAD;
        this.corigin = CPAD * cstride + CPAD;
        this.y = new byte[stride * (height + 2 * PAD)];
        this.u = new byte[cstride * (height / 2 + 2 * CPAD)];
        this.v = new byte[u.length];
        this.halfH = new byte[y.length];
        this.halfV = new byte[y.length];
        this.halfC = new byte[y.length];
        this.tmp = new short[y.length];
    }

    /** Replicates the picture's edge samples into the borders of all three planes. */
    void extendEdges() {
        extend(y, origin, stride, width, height, PAD);
        extend(u, corigin, cstride, width / 2, height / 2, CPAD);
        extend(v, corigin, cstride, width / 2, height / 2, CPAD);
    }

    private static void extend(byte[] p, int org, int stride, int w, int h, int pad) {
        for (int r = 0; r < h; r++) {
            int row = org + r * stride;
            Arrays.fill(p, row - pad, row, p[row]);
            Arrays.fill(p, row + w, row + w + pad, p[row + w - 1]);
        }
        int first = org - pad;
        int last = org + (h - 1) * stride - pad;
        for (int r = 1; r <= pad; r++) {
            System.arraycopy(p, first, p, first - r * stride, stride);
            System.arraycopy(p, last, p, last + r * stride, stride);
        }
    }

    /**
     * Computes the half-sample planes for rows {@code from..to-1} (picture coordinates, the border
     * included: -PAD+2 .. height+PAD-3) with the 6-tap filter (1, -5, 20, 20, -5, 1): b and h are
     * Clip1((b1 + 16) >> 5), j is Clip1((j1 + 512) >> 10) from the unrounded b1 of six rows.
     * The intermediate b1 must already exist for rows from-2..to+2, see {@link #computeTaps}.
     */
    void computeHalf(int from, int to) {
        int x0 = -PAD + 2;
        int x1 = width + PAD - 3;
        int s = stride;
        byte[] p = y;
        short[] t = tmp;
        for (int r = from; r < to; r++) {
            int row = origin + r * s;
            int lo = row + x0;
            int hi = row + x1;
            for (int i = lo; i < hi; i++) {
                halfH[i] = (byte) Math.max(0, Math.min(255, (t[i] + 16) >> 5));
            }
            for (int i = lo; i < hi; i++) {
                int h1 = (p[i - 2 * s] & 0xFF) + (p[i + 3 * s] & 0xFF) - 5 * ((p[i - s] & 0xFF) + (p[i + 2 * s] & 0xFF))
                        + 20 * ((p[i] & 0xFF) + (p[i + s] & 0xFF));
                halfV[i] = (byte) Math.max(0, Math.min(255, (h1 + 16) >> 5));
            }
            for (int i = lo; i < hi; i++) {
                int j1 = t[i - 2 * s] + t[i + 3 * s] - 5 * (t[i - s] + t[i + 2 * s]) + 20 * (t[i] + t[i + s]);
                halfC[i] = (byte) Math.max(0, Math.min(255, (j1 + 512) >> 10));
            }
        }
    }

    /** The unrounded horizontal 6-tap sums b1 (-2550..10200, kept as shorts) for rows {@code from..to-1} (-PAD .. height+PAD-1). */
    void computeTaps(int from, int to) {
        int x0 = -PAD + 2;
        int x1 = width + PAD - 3;
        byte[] p = y;
        short[] t = tmp;
        for (int r = from; r < to; r++) {
            int row = origin + r * stride;
            for (int i = row + x0; i < row + x1; i++) {
                t[i] = (short) ((p[i - 2] & 0xFF) + (p[i + 3] & 0xFF) - 5 * ((p[i - 1] & 0xFF) + (p[i + 2] & 0xFF))
                        + 20 * ((p[i] & 0xFF) + (p[i + 1] & 0xFF)));
            }
        }
    }
}
