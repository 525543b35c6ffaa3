package io.livepush.encoder.javah264;

/**
 * The in-loop deblocking filter of ISO/IEC 14496-10 §8.7 for this encoder's pictures (frame
 * macroblocks, one QP per picture, no I_PCM): boundary strength from intra, coded coefficients and
 * motion vectors (§8.7.2.1), the alpha/beta/tC0 thresholds of Tables 8-16 and 8-17, and the bS < 4
 * and bS = 4 filters for luma and chroma edges (§8.7.2.3, §8.7.2.4). Macroblocks are filtered in
 * raster order, vertical edges before horizontal ones. A slice whose header says
 * disable_deblocking_filter_idc = 2 does not filter its top macroblock edges at the slice boundary,
 * so each slice can be filtered by its own thread. Holds scratch only; one per slice thread.
 */
final class Deblocker {
    /** alpha' for indexA 0..51 (Table 8-16). */
    static final int[] ALPHA = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 5, 6, 7, 8, 9, 10, 12, 13,
        15, 17, 20, 22, 25, 28, 32, 36, 40, 45, 50, 56, 63, 71, 80, 90, 101, 113, 127, 144, 162, 182, 203, 226, 255, 255};
    /** beta' for indexB 0..51 (Table 8-16). */
    static final int[] BETA = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4,
        6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18};
    /** tC0' for indexA 0..51 and bS 1, 2, 3 (Table 8-17). */
    static final int[][] TC0 = {
        {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0},
        {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 1},
        {0, 0, 1}, {0, 0, 1}, {0, 0, 1}, {0, 1, 1}, {0, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1},
        {1, 1, 2}, {1, 1, 2}, {1, 1, 2}, {1, 1, 2}, {1, 2, 3}, {1, 2, 3}, {2, 2, 3}, {2, 2, 4}, {2, 3, 4},
        {2, 3, 4}, {3, 3, 5}, {3, 4, 6}, {3, 4, 6}, {4, 5, 7}, {4, 5, 8}, {4, 6, 9}, {5, 7, 10}, {6, 8, 11},
        {6, 8, 13}, {7, 10, 14}, {8, 11, 16}, {9, 12, 18}, {10, 13, 20}, {11, 15, 23}, {13, 17, 25},
    };

    /** bS of the four 4-sample segments of each of the four edges: [edge * 4 + segment]. */
    private final int[] bsV = new int[16];
    private final int[] bsH = new int[16];

    /**
     * Filters macroblock rows {@code firstRow..endRow-1} of the picture.
     *
     * @param filterSliceTop whether the top edges of {@code firstRow} are filtered (false when the
     *     row above belongs to another slice and the slice uses disable_deblocking_filter_idc 2)
     */
    void filterRows(Picture pic, MacroblockInfo info, int qp, int firstRow, int endRow, boolean filterSliceTop) {
        int alpha = ALPHA[qp];
        int beta = BETA[qp];
        int qpc = Transform.CHROMA_QP[qp];
        int alphaC = ALPHA[qpc];
        int betaC = BETA[qpc];
        if (alpha == 0 || beta == 0) {
            if (alphaC == 0 || betaC == 0) {
                return; // no sample can be filtered at this QP
            }
        }
        int[] tc0 = TC0[qp];
        int[] tc0c = TC0[qpc];
        for (int mby = firstRow; mby < endRow; mby++) {
            for (int mbx = 0; mbx < info.mbWidth; mbx++) {
                int mb = mby * info.mbWidth + mbx;
                boolean left = mbx > 0;
                boolean top = mby > 0 && (mby > firstRow || filterSliceTop);
                if (!strengths(info, mb, left, top)) {
                    continue; // every bS is 0: nothing in this macroblock is filtered
                }
                int lo = pic.origin + mby * 16 * pic.stride + mbx * 16;
                int co = pic.corigin + mby * 8 * pic.cstride + mbx * 8;
                for (int e = 0; e < 4; e++) {
                    edge(pic.y, lo + e * 4, 1, pic.stride, bsV, e * 4, 16, alpha, beta, tc0, false);
                }
                for (int e = 0; e < 4; e++) {
                    edge(pic.y, lo + e * 4 * pic.stride, pic.stride, 1, bsH, e * 4, 16, alpha, beta, tc0, false);
                }
                for (int e = 0; e < 2; e++) {
                    edge(pic.u, co + e * 4, 1, pic.cstride, bsV, e * 8, 8, alphaC, betaC, tc0c, true);
                    edge(pic.v, co + e * 4, 1, pic.cstride, bsV, e * 8, 8, alphaC, betaC, tc0c, true);
                }
                for (int e = 0; e < 2; e++) {
                    edge(pic.u, co + e * 4 * pic.cstride, pic.cstride, 1, bsH, e * 8, 8, alphaC, betaC, tc0c, true);
                    edge(pic.v, co + e * 4 * pic.cstride, pic.cstride, 1, bsH, e * 8, 8, alphaC, betaC, tc0c, true);
                }
            }
        }
    }

    /**
     * bS (§8.7.2.1) for every segment of the macroblock's vertical and horizontal edges; 0 where
     * not filtered. @return whether any bS is non-zero
     */
    private boolean strengths(MacroblockInfo info, int mb, boolean left, boolean top) {
        int any = 0;
        boolean intra = info.intra[mb];
        int base = mb * 16;
        for (int e = 0; e < 4; e++) {
            for (int s = 0; s < 4; s++) {
                // vertical edge e, segment s: q block (e, s), p block (e - 1, s) or the left macroblock's (3, s)
                bsV[e * 4 + s] = e == 0
                        ? (left ? mbEdge(info, mb, base + s * 4, mb - 1, (mb - 1) * 16 + s * 4 + 3) : 0)
                        : internal(info, intra, base + s * 4 + e, base + s * 4 + e - 1);
                bsH[e * 4 + s] = e == 0
                        ? (top ? mbEdge(info, mb, base + s, mb - info.mbWidth, (mb - info.mbWidth) * 16 + 12 + s) : 0)
                        : internal(info, intra, base + e * 4 + s, base + (e - 1) * 4 + s);
                any |= bsV[e * 4 + s] | bsH[e * 4 + s];
            }
        }
        return any != 0;
    }

    private static int mbEdge(MacroblockInfo info, int qMb, int qBlk, int pMb, int pBlk) {
        if (info.intra[qMb] || info.intra[pMb]) {
            return 4;
        }
        if (info.lumaTotal[qBlk] != 0 || info.lumaTotal[pBlk] != 0) {
            return 2;
        }
        return Math.abs(info.mvx[qMb] - info.mvx[pMb]) >= 4 || Math.abs(info.mvy[qMb] - info.mvy[pMb]) >= 4 ? 1 : 0;
    }

    private static int internal(MacroblockInfo info, boolean intra, int qBlk, int pBlk) {
        if (intra) {
            return 3;
        }
        return info.lumaTotal[qBlk] != 0 || info.lumaTotal[pBlk] != 0 ? 2 : 0;
    }

    /**
     * Filters one edge of {@code count} samples: {@code off} is the first q0 sample, {@code across}
     * steps from q0 to q1 (p0 is at -across), {@code along} steps to the next sample of the edge.
     * Luma takes bS from {@code bs[bsOff + i / 4]}; chroma sample i lies against luma sample 2i, so
     * it takes {@code bs[bsOff + i / 2]} of the luma edge twice as far in.
     */
    private static void edge(byte[] p, int off, int across, int along, int[] bs, int bsOff, int count,
            int alpha, int beta, int[] tc0Row, boolean chroma) {
        for (int i = 0; i < count; i++) {
            int strength = chroma ? bs[bsOff + (i >> 1)] : bs[bsOff + (i >> 2)];
            if (strength == 0) {
                continue;
            }
            int o = off + i * along;
            int p0 = p[o - across] & 0xFF;
            int q0 = p[o] & 0xFF;
            if (Math.abs(p0 - q0) >= alpha) {
                continue;
            }
            int p1 = p[o - 2 * across] & 0xFF;
            int q1 = p[o + across] & 0xFF;
            if (Math.abs(p1 - p0) >= beta || Math.abs(q1 - q0) >= beta) {
                continue;
            }
            if (chroma) {
                if (strength < 4) {
                    int tc = tc0Row[strength - 1] + 1;
                    int delta = clip3(-tc, tc, (((q0 - p0) << 2) + (p1 - q1) + 4) >> 3);
                    p[o - across] = clip1(p0 + delta);
                    p[o] = clip1(q0 - delta);
                } else {
                    p[o - across] = (byte) ((2 * p1 + p0 + q1 + 2) >> 2);
                    p[o] = (byte) ((2 * q1 + q0 + p1 + 2) >> 2);
                }
                continue;
            }
            int p2 = p[o - 3 * across] & 0xFF;
            int q2 = p[o + 2 * across] & 0xFF;
            boolean ap = Math.abs(p2 - p0) < beta;
            boolean aq = Math.abs(q2 - q0) < beta;
            if (strength < 4) {
                int tc0 = tc0Row[strength - 1];
                int tc = tc0 + (ap ? 1 : 0) + (aq ? 1 : 0);
                int delta = clip3(-tc, tc, (((q0 - p0) << 2) + (p1 - q1) + 4) >> 3);
                p[o - across] = clip1(p0 + delta);
                p[o] = clip1(q0 - delta);
                if (ap) {
                    p[o - 2 * across] = (byte) (p1 + clip3(-tc0, tc0, (p2 + ((p0 + q0 + 1) >> 1) - (p1 << 1)) >> 1));
                }
                if (aq) {
                    p[o + across] = (byte) (q1 + clip3(-tc0, tc0, (q2 + ((p0 + q0 + 1) >> 1) - (q1 << 1)) >> 1));
                }
            } else {
                boolean strong = Math.abs(p0 - q0) < ((alpha >> 2) + 2);
                if (ap && strong) {
                    int p3 = p[o - 4 * across] & 0xFF;
                    p[o - across] = (byte) ((p2 + 2 * p1 + 2 * p0 + 2 * q0 + q1 + 4) >> 3);
                    p[o - 2 * across] = (byte) ((p2 + p1 + p0 + q0 + 2) >> 2);
                    p[o - 3 * across] = (byte) ((2 * p3 + 3 * p2 + p1 + p0 + q0 + 4) >> 3);
                } else {
                    p[o - across] = (byte) ((2 * p1 + p0 + q1 + 2) >> 2);
                }
                if (aq && strong) {
                    int q3 = p[o + 3 * across] & 0xFF;
                    p[o] = (byte) ((p1 + 2 * p0 + 2 * q0 + 2 * q1 + q2 + 4) >> 3);
                    p[o + across] = (byte) ((p0 + q0 + q1 + q2 + 2) >> 2);
                    p[o + 2 * across] = (byte) ((2 * q3 + 3 * q2 + q1 + q0 + p0 + 4) >> 3);
                } else {
                    p[o] = (byte) ((2 * q1 + q0 + p1 + 2) >> 2);
                }
            }
        }
    }

    private static int clip3(int lo, int hi, int v) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    private static byte clip1(int v) {
        return (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
    }
}
