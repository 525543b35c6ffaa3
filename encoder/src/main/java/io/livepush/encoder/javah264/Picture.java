package io.livepush.encoder.javah264;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One reconstructed picture of macroblock-aligned size, with edge-replicated borders so motion
 * compensation can read outside it exactly as a decoder clamps coordinates (§8.4.2.2), and, once it
 * serves as a reference, the three half-sample luma planes of §8.4.2.2.1 (b: horizontal, h:
 * vertical, j: centre), from which every quarter-sample position is one plane or the rounded average
 * of two. The half-sample planes are computed in 16x16 tiles when motion compensation first reads
 * them, so static areas cost nothing. Allocated once per encoder and reused; the slice threads
 * write disjoint rows of the picture they reconstruct.
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
    /** Tiles of 16x16 samples start at picture coordinate -TILE_ORIGIN, which covers the border. */
    private static final int TILE_ORIGIN = 48;
    private final int tilesX;
    private final int tilesY;
    private final AtomicIntegerArray halfDone;
    private final AtomicIntegerArray tapsDone;

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
        this.tilesX = (width + PAD + TILE_ORIGIN + 15) / 16;
        this.tilesY = (height + PAD + TILE_ORIGIN + 15) / 16;
        this.halfDone = new AtomicIntegerArray(tilesX * tilesY);
        this.tapsDone = new AtomicIntegerArray(tilesX * tilesY);
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

    /** Clears the record of which half-sample tiles exist: the luma samples are new. */
    void invalidateHalf() {
        for (int i = 0; i < halfDone.length(); i++) {
            halfDone.set(i, 0);
            tapsDone.set(i, 0);
        }
    }

    /**
     * Makes sure the half-sample planes hold the rectangle {@code [x0, x1) x [y0, y1)} (picture
     * coordinates, inside the border): the 16x16 tiles it touches are computed on first use. Two
     * threads may compute the same tile at once; both write the same values, and a tile is marked
     * done (a release store) only after its samples are written, so a reader that sees the mark
     * sees them.
     */
    void ensureHalf(int x0, int y0, int x1, int y1) {
        int tx0 = (x0 + TILE_ORIGIN) >> 4;
        int tx1 = (x1 - 1 + TILE_ORIGIN) >> 4;
        int ty0 = (y0 + TILE_ORIGIN) >> 4;
        int ty1 = (y1 - 1 + TILE_ORIGIN) >> 4;
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                int t = ty * tilesX + tx;
                if (halfDone.get(t) == 0) {
                    for (int r = Math.max(0, ty - 1); r <= Math.min(tilesY - 1, ty + 1); r++) {
                        int tt = r * tilesX + tx;
                        if (tapsDone.get(tt) == 0) {
                            computeTaps(tx, r);
                            tapsDone.set(tt, 1);
                        }
                    }
                    computeHalf(tx, ty);
                    halfDone.set(t, 1);
                }
            }
        }
    }

    private int tileLo(int t, int min) {
        return Math.max(min, t * 16 - TILE_ORIGIN);
    }

    private int tileHi(int t, int max) {
        return Math.min(max, t * 16 + 16 - TILE_ORIGIN);
    }

    /**
     * The half-sample planes of one tile, with the 6-tap filter (1, -5, 20, 20, -5, 1): b and h are
     * Clip1((b1 + 16) >> 5), j is Clip1((j1 + 512) >> 10) from the unrounded b1 of six rows.
     */
    private void computeHalf(int tx, int ty) {
        int xlo = tileLo(tx, -PAD + 2);
        int xhi = tileHi(tx, width + PAD - 3);
        int ylo = tileLo(ty, -PAD + 2);
        int yhi = tileHi(ty, height + PAD - 3);
        int s = stride;
        byte[] p = y;
        short[] t = tmp;
        for (int r = ylo; r < yhi; r++) {
            int row = origin + r * s;
            int lo = row + xlo;
            int hi = row + xhi;
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

    /** The unrounded horizontal 6-tap sums b1 (-2550..10200, kept as shorts) of one tile. */
    private void computeTaps(int tx, int ty) {
        int xlo = tileLo(tx, -PAD + 2);
        int xhi = tileHi(tx, width + PAD - 3);
        int ylo = tileLo(ty, -PAD);
        int yhi = tileHi(ty, height + PAD);
        byte[] p = y;
        short[] t = tmp;
        for (int r = ylo; r < yhi; r++) {
            int row = origin + r * stride;
            for (int i = row + xlo; i < row + xhi; i++) {
                t[i] = (short) ((p[i - 2] & 0xFF) + (p[i + 3] & 0xFF) - 5 * ((p[i - 1] & 0xFF) + (p[i + 2] & 0xFF))
                        + 20 * ((p[i] & 0xFF) + (p[i + 1] & 0xFF)));
            }
        }
    }
}
