package io.livepush.encoder.javah264;

/**
 * Encodes one slice (a run of whole macroblock rows) of a picture and deblocks it: per macroblock
 * the mode decision (P_Skip, P_L0_16x16 with motion search, or intra through {@link IntraCoder}),
 * the motion vector prediction of §8.4.1, the inter residual through {@link ResidualCoder}, and
 * the CAVLC {@code slice_data()} (ISO/IEC 14496-10 §7.3.4) with mb_skip_run, each macroblock
 * written by {@link MacroblockWriter}. Owns its bit writer and every scratch array, so nothing is
 * allocated per macroblock; one thread uses it at a time.
 */
final class SliceEncoder {
    /** Decoding order of the 4x4 luma blocks (luma4x4BlkIdx) to raster index in the macroblock. */
    static final int[] BLK_RASTER = {0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15};

    private final FrameContext ctx;
    private int firstRow;
    private int endRow;
    private final BitWriter bw = new BitWriter();
    private final CodedMacroblock m = new CodedMacroblock();
    private final MacroblockWriter writer;
    private final ResidualCoder residual;
    private final IntraCoder intra;
    private final Deblocker deblocker = new Deblocker();
    private final MotionSearch search;

    private int skipRun;
    private int codedInRow;
    private long sliceBits;

    SliceEncoder(FrameContext ctx, int firstRow, int endRow) {
        this.ctx = ctx;
        this.firstRow = firstRow;
        this.endRow = endRow;
        this.search = new MotionSearch(ctx);
        this.writer = new MacroblockWriter(ctx, bw, m);
        this.residual = new ResidualCoder(ctx, m);
        this.intra = new IntraCoder(ctx, m, residual);
    }

