package io.livepush.encoder.javah264;

/**
 * Motion search for a 16x16 partition: the best of a few predicted starts (the median predictor,
 * zero, the P_Skip vector, the left and upper neighbours' vectors), a hexagon search around it,
 * a one-sample square refinement, then half-sample (eight neighbours) and quarter-sample (four
 * neighbours) refinement on the 6-tap planes.
 * The cost is SAD plus lambda times the bits of the motion vector difference. Vectors are kept
 * so the block stays within 32 samples of the picture, inside the reference's replicated border,
 * and within the vertical vector range every level allows.
 * Holds its own result; one per slice thread.
 */
final class MotionSearch {
    private static final int RANGE = 32;
    /** Largest vector components in quarter samples: 255 and 63 samples, inside MaxVmvR of every level (Table A-1). */
    private static final int MAX_MV_X = 255 * 4;
    private static final int MAX_MV_Y = 63 * 4;
    private static final int[] HEX_X = {-2, 2, -1, 1, -1, 1};
    private static final int[] HEX_Y = {0, 0, -2, -2, 2, 2};
    private static final int[] SQ_X = {-1, 0, 1, -1, 1, -1, 0, 1};
    private static final int[] SQ_Y = {-1, -1, -1, 0, 0, 1, 1, 1};

    private final FrameContext ctx;
    /** The chosen vector in quarter samples. */
    int mvx;
    int mvy;

    MotionSearch(FrameContext ctx) {
        this.ctx = ctx;
    }

    /** Clamps a horizontal quarter-sample vector of macroblock column mbx to the allowed window. */
    int clampX(int mbx, int v) {
        int lo = Math.max(-MAX_MV_X, (-RANGE - mbx * 16) * 4);
        int hi = Math.min(MAX_MV_X, (ctx.width + RANGE - 16 - mbx * 16) * 4);
        return v < lo ? lo : v > hi ? hi : v;
    }

    /** Clamps a vertical quarter-sample vector of macroblock row mby to the allowed window. */
    int clampY(int mby, int v) {
        int lo = Math.max(-MAX_MV_Y, (-RANGE - mby * 16) * 4);
        int hi = Math.min(MAX_MV_Y, (ctx.height + RANGE - 16 - mby * 16) * 4);
        return v < lo ? lo : v > hi ? hi : v;
    }

    private static int mvBits(int dx, int dy) {
        return BitWriter.seBits(dx) + BitWriter.seBits(dy);
    }

    /**
     * Searches; the result is in {@link #mvx}/{@link #mvy}.
     *
     * @return the cost of the chosen vector
     */
    int search(int mbx, int mby, int srcOff, int mvpx, int mvpy, int lambda, int skipX, int skipY, int skipSad) {
        FrameContext c = ctx;
        byte[] src = c.srcY;
        int sw = c.width;
        Picture ref = c.ref;
        int x = mbx * 16;
        int y = mby * 16;
        int minX = clampX(mbx, Integer.MIN_VALUE) >> 2;
        int maxX = clampX(mbx, Integer.MAX_VALUE) >> 2;
        int minY = clampY(mby, Integer.MIN_VALUE) >> 2;
        int maxY = clampY(mby, Integer.MAX_VALUE) >> 2;

        // Integer start: the best of the candidates.
        int bx = clamp((mvpx + 2) >> 2, minX, maxX);
        int by = clamp((mvpy + 2) >> 2, minY, maxY);
        int best = InterPrediction.sadFull(src, srcOff, sw, ref, x, y, bx, by, Integer.MAX_VALUE)
                + lambda * mvBits(bx * 4 - mvpx, by * 4 - mvpy);
        MacroblockInfo info = c.info;
        int mb = mby * c.mbWidth + mbx;
        for (int k = 0; k < 3; k++) {
            int cx;
            int cy;
            if (k == 0) {
                cx = 0;
                cy = 0;
            } else if (k == 1) {
                if (mbx == 0 || info.intra[mb - 1]) {
                    continue;
                }
                cx = (info.mvx[mb - 1] + 2) >> 2;
                cy = (info.mvy[mb - 1] + 2) >> 2;
            } else {
                if (mby == 0 || info.intra[mb - c.mbWidth]) {
                    continue;
                }
                cx = (info.mvx[mb - c.mbWidth] + 2) >> 2;
                cy = (info.mvy[mb - c.mbWidth] + 2) >> 2;
            }
            cx = clamp(cx, minX, maxX);
            cy = clamp(cy, minY, maxY);
            if (cx == bx && cy == by) {
                continue;
            }
            int bits = lambda * mvBits(cx * 4 - mvpx, cy * 4 - mvpy);
            int cost = InterPrediction.sadFull(src, srcOff, sw, ref, x, y, cx, cy, best - bits) + bits;
            if (cost < best) {
                best = cost;
                bx = cx;
                by = cy;
            }
        }
        // Hexagon steps, then a square refinement.
        for (int iter = 0; iter < 16; iter++) {
            int nbx = bx;
            int nby = by;
            for (int i = 0; i < 6; i++) {
                int cx = bx + HEX_X[i];
                int cy = by + HEX_Y[i];
                if (cx < minX || cx > maxX || cy < minY || cy > maxY) {
                    continue;
                }
                int bits = lambda * mvBits(cx * 4 - mvpx, cy * 4 - mvpy);
                int cost = InterPrediction.sadFull(src, srcOff, sw, ref, x, y, cx, cy, best - bits) + bits;
                if (cost < best) {
                    best = cost;
                    nbx = cx;
                    nby = cy;
                }
            }
            if (nbx == bx && nby == by) {
                break;
            }
            bx = nbx;
            by = nby;
        }
        int cbx = bx;
        int cby = by;
        for (int i = 0; i < 8; i++) {
            int cx = cbx + SQ_X[i];
            int cy = cby + SQ_Y[i];
            if (cx < minX || cx > maxX || cy < minY || cy > maxY) {
                continue;
            }
            int bits = lambda * mvBits(cx * 4 - mvpx, cy * 4 - mvpy);
            int cost = InterPrediction.sadFull(src, srcOff, sw, ref, x, y, cx, cy, best - bits) + bits;
            if (cost < best) {
                best = cost;
                bx = cx;
                by = cy;
            }
        }
        // Half, then quarter sample.
        int qx = bx * 4;
        int qy = by * 4;
        int qMinX = minX * 4;
        int qMaxX = maxX * 4;
        int qMinY = minY * 4;
        int qMaxY = maxY * 4;
        for (int step = 2; step >= 1; step--) {
            int cqx = qx;
            int cqy = qy;
            // Half samples: all eight neighbours; quarter samples: the four nearest.
            for (int i = step == 2 ? 0 : 1; i < 8; i += step == 2 ? 1 : 2) {
                int cx = cqx + SQ_X[i] * step;
                int cy = cqy + SQ_Y[i] * step;
                if (cx < qMinX || cx > qMaxX || cy < qMinY || cy > qMaxY) {
                    continue;
                }
                int bits = lambda * mvBits(cx - mvpx, cy - mvpy);
                int cost = InterPrediction.sadQpel(src, srcOff, sw, ref, x, y, cx, cy, best - bits) + bits;
                if (cost < best) {
                    best = cost;
                    qx = cx;
                    qy = cy;
                }
            }
        }
        int skipCost = skipSad + lambda * mvBits(skipX - mvpx, skipY - mvpy);
        if (skipCost <= best) {
            qx = skipX;
            qy = skipY;
            best = skipCost;
        }
        mvx = qx;
        mvy = qy;
        return best;
    }

    private static int clamp(int v, int lo, int hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
