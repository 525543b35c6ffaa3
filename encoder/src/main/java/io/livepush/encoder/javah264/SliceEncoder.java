package io.livepush.encoder.javah264;

/**
 * Encodes one slice (a run of whole macroblock rows) of a picture and deblocks it: per macroblock
 * the mode decision (P_Skip, P_L0_16x16 with motion search, Intra_16x16, Intra_4x4), the
 * transform, quantisation and the reconstruction a decoder makes, and the CAVLC
 * {@code slice_data()} (ISO/IEC 14496-10 §7.3.4, §7.3.5). Owns its bit writer and every scratch
 * array, so nothing is allocated per macroblock; one thread uses it at a time.
 */
final class SliceEncoder {
    /** Decoding order of the 4x4 luma blocks (luma4x4BlkIdx) to raster index in the macroblock. */
    static final int[] BLK_RASTER = {0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15};
    private static final int[] DECIMATE = {3, 2, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final int MB_SKIP = 0;
    private static final int MB_P16 = 1;
    private static final int MB_I16 = 2;
    private static final int MB_I4 = 3;

    private final FrameContext ctx;
    final int firstRow;
    final int endRow;
    private final BitWriter bw = new BitWriter();
    private final CavlcWriter cavlc = new CavlcWriter();
    private final Deblocker deblocker = new Deblocker();
    private final MotionSearch search;

    private final byte[] pred16 = new byte[256];
    private final byte[] predU = new byte[64];
    private final byte[] predV = new byte[64];
    private final int[][] coef = new int[16][16];
    private final int[] dc = new int[16];
    private final int[] dcScaled = new int[16];
    private final int[][] chromaDc = new int[2][4];
    private final int[][] chromaAc = new int[8][16];
    private final int[] tmp = new int[16];
    private final int[] zz = new int[16];
    private final int[] nbr = new int[13];
    private final int[] i4Modes = new int[16];
    private final int[] blkNz = new int[16];

    private int mbType;
    private int i16Mode;
    private int chromaMode;
    private int cbpLuma;
    private int cbpChroma;
    private int mvx;
    private int mvy;
    private int mvpx;
    private int mvpy;
    private int skipRun;
    private long sliceBits;

    SliceEncoder(FrameContext ctx, int firstRow, int endRow) {
        this.ctx = ctx;
        this.firstRow = firstRow;
        this.endRow = endRow;
        this.search = new MotionSearch(ctx);
    }

    /** @return bits of the last encoded slice NAL unit's RBSP */
    long bits() {
        return sliceBits;
    }

    /** Encodes the slice, returns its NAL unit, then deblocks the slice's rows of the reconstruction. */
    byte[] encode() {
        FrameContext c = ctx;
        bw.reset();
        ParameterSets.sliceHeader(bw, firstRow * c.mbWidth, c.idr, c.intraPicture, c.frameNum, c.idrPicId, c.qp,
                c.deblockIdc);
        skipRun = 0;
        int lambda = lambda(c.qp);
        for (int mby = firstRow; mby < endRow; mby++) {
            for (int mbx = 0; mbx < c.mbWidth; mbx++) {
                encodeMacroblock(mbx, mby, lambda);
            }
        }
        if (skipRun > 0) {
            bw.ue(skipRun);
        }
        bw.trailingBits();
        sliceBits = bw.bitCount();
        byte[] nal = bw.toNal(c.idr ? 0x65 : 0x61);
        if (c.deblockIdc != 1) {
            deblocker.filterRows(c.cur, c.info, c.qp, firstRow, endRow, c.deblockIdc == 0);
        }
        return nal;
    }

    /** SAD-domain Lagrange multiplier: 2^((QP - 12) / 6), at least 1. */
    static int lambda(int qp) {
        return Math.max(1, (int) Math.round(Math.pow(2, (qp - 12) / 6.0)));
    }

    private void encodeMacroblock(int mbx, int mby, int lambda) {
        FrameContext c = ctx;
        MacroblockInfo info = c.info;
        int mb = mby * c.mbWidth + mbx;
        boolean left = mbx > 0;
        boolean top = mby > firstRow;
        int srcOff = mby * 16 * c.width + mbx * 16;
        int lumaOff = c.cur.origin + mby * 16 * c.cur.stride + mbx * 16;
        int chromaOff = c.cur.corigin + mby * 8 * c.cur.cstride + mbx * 8;
        int csrcOff = mby * 8 * (c.width / 2) + mbx * 8;

        if (c.intraPicture) {
            decideIntra(mb, mbx, mby, left, top, srcOff, lumaOff, lambda, true);
        } else {
            predictMv(mb, mbx, left, top);
            int skipX = 0;
            int skipY = 0;
            boolean skipZero = !left || !top
                    || (!info.intra[mb - 1] && info.mvx[mb - 1] == 0 && info.mvy[mb - 1] == 0)
                    || (!info.intra[mb - c.mbWidth] && info.mvx[mb - c.mbWidth] == 0 && info.mvy[mb - c.mbWidth] == 0);
            if (!skipZero) {
                skipX = mvpx;
                skipY = mvpy;
            }
            skipX = search.clampX(mbx, skipX);
            skipY = search.clampY(mby, skipY);
            boolean skipInRange = skipZero || (skipX == mvpx && skipY == mvpy);
            int skipSad = InterPrediction.sadQpel(c.srcY, srcOff, c.width, c.ref, mbx * 16, mby * 16, skipX, skipY,
                    Integer.MAX_VALUE);
            if (skipInRange && skipSad < 16 * lambda + 64 && quantisesToNothing(mbx, mby, srcOff, csrcOff, skipX, skipY)) {
                copyPrediction(lumaOff, chromaOff);
                finishSkip(mb, skipX, skipY);
                return;
            }
            if (skipInRange && skipSad < 16 * lambda + 64 && tryInter(mb, mbx, mby, srcOff, csrcOff, lumaOff, chromaOff,
                    skipX, skipY) && cbpLuma == 0 && cbpChroma == 0) {
                finishSkip(mb, skipX, skipY);
                return;
            }
            int cost = search.search(mbx, mby, srcOff, mvpx, mvpy, lambda, skipX, skipY, skipSad);
            int bestX = search.mvx;
            int bestY = search.mvy;
            // Intra is worth a look only where motion compensation leaves a large error.
            int intraCost = cost > 768 + 16 * lambda ? intra16Sad(left, top, srcOff, lumaOff) : Integer.MAX_VALUE - 4096;
            if (intraCost + 6 * lambda < cost) {
                decideIntra(mb, mbx, mby, left, top, srcOff, lumaOff, lambda, false);
            } else {
                tryInter(mb, mbx, mby, srcOff, csrcOff, lumaOff, chromaOff, bestX, bestY);
                if (cbpLuma == 0 && cbpChroma == 0 && skipInRange && bestX == skipX && bestY == skipY) {
                    finishSkip(mb, skipX, skipY);
                    return;
                }
                mbType = MB_P16;
                mvx = bestX;
                mvy = bestY;
                info.intra[mb] = false;
                info.mvx[mb] = mvx;
                info.mvy[mb] = mvy;
                for (int i = 0; i < 16; i++) {
                    info.i4Modes[mb * 16 + i] = 2;
                }
                writeMacroblock(mb, left, top);
                return;
            }
        }
        if (mbType == MB_I16 || mbType == MB_I4) {
            encodeChromaIntra(mb, left, top, csrcOff, chromaOff);
        }
        writeMacroblock(mb, left, top);
    }

    private void finishSkip(int mb, int x, int y) {
        MacroblockInfo info = ctx.info;
        info.intra[mb] = false;
        info.mvx[mb] = x;
        info.mvy[mb] = y;
        for (int i = 0; i < 16; i++) {
            info.lumaTotal[mb * 16 + i] = 0;
            info.i4Modes[mb * 16 + i] = 2;
        }
        for (int i = 0; i < 8; i++) {
            info.chromaTotal[mb * 8 + i] = 0;
        }
        skipRun++;
    }

    /**
     * The 16x16 motion vector predictor (§8.4.1.3) from neighbours A (left), B (above) and C
     * (above right, or D above left when C is outside the picture or slice).
     */
    private void predictMv(int mb, int mbx, boolean left, boolean top) {
        MacroblockInfo info = ctx.info;
        int w = ctx.mbWidth;
        boolean availC = top && mbx < w - 1;
        int cAddr = availC ? mb - w + 1 : mb - w - 1;
        boolean availCd = availC || (top && mbx > 0);
        int refA = left && !info.intra[mb - 1] ? 0 : -1;
        int ax = refA == 0 ? info.mvx[mb - 1] : 0;
        int ay = refA == 0 ? info.mvy[mb - 1] : 0;
        if (!top && left) {
            mvpx = ax;
            mvpy = ay;
            return;
        }
        int refB = top && !info.intra[mb - w] ? 0 : -1;
        int bx = refB == 0 ? info.mvx[mb - w] : 0;
        int by = refB == 0 ? info.mvy[mb - w] : 0;
        int refC = availCd && !info.intra[cAddr] ? 0 : -1;
        int cx = refC == 0 ? info.mvx[cAddr] : 0;
        int cy = refC == 0 ? info.mvy[cAddr] : 0;
        int matches = (refA == 0 ? 1 : 0) + (refB == 0 ? 1 : 0) + (refC == 0 ? 1 : 0);
        if (matches == 1) {
            mvpx = refA == 0 ? ax : refB == 0 ? bx : cx;
            mvpy = refA == 0 ? ay : refB == 0 ? by : cy;
        } else {
            mvpx = median(ax, bx, cx);
            mvpy = median(ay, by, cy);
        }
    }

    private static int median(int a, int b, int c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /**
     * Codes the macroblock as inter at (x, y): prediction, residual, decimation of nearly empty
     * blocks, reconstruction. Sets cbpLuma/cbpChroma and the totals.
     *
     * @return true
     */
    private boolean tryInter(int mb, int mbx, int mby, int srcOff, int csrcOff, int lumaOff, int chromaOff, int x, int y) {
        FrameContext c = ctx;
        Picture ref = c.ref;
        InterPrediction.luma16x16(ref, mbx * 16, mby * 16, x, y, pred16);
        InterPrediction.chroma8x8(ref.u, ref.corigin, ref.cstride, mbx * 8, mby * 8, x, y, predU);
        InterPrediction.chroma8x8(ref.v, ref.corigin, ref.cstride, mbx * 8, mby * 8, x, y, predV);
        int qp = c.qp;
        cbpLuma = 0;
        int score0 = 0;
        int score1 = 0;
        int score2 = 0;
        int score3 = 0;
        for (int b = 0; b < 16; b++) {
            int bx = b & 3;
            int by = b >> 2;
            residual(c.srcY, srcOff + by * 4 * c.width + bx * 4, c.width, pred16, by * 64 + bx * 4, 16, coef[b]);
            Transform.forward4x4(coef[b]);
            blkNz[b] = Transform.quant4x4(coef[b], 0, qp, false);
            int s = blkNz[b] == 0 ? 0 : decimateScore(coef[b]);
            int b8 = (by >> 1) * 2 + (bx >> 1);
            switch (b8) {
                case 0 -> score0 += s;
                case 1 -> score1 += s;
                case 2 -> score2 += s;
                default -> score3 += s;
            }
        }
        int mbScore = score0 + score1 + score2 + score3;
        int keep = 0;
        if (mbScore >= 6) {
            keep = (score0 >= 4 ? 1 : 0) | (score1 >= 4 ? 2 : 0) | (score2 >= 4 ? 4 : 0) | (score3 >= 4 ? 8 : 0);
        }
        MacroblockInfo info = c.info;
        for (int b = 0; b < 16; b++) {
            int bx = b & 3;
            int by = b >> 2;
            int b8 = (by >> 1) * 2 + (bx >> 1);
            boolean coded = (keep & (1 << b8)) != 0 && blkNz[b] != 0;
            if (coded) {
                cbpLuma |= 1 << b8;
            } else {
                blkNz[b] = 0; // its levels are neither written nor reconstructed
            }
            info.lumaTotal[mb * 16 + b] = (byte) blkNz[b];
            reconstructBlock(coef[b], coded, 0, qp, pred16, by * 64 + bx * 4, 16, c.cur.y,
                    lumaOff + by * 4 * c.cur.stride + bx * 4, c.cur.stride, 0, false);
        }
        codeChroma(mb, csrcOff, chromaOff, false);
        return true;
    }

    /**
     * Whether the inter prediction at (x, y) leaves a residual that quantises to nothing at all, by a
     * bound rather than the transform: a 4x4 coefficient is at most 4 * SAD of its block (the
     * forward transform's entries are at most 2), a chroma DC at most the SAD of the 8x8 block, so a
     * small enough SAD guarantees zero levels. Leaves the prediction in pred16/predU/predV.
     */
    private boolean quantisesToNothing(int mbx, int mby, int srcOff, int csrcOff, int x, int y) {
        FrameContext c = ctx;
        int qp = c.qp;
        int qbits = 15 + qp / 6;
        int limit = ((1 << qbits) - (1 << qbits) / 6) / (4 * Transform.QUANT_MF[qp % 6][0]);
        if (limit == 0) {
            return false;
        }
        InterPrediction.luma16x16(c.ref, mbx * 16, mby * 16, x, y, pred16);
        for (int b = 0; b < 16; b++) {
            int bx = b & 3;
            int by = b >> 2;
            if (sad4(c.srcY, srcOff + by * 4 * c.width + bx * 4, c.width, pred16, by * 64 + bx * 4, 16) >= limit) {
                return false;
            }
        }
        int qpc = Transform.CHROMA_QP[qp];
        int cbits = 15 + qpc / 6;
        int mf = Transform.QUANT_MF[qpc % 6][0];
        int acLimit = ((1 << cbits) - (1 << cbits) / 6) / (4 * mf);
        int dcLimit = 2 * ((1 << cbits) - (1 << cbits) / 6) / mf;
        Picture ref = c.ref;
        InterPrediction.chroma8x8(ref.u, ref.corigin, ref.cstride, mbx * 8, mby * 8, x, y, predU);
        InterPrediction.chroma8x8(ref.v, ref.corigin, ref.cstride, mbx * 8, mby * 8, x, y, predV);
        int cw = c.width / 2;
        for (int comp = 0; comp < 2; comp++) {
            byte[] src = comp == 0 ? c.srcU : c.srcV;
            byte[] pred = comp == 0 ? predU : predV;
            int total = 0;
            for (int blk = 0; blk < 4; blk++) {
                int bx = blk & 1;
                int by = blk >> 1;
                int sad = sad4(src, csrcOff + by * 4 * cw + bx * 4, cw, pred, by * 32 + bx * 4, 8);
                if (sad >= acLimit) {
                    return false;
                }
                total += sad;
            }
            if (total >= dcLimit) {
                return false;
            }
        }
        return true;
    }

    private static int sad4(byte[] src, int so, int ss, byte[] pred, int po, int ps) {
        int sum = 0;
        for (int r = 0; r < 4; r++) {
            int a = so + r * ss;
            int b = po + r * ps;
            sum += Math.abs((src[a] & 0xFF) - (pred[b] & 0xFF)) + Math.abs((src[a + 1] & 0xFF) - (pred[b + 1] & 0xFF))
                    + Math.abs((src[a + 2] & 0xFF) - (pred[b + 2] & 0xFF)) + Math.abs((src[a + 3] & 0xFF) - (pred[b + 3] & 0xFF));
        }
        return sum;
    }

    /** The reconstruction of a macroblock without residual: the prediction itself. */
    private void copyPrediction(int lumaOff, int chromaOff) {
        Picture cur = ctx.cur;
        for (int r = 0; r < 16; r++) {
            System.arraycopy(pred16, r * 16, cur.y, lumaOff + r * cur.stride, 16);
        }
        for (int r = 0; r < 8; r++) {
            System.arraycopy(predU, r * 8, cur.u, chromaOff + r * cur.cstride, 8);
            System.arraycopy(predV, r * 8, cur.v, chromaOff + r * cur.cstride, 8);
        }
    }

    /** x264-style decimation score of a quantised block: 9 when any level exceeds 1. */
    private static int decimateScore(int[] raster) {
        int score = 0;
        int i = 15;
        while (i >= 0 && raster[Transform.ZIGZAG[i]] == 0) {
            i--;
        }
        while (i >= 0) {
            int v = raster[Transform.ZIGZAG[i]];
            if (v > 1 || v < -1) {
                return 9;
            }
            i--;
            int run = 0;
            while (i >= 0 && raster[Transform.ZIGZAG[i]] == 0) {
                i--;
                run++;
            }
            score += DECIMATE[run];
        }
        return score;
    }

    private static void residual(byte[] src, int so, int ss, byte[] pred, int po, int ps, int[] out) {
        for (int r = 0; r < 4; r++) {
            int a = so + r * ss;
            int b = po + r * ps;
            out[r * 4] = (src[a] & 0xFF) - (pred[b] & 0xFF);
            out[r * 4 + 1] = (src[a + 1] & 0xFF) - (pred[b + 1] & 0xFF);
            out[r * 4 + 2] = (src[a + 2] & 0xFF) - (pred[b + 2] & 0xFF);
            out[r * 4 + 3] = (src[a + 3] & 0xFF) - (pred[b + 3] & 0xFF);
        }
    }

    /**
     * Reconstructs one 4x4 block: prediction plus the inverse transform of the dequantised levels
     * (from {@code from}; with {@code dcGiven} the already scaled DC value replaces position 0), or
     * the prediction alone when nothing is coded.
     */
    private void reconstructBlock(int[] levels, boolean coded, int from, int qp, byte[] pred, int po, int ps,
            byte[] dst, int dOff, int ds, int dcValue, boolean dcGiven) {
        if (!coded && (!dcGiven || dcValue == 0)) {
            for (int r = 0; r < 4; r++) {
                System.arraycopy(pred, po + r * ps, dst, dOff + r * ds, 4);
            }
            return;
        }
        System.arraycopy(levels, 0, tmp, 0, 16);
        if (coded) {
            Transform.dequant4x4(tmp, from, qp);
        } else {
            java.util.Arrays.fill(tmp, 0);
        }
        if (dcGiven) {
            tmp[0] = dcValue;
        }
        Transform.inverse4x4Add(tmp, pred, po, ps, dst, dOff, ds);
    }

    /** Transforms, quantises and reconstructs both chroma components against predU/predV; sets cbpChroma. */
    private void codeChroma(int mb, int csrcOff, int chromaOff, boolean intra) {
        FrameContext c = ctx;
        int qpc = Transform.CHROMA_QP[c.qp];
        int cw = c.width / 2;
        boolean anyDc = false;
        boolean anyAc = false;
        for (int comp = 0; comp < 2; comp++) {
            byte[] src = comp == 0 ? c.srcU : c.srcV;
            byte[] pred = comp == 0 ? predU : predV;
            for (int blk = 0; blk < 4; blk++) {
                int bx = blk & 1;
                int by = blk >> 1;
                int[] ac = chromaAc[comp * 4 + blk];
                residual(src, csrcOff + by * 4 * cw + bx * 4, cw, pred, by * 32 + bx * 4, 8, ac);
                Transform.forward4x4(ac);
                chromaDc[comp][blk] = ac[0];
                ac[0] = 0;
                if (Transform.quant4x4(ac, 1, qpc, intra) > 0) {
                    anyAc = true;
                }
            }
            Transform.hadamard2x2(chromaDc[comp]);
            if (Transform.quantDc2x2(chromaDc[comp], qpc, intra) > 0) {
                anyDc = true;
            }
        }
        if (anyAc && !intra) {
            // Drop chroma AC made only of a few isolated ones: it costs more bits than it is worth.
            int score = 0;
            for (int i = 0; i < 8; i++) {
                score += decimateScore(chromaAc[i]);
            }
            if (score < 7) {
                anyAc = false;
                for (int i = 0; i < 8; i++) {
                    java.util.Arrays.fill(chromaAc[i], 0);
                }
            }
        }
        cbpChroma = anyAc ? 2 : anyDc ? 1 : 0;
        MacroblockInfo info = c.info;
        for (int comp = 0; comp < 2; comp++) {
            byte[] dst = comp == 0 ? c.cur.u : c.cur.v;
            byte[] pred = comp == 0 ? predU : predV;
            int[] dcv = dcScaled;
            System.arraycopy(chromaDc[comp], 0, dcv, 0, 4);
            Transform.dequantDc2x2(dcv, qpc);
            for (int blk = 0; blk < 4; blk++) {
                int bx = blk & 1;
                int by = blk >> 1;
                int[] ac = chromaAc[comp * 4 + blk];
                int nz = 0;
                if (cbpChroma == 2) {
                    for (int i = 1; i < 16; i++) {
                        if (ac[i] != 0) {
                            nz++;
                        }
                    }
                }
                info.chromaTotal[mb * 8 + comp * 4 + blk] = (byte) nz;
                reconstructBlock(ac, nz > 0, 1, qpc, pred, by * 32 + bx * 4, 8, dst,
                        chromaOff + by * 4 * c.cur.cstride + bx * 4, c.cur.cstride, dcv[blk], true);
            }
        }
    }

    /** Sum of absolute differences of the best Intra_16x16 mode (for the inter/intra choice in P pictures). */
    private int intra16Sad(boolean left, boolean top, int srcOff, int lumaOff) {
        int best = Integer.MAX_VALUE;
        for (int mode = 0; mode < 4; mode++) {
            if (!i16Allowed(mode, left, top)) {
                continue;
            }
            IntraPredictor.luma16x16(mode, ctx.cur.y, lumaOff, ctx.cur.stride, left, top, pred16);
            int sad = 0;
            for (int r = 0; r < 16; r++) {
                int so = srcOff + r * ctx.width;
                for (int x = 0; x < 16; x++) {
                    sad += Math.abs((ctx.srcY[so + x] & 0xFF) - (pred16[r * 16 + x] & 0xFF));
                }
            }
            best = Math.min(best, sad);
        }
        return best;
    }

    private boolean i16Allowed(int mode, boolean left, boolean top) {
        return switch (mode) {
            case IntraPredictor.VERTICAL -> top;
            case IntraPredictor.HORIZONTAL -> left;
            case IntraPredictor.DC -> true;
            default -> left && top;
        };
    }

    /**
     * Chooses and codes the luma of an intra macroblock: the best Intra_16x16 mode by SATD, and in
     * intra pictures also Intra_4x4 with a per-block mode decision, keeping the cheaper.
     */
    private void decideIntra(int mb, int mbx, int mby, boolean left, boolean top, int srcOff, int lumaOff, int lambda,
            boolean tryI4) {
        FrameContext c = ctx;
        int best16 = Integer.MAX_VALUE;
        int bestMode = IntraPredictor.DC;
        for (int mode = 0; mode < 4; mode++) {
            if (!i16Allowed(mode, left, top)) {
                continue;
            }
            IntraPredictor.luma16x16(mode, c.cur.y, lumaOff, c.cur.stride, left, top, pred16);
            int cost = satd16(srcOff) + lambda * (mode == IntraPredictor.DC ? 1 : 3);
            if (cost < best16) {
                best16 = cost;
                bestMode = mode;
            }
        }
        MacroblockInfo info = c.info;
        info.intra[mb] = true;
        info.mvx[mb] = 0;
        info.mvy[mb] = 0;
        if (tryI4) {
            int cost4 = encodeI4(mb, mbx, left, top, srcOff, lumaOff, lambda);
            if (cost4 + 24 * lambda < best16) {
                mbType = MB_I4;
                for (int i = 0; i < 16; i++) {
                    info.i4Modes[mb * 16 + i] = (byte) i4Modes[i];
                }
                return;
            }
        }
        mbType = MB_I16;
        i16Mode = bestMode;
        for (int i = 0; i < 16; i++) {
            info.i4Modes[mb * 16 + i] = 2;
        }
        encodeI16(mb, left, top, srcOff, lumaOff);
    }

    private int satd16(int srcOff) {
        int sum = 0;
        for (int b = 0; b < 16; b++) {
            int bx = b & 3;
            int by = b >> 2;
            residual(ctx.srcY, srcOff + by * 4 * ctx.width + bx * 4, ctx.width, pred16, by * 64 + bx * 4, 16, tmp);
            Transform.hadamard4x4(tmp);
            for (int i = 0; i < 16; i++) {
                sum += Math.abs(tmp[i]);
            }
        }
        return sum >> 1;
    }

    private void encodeI16(int mb, boolean left, boolean top, int srcOff, int lumaOff) {
        FrameContext c = ctx;
        int qp = c.qp;
        IntraPredictor.luma16x16(i16Mode, c.cur.y, lumaOff, c.cur.stride, left, top, pred16);
        boolean anyAc = false;
        for (int b = 0; b < 16; b++) {
            int bx = b & 3;
            int by = b >> 2;
            residual(c.srcY, srcOff + by * 4 * c.width + bx * 4, c.width, pred16, by * 64 + bx * 4, 16, coef[b]);
            Transform.forward4x4(coef[b]);
            dc[b] = coef[b][0];
            coef[b][0] = 0;
            blkNz[b] = Transform.quant4x4(coef[b], 1, qp, true);
            anyAc |= blkNz[b] > 0;
        }
        Transform.forwardDc4x4(dc);
        Transform.quantDc4x4(dc, qp, true);
        cbpLuma = anyAc ? 15 : 0;
        int[] dcv = dcScaled;
        System.arraycopy(dc, 0, dcv, 0, 16);
        Transform.dequantDc4x4(dcv, qp);
        MacroblockInfo info = c.info;
        for (int b = 0; b < 16; b++) {
            int bx = b & 3;
            int by = b >> 2;
            info.lumaTotal[mb * 16 + b] = (byte) blkNz[b];
            reconstructBlock(coef[b], blkNz[b] > 0, 1, qp, pred16, by * 64 + bx * 4, 16, c.cur.y,
                    lumaOff + by * 4 * c.cur.stride + bx * 4, c.cur.stride, dcv[b], true);
        }
    }

    /** Codes the luma as 16 Intra_4x4 blocks in decoding order; @return the summed SATD + mode cost. */
    private int encodeI4(int mb, int mbx, boolean left, boolean top, int srcOff, int lumaOff, int lambda) {
        FrameContext c = ctx;
        MacroblockInfo info = c.info;
        int stride = c.cur.stride;
        byte[] y = c.cur.y;
        int qp = c.qp;
        int total = 0;
        cbpLuma = 0;
        for (int idx = 0; idx < 16; idx++) {
            int b = BLK_RASTER[idx];
            int bx = b & 3;
            int by = b >> 2;
            int o = lumaOff + by * 4 * stride + bx * 4;
            boolean hasLeft = bx > 0 || left;
            boolean hasTop = by > 0 || top;
            boolean hasTopLeft = hasLeft && hasTop;
            boolean hasTopRight;
            if (by == 0) {
                hasTopRight = bx < 3 ? top : top && mbx < ctx.mbWidth - 1;
            } else {
                hasTopRight = bx < 3 && topRightDecoded(b);
            }
            if (hasTop) {
                for (int i = 0; i < 4; i++) {
                    nbr[1 + i] = y[o - stride + i] & 0xFF;
                }
                for (int i = 4; i < 8; i++) {
                    nbr[1 + i] = hasTopRight ? y[o - stride + i] & 0xFF : nbr[4];
                }
            }
            if (hasLeft) {
                for (int i = 0; i < 4; i++) {
                    nbr[9 + i] = y[o + i * stride - 1] & 0xFF;
                }
            }
            if (hasTopLeft) {
                nbr[0] = y[o - stride - 1] & 0xFF;
            }
            int modeA = bx > 0 ? i4Modes[BLK_INDEX[b - 1]] : left ? info.i4Modes[(mb - 1) * 16 + b + 3] : -1;
            int modeB = by > 0 ? i4Modes[BLK_INDEX[b - 4]] : top ? info.i4Modes[(mb - ctx.mbWidth) * 16 + 12 + bx] : -1;
            int predMode = modeA < 0 || modeB < 0 ? 2 : Math.min(modeA, modeB);
            int best = Integer.MAX_VALUE;
            int bestMode = 2;
            int so = srcOff + by * 4 * c.width + bx * 4;
            int po = by * 64 + bx * 4;
            for (int mode = 0; mode < 9; mode++) {
                boolean ok = switch (mode) {
                    case 0, 3, 7 -> hasTop;
                    case 1, 8 -> hasLeft;
                    case 2 -> true;
                    default -> hasTopLeft;
                };
                if (!ok) {
                    continue;
                }
                if (mode == 2) {
                    IntraPredictor.luma4x4Dc(nbr, hasLeft, hasTop, pred16, po);
                } else {
                    IntraPredictor.luma4x4(mode, nbr, pred16, po);
                }
                int cost = satd4(c.srcY, so, c.width, pred16, po) + lambda * (mode == predMode ? 1 : 4);
                if (cost < best) {
                    best = cost;
                    bestMode = mode;
                }
            }
            total += best;
            i4Modes[idx] = bestMode;
            if (bestMode == 2) {
                IntraPredictor.luma4x4Dc(nbr, hasLeft, hasTop, pred16, po);
            } else {
                IntraPredictor.luma4x4(bestMode, nbr, pred16, po);
            }
            residual(c.srcY, so, c.width, pred16, po, 16, coef[b]);
            Transform.forward4x4(coef[b]);
            blkNz[b] = Transform.quant4x4(coef[b], 0, qp, true);
            if (blkNz[b] > 0) {
                cbpLuma |= 1 << (idx >> 2);
            }
            info.lumaTotal[mb * 16 + b] = (byte) blkNz[b];
            reconstructBlock(coef[b], blkNz[b] > 0, 0, qp, pred16, po, 16, y, o, stride, 0, false);
        }
        // i4Modes is in decoding order; MacroblockInfo keeps raster order.
        for (int idx = 0; idx < 16; idx++) {
            tmp[BLK_RASTER[idx]] = i4Modes[idx];
        }
        System.arraycopy(tmp, 0, i4Modes, 0, 16);
        return total;
    }

    /** Raster index to decoding order (inverse of {@link #BLK_RASTER}). */
    private static final int[] BLK_INDEX = {0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15};

    /** Whether the block above right of raster block b (not in the top row, not the right column) is decoded before it. */
    private static boolean topRightDecoded(int b) {
        int bx = b & 3;
        int by = b >> 2;
        int tr = (by - 1) * 4 + bx + 1;
        return BLK_INDEX[tr] < BLK_INDEX[b];
    }

    /** SATD (Hadamard-transformed differences, halved) of a 4x4 block against pred (stride 16). */
    private int satd4(byte[] src, int so, int ss, byte[] pred, int po) {
        int sum = 0;
        int[] r = tmp;
        for (int i = 0; i < 4; i++) {
            int a = so + i * ss;
            int b = po + i * 16;
            int d0 = (src[a] & 0xFF) - (pred[b] & 0xFF);
            int d1 = (src[a + 1] & 0xFF) - (pred[b + 1] & 0xFF);
            int d2 = (src[a + 2] & 0xFF) - (pred[b + 2] & 0xFF);
            int d3 = (src[a + 3] & 0xFF) - (pred[b + 3] & 0xFF);
            int s01 = d0 + d1;
            int df01 = d0 - d1;
            int s23 = d2 + d3;
            int df23 = d2 - d3;
            r[i * 4] = s01 + s23;
            r[i * 4 + 1] = s01 - s23;
            r[i * 4 + 2] = df01 - df23;
            r[i * 4 + 3] = df01 + df23;
        }
        for (int col = 0; col < 4; col++) {
            int s01 = r[col] + r[col + 4];
            int df01 = r[col] - r[col + 4];
            int s23 = r[col + 8] + r[col + 12];
            int df23 = r[col + 8] - r[col + 12];
            sum += Math.abs(s01 + s23) + Math.abs(s01 - s23) + Math.abs(df01 - df23) + Math.abs(df01 + df23);
        }
        return sum >> 1;
    }

    /** Chooses the chroma intra mode by SATD over both components and codes the chroma. */
    private void encodeChromaIntra(int mb, boolean left, boolean top, int csrcOff, int chromaOff) {
        FrameContext c = ctx;
        int best = Integer.MAX_VALUE;
        int bestMode = IntraPredictor.CHROMA_DC;
        int cw = c.width / 2;
        for (int mode = 0; mode < 4; mode++) {
            boolean ok = switch (mode) {
                case IntraPredictor.CHROMA_DC -> true;
                case IntraPredictor.CHROMA_HORIZONTAL -> left;
                case IntraPredictor.CHROMA_VERTICAL -> top;
                default -> left && top;
            };
            if (!ok) {
                continue;
            }
            IntraPredictor.chroma8x8(mode, c.cur.u, chromaOff, c.cur.cstride, left, top, predU);
            IntraPredictor.chroma8x8(mode, c.cur.v, chromaOff, c.cur.cstride, left, top, predV);
            int cost = 0;
            for (int blk = 0; blk < 4; blk++) {
                int bx = blk & 1;
                int by = blk >> 1;
                cost += satdChroma(c.srcU, csrcOff + by * 4 * cw + bx * 4, cw, predU, by * 32 + bx * 4);
                cost += satdChroma(c.srcV, csrcOff + by * 4 * cw + bx * 4, cw, predV, by * 32 + bx * 4);
            }
            if (cost < best) {
                best = cost;
                bestMode = mode;
            }
        }
        chromaMode = bestMode;
        IntraPredictor.chroma8x8(bestMode, c.cur.u, chromaOff, c.cur.cstride, left, top, predU);
        IntraPredictor.chroma8x8(bestMode, c.cur.v, chromaOff, c.cur.cstride, left, top, predV);
        codeChroma(mb, csrcOff, chromaOff, true);
    }

    private int satdChroma(byte[] src, int so, int ss, byte[] pred, int po) {
        int sum = 0;
        for (int r = 0; r < 4; r++) {
            for (int x = 0; x < 4; x++) {
                tmp[r * 4 + x] = (src[so + r * ss + x] & 0xFF) - (pred[po + r * 8 + x] & 0xFF);
            }
        }
        Transform.hadamard4x4(tmp);
        for (int i = 0; i < 16; i++) {
            sum += Math.abs(tmp[i]);
        }
        return sum >> 1;
    }

    /** Writes macroblock_layer() (§7.3.5) of the decided macroblock, preceded in P slices by mb_skip_run. */
    private void writeMacroblock(int mb, boolean left, boolean top) {
        FrameContext c = ctx;
        boolean pSlice = !c.intraPicture;
        if (pSlice) {
            bw.ue(skipRun);
            skipRun = 0;
        }
        int typeOffset = pSlice ? 5 : 0;
        int cbp = cbpLuma | (cbpChroma << 4);
        switch (mbType) {
            case MB_I16 -> {
                bw.ue(typeOffset + 1 + i16Mode + 4 * cbpChroma + (cbpLuma == 15 ? 12 : 0));
                bw.ue(chromaMode);
                bw.se(0); // mb_qp_delta
                for (int i = 0; i < 16; i++) {
                    zz[i] = dc[Transform.ZIGZAG[i]];
                }
                cavlc.write(bw, zz, 0, 16, lumaNc(mb, 0, left, top));
                if (cbpLuma == 15) {
                    for (int idx = 0; idx < 16; idx++) {
                        int b = BLK_RASTER[idx];
                        for (int i = 1; i < 16; i++) {
                            zz[i] = coef[b][Transform.ZIGZAG[i]];
                        }
                        cavlc.write(bw, zz, 1, 15, lumaNc(mb, b, left, top));
                    }
                }
            }
            case MB_I4 -> {
                bw.ue(typeOffset);
                MacroblockInfo info = c.info;
                for (int idx = 0; idx < 16; idx++) {
                    int b = BLK_RASTER[idx];
                    int bx = b & 3;
                    int by = b >> 2;
                    int modeA = bx > 0 ? info.i4Modes[mb * 16 + b - 1] : left ? info.i4Modes[(mb - 1) * 16 + b + 3] : -1;
                    int modeB = by > 0 ? info.i4Modes[mb * 16 + b - 4]
                            : top ? info.i4Modes[(mb - c.mbWidth) * 16 + 12 + bx] : -1;
                    int predMode = modeA < 0 || modeB < 0 ? 2 : Math.min(modeA, modeB);
                    int mode = info.i4Modes[mb * 16 + b];
                    if (mode == predMode) {
                        bw.put(1, 1); // prev_intra4x4_pred_mode_flag
                    } else {
                        bw.put(4, mode < predMode ? mode : mode - 1); // flag 0 + rem_intra4x4_pred_mode
                    }
                }
                bw.ue(chromaMode);
                bw.ue(CavlcTables.CBP_INTRA_CODE[cbp]);
                writeLumaResidual(mb, cbp, left, top);
            }
            default -> {
                bw.ue(0); // P_L0_16x16
                bw.se(mvx - mvpx);
                bw.se(mvy - mvpy);
                bw.ue(CavlcTables.CBP_INTER_CODE[cbp]);
                writeLumaResidual(mb, cbp, left, top);
            }
        }
        if (cbpChroma > 0) {
            for (int comp = 0; comp < 2; comp++) {
                cavlc.write(bw, chromaDc[comp], 0, 4, -1);
            }
        }
        if (cbpChroma == 2) {
            for (int comp = 0; comp < 2; comp++) {
                for (int blk = 0; blk < 4; blk++) {
                    int[] ac = chromaAc[comp * 4 + blk];
                    for (int i = 1; i < 16; i++) {
                        zz[i] = ac[Transform.ZIGZAG[i]];
                    }
                    cavlc.write(bw, zz, 1, 15, chromaNc(mb, comp, blk, left, top));
                }
            }
        }
    }

    private void writeLumaResidual(int mb, int cbp, boolean left, boolean top) {
        if (cbp == 0) {
            return;
        }
        bw.se(0); // mb_qp_delta
        for (int idx = 0; idx < 16; idx++) {
            if ((cbpLuma & (1 << (idx >> 2))) == 0) {
                continue;
            }
            int b = BLK_RASTER[idx];
            for (int i = 0; i < 16; i++) {
                zz[i] = coef[b][Transform.ZIGZAG[i]];
            }
            cavlc.write(bw, zz, 0, 16, lumaNc(mb, b, left, top));
        }
    }

    /** nC of a luma 4x4 block (§9.2.1) from the blocks left of and above it. */
    private int lumaNc(int mb, int b, boolean left, boolean top) {
        MacroblockInfo info = ctx.info;
        int bx = b & 3;
        int by = b >> 2;
        boolean hasA = bx > 0 || left;
        boolean hasB = by > 0 || top;
        int nA = !hasA ? 0 : bx > 0 ? info.lumaTotal[mb * 16 + b - 1] : info.lumaTotal[(mb - 1) * 16 + b + 3];
        int nB = !hasB ? 0 : by > 0 ? info.lumaTotal[mb * 16 + b - 4]
                : info.lumaTotal[(mb - ctx.mbWidth) * 16 + 12 + bx];
        return hasA && hasB ? (nA + nB + 1) >> 1 : hasA ? nA : nB;
    }

    /** nC of a chroma AC block from the chroma blocks left of and above it. */
    private int chromaNc(int mb, int comp, int blk, boolean left, boolean top) {
        MacroblockInfo info = ctx.info;
        int bx = blk & 1;
        int by = blk >> 1;
        int base = comp * 4;
        boolean hasA = bx > 0 || left;
        boolean hasB = by > 0 || top;
        int nA = !hasA ? 0 : bx > 0 ? info.chromaTotal[mb * 8 + base + blk - 1]
                : info.chromaTotal[(mb - 1) * 8 + base + by * 2 + 1];
        int nB = !hasB ? 0 : by > 0 ? info.chromaTotal[mb * 8 + base + blk - 2]
                : info.chromaTotal[(mb - ctx.mbWidth) * 8 + base + 2 + bx];
        return hasA && hasB ? (nA + nB + 1) >> 1 : hasA ? nA : nB;
    }
}