    /** Sets the macroblock rows of the next picture's slice: {@code firstRow..endRow-1}. */
    void setRows(int firstRow, int endRow) {
        this.firstRow = firstRow;
        this.endRow = endRow;
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
            codedInRow = 0;
            for (int mbx = 0; mbx < c.mbWidth; mbx++) {
                encodeMacroblock(mbx, mby, lambda);
            }
            // Work model for balancing: a skipped macroblock costs about a quarter of a coded one.
            c.rowCost[mby] = c.mbWidth + 3 * codedInRow;
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
            intra.decideIntra(mb, mbx, mby, left, top, srcOff, lumaOff, lambda, true);
        } else {
            predictMv(mb, mbx, left, top);
            int skipX = 0;
            int skipY = 0;
            boolean skipZero = !left || !top
                    || (!info.intra[mb - 1] && info.mvx[mb - 1] == 0 && info.mvy[mb - 1] == 0)
                    || (!info.intra[mb - c.mbWidth] && info.mvx[mb - c.mbWidth] == 0 && info.mvy[mb - c.mbWidth] == 0);
            if (!skipZero) {
                skipX = m.mvpx;
                skipY = m.mvpy;
            }
            skipX = search.clampX(mbx, skipX);
            skipY = search.clampY(mby, skipY);
            boolean skipInRange = skipZero || (skipX == m.mvpx && skipY == m.mvpy);
            int skipSad = InterPrediction.sadQpel(c.srcY, srcOff, c.width, c.ref, mbx * 16, mby * 16, skipX, skipY,
                    Integer.MAX_VALUE);
            if (skipInRange && skipSad < 16 * lambda + 64 && quantisesToNothing(mbx, mby, srcOff, csrcOff, skipX, skipY)) {
                copyPrediction(lumaOff, chromaOff);
                finishSkip(mb, skipX, skipY);
                return;
            }
            if (skipInRange && skipSad < 16 * lambda + 64 && tryInter(mb, mbx, mby, srcOff, csrcOff, lumaOff, chromaOff,
                    skipX, skipY) && m.cbpLuma == 0 && m.cbpChroma == 0) {
                finishSkip(mb, skipX, skipY);
                return;
            }
            int cost = search.search(mbx, mby, srcOff, m.mvpx, m.mvpy, lambda, skipX, skipY, skipSad);
            int bestX = search.mvx;
            int bestY = search.mvy;
            // Intra is worth a look only where motion compensation leaves a large error.
            int intraCost = cost > 768 + 16 * lambda ? intra.intra16Sad(left, top, srcOff, lumaOff) : Integer.MAX_VALUE - 4096;
            if (intraCost + 6 * lambda < cost) {
                intra.decideIntra(mb, mbx, mby, left, top, srcOff, lumaOff, lambda, false);
            } else {
                tryInter(mb, mbx, mby, srcOff, csrcOff, lumaOff, chromaOff, bestX, bestY);
                if (m.cbpLuma == 0 && m.cbpChroma == 0 && skipInRange && bestX == skipX && bestY == skipY) {
                    finishSkip(mb, skipX, skipY);
                    return;
                }
                m.mbType = CodedMacroblock.MB_P16;
                m.mvx = bestX;
                m.mvy = bestY;
                info.intra[mb] = false;
                info.mvx[mb] = m.mvx;
                info.mvy[mb] = m.mvy;
                for (int i = 0; i < 16; i++) {
                    info.i4Modes[mb * 16 + i] = 2;
                }
                writer.write(mb, left, top, skipRun);
        skipRun = 0;
        codedInRow++;
                return;
            }
        }
        if (m.mbType == CodedMacroblock.MB_I16 || m.mbType == CodedMacroblock.MB_I4) {
            intra.encodeChromaIntra(mb, left, top, csrcOff, chromaOff);
        }
        writer.write(mb, left, top, skipRun);
        skipRun = 0;
        codedInRow++;
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
            m.mvpx = ax;
            m.mvpy = ay;
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
            m.mvpx = refA == 0 ? ax : refB == 0 ? bx : cx;
            m.mvpy = refA == 0 ? ay : refB == 0 ? by : cy;
        } else {
            m.mvpx = median(ax, bx, cx);
            m.mvpy = median(ay, by, cy);
        }
    }

    private static int median(int a, int b, int c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /**
     * Codes the macroblock as inter at (x, y): prediction, residual, decimation of nearly empty
     * blocks, reconstruction. Sets m.cbpLuma/m.cbpChroma and the totals.
     *
     * @return true
     */
    private boolean tryInter(int mb, int mbx, int mby, int srcOff, int csrcOff, int lumaOff, int chromaOff, int x, int y) {
        FrameContext c = ctx;
        Picture ref = c.ref;
        InterPrediction.luma16x16(ref, mbx * 16, mby * 16, x, y, m.pred16);
        InterPrediction.chroma8x8(ref.u, ref.corigin, ref.cstride, mbx * 8, mby * 8, x, y, m.predU);
        InterPrediction.chroma8x8(ref.v, ref.corigin, ref.cstride, mbx * 8, mby * 8, x, y, m.predV);
        int qp = c.qp;
        m.cbpLuma = 0;
        int score0 = 0;
        int score1 = 0;
        int score2 = 0;
        int score3 = 0;
        for (int b = 0; b < 16; b++) {
            int bx = b & 3;
            int by = b >> 2;
            ResidualCoder.residual(c.srcY, srcOff + by * 4 * c.width + bx * 4, c.width, m.pred16, by * 64 + bx * 4, 16, m.coef[b]);
            Transform.forward4x4(m.coef[b]);
            m.blkNz[b] = Transform.quant4x4(m.coef[b], 0, qp, false);
            int s = m.blkNz[b] == 0 ? 0 : ResidualCoder.decimateScore(m.coef[b]);
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
            boolean coded = (keep & (1 << b8)) != 0 && m.blkNz[b] != 0;
            if (coded) {
                m.cbpLuma |= 1 << b8;
            } else {
                m.blkNz[b] = 0; // its levels are neither written nor reconstructed
            }
            info.lumaTotal[mb * 16 + b] = (byte) m.blkNz[b];
            residual.reconstructBlock(m.coef[b], coded, 0, qp, m.pred16, by * 64 + bx * 4, 16, c.cur.y,
                    lumaOff + by * 4 * c.cur.stride + bx * 4, c.cur.stride, 0, false);
        }
        residual.codeChroma(mb, csrcOff, chromaOff, false);
        return true;
    }

    /**
     * Whether the inter prediction at (x, y) leaves a residual that quantises to nothing at all, by a
     * bound rather than the transform: a 4x4 coefficient is at most 4 * SAD of its block (the
     * forward transform's entries are at most 2), a chroma DC at most the SAD of the 8x8 block, so a
     * small enough SAD guarantees zero levels. Leaves the prediction in m.pred16/m.predU/m.predV.
     */
    private boolean quantisesToNothing(int mbx, int mby, int srcOff, int csrcOff, int x, int y) {
        FrameContext c = ctx;
        int qp = c.qp;
        int qbits = 15 + qp / 6;
        int limit = ((1 << qbits) - (1 << qbits) / 6) / (4 * Transform.QUANT_MF[qp % 6][0]);
        if (limit == 0) {
            return false;
        }
        InterPrediction.luma16x16(c.ref, mbx * 16, mby * 16, x, y, m.pred16);
        for (int b = 0; b < 16; b++) {
            int bx = b & 3;
            int by = b >> 2;
            if (ResidualCoder.sad4(c.srcY, srcOff + by * 4 * c.width + bx * 4, c.width, m.pred16, by * 64 + bx * 4, 16) >= limit) {
                return false;
            }
        }
        int qpc = Transform.CHROMA_QP[qp];
        int cbits = 15 + qpc / 6;
        int mf = Transform.QUANT_MF[qpc % 6][0];
        int acLimit = ((1 << cbits) - (1 << cbits) / 6) / (4 * mf);
        int dcLimit = 2 * ((1 << cbits) - (1 << cbits) / 6) / mf;
        Picture ref = c.ref;
        InterPrediction.chroma8x8(ref.u, ref.corigin, ref.cstride, mbx * 8, mby * 8, x, y, m.predU);
        InterPrediction.chroma8x8(ref.v, ref.corigin, ref.cstride, mbx * 8, mby * 8, x, y, m.predV);
        int cw = c.width / 2;
        for (int comp = 0; comp < 2; comp++) {
            byte[] src = comp == 0 ? c.srcU : c.srcV;
            byte[] pred = comp == 0 ? m.predU : m.predV;
            int total = 0;
            for (int blk = 0; blk < 4; blk++) {
                int bx = blk & 1;
                int by = blk >> 1;
                int sad = ResidualCoder.sad4(src, csrcOff + by * 4 * cw + bx * 4, cw, pred, by * 32 + bx * 4, 8);
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


    /** The reconstruction of a macroblock without residual: the prediction itself. */
    private void copyPrediction(int lumaOff, int chromaOff) {
        Picture cur = ctx.cur;
        for (int r = 0; r < 16; r++) {
            System.arraycopy(m.pred16, r * 16, cur.y, lumaOff + r * cur.stride, 16);
        }
        for (int r = 0; r < 8; r++) {
            System.arraycopy(m.predU, r * 8, cur.u, chromaOff + r * cur.cstride, 8);
            System.arraycopy(m.predV, r * 8, cur.v, chromaOff + r * cur.cstride, 8);
        }
    }















}
