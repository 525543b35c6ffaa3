package io.livepush.encoder.javah264;

/**
 * Intra macroblocks (§8.3): the Intra_16x16 mode by SATD, Intra_4x4 with a per-block decision
 * among the nine modes (each block reconstructed before the next is predicted) and the
 * most-probable-mode rule of §8.3.1.1, and the chroma mode. Holds scratch only; one per slice
 * thread.
 */
final class IntraCoder {
    /** Raster index to decoding order (the inverse of {@link SliceEncoder#BLK_RASTER}). */
    private static final int[] BLK_INDEX = {0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15};

    private final FrameContext ctx;
    private final CodedMacroblock m;
    private final ResidualCoder residual;
    private final int[] tmp = new int[16];
    private final int[] dcScaled = new int[16];
    private final int[] nbr = new int[13];
    private final int[] i4Modes = new int[16];

    IntraCoder(FrameContext ctx, CodedMacroblock m, ResidualCoder residual) {
        this.ctx = ctx;
        this.m = m;
        this.residual = residual;
    }

    /** Sum of absolute differences of the best Intra_16x16 mode (for the inter/intra choice in P pictures). */
    int intra16Sad(boolean left, boolean top, int srcOff, int lumaOff) {
        int best = Integer.MAX_VALUE;
        for (int mode = 0; mode < 4; mode++) {
            if (!i16Allowed(mode, left, top)) {
                continue;
            }
            IntraPredictor.luma16x16(mode, ctx.cur.y, lumaOff, ctx.cur.stride, left, top, m.pred16);
            int sad = 0;
            for (int r = 0; r < 16; r++) {
                int so = srcOff + r * ctx.width;
                for (int x = 0; x < 16; x++) {
                    sad += Math.abs((ctx.srcY[so + x] & 0xFF) - (m.pred16[r * 16 + x] & 0xFF));
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
    void decideIntra(int mb, int mbx, int mby, boolean left, boolean top, int srcOff, int lumaOff, int lambda,
            boolean tryI4) {
        FrameContext c = ctx;
        int best16 = Integer.MAX_VALUE;
        int bestMode = IntraPredictor.DC;
        for (int mode = 0; mode < 4; mode++) {
            if (!i16Allowed(mode, left, top)) {
                continue;
            }
            IntraPredictor.luma16x16(mode, c.cur.y, lumaOff, c.cur.stride, left, top, m.pred16);
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
                m.mbType = CodedMacroblock.MB_I4;
                for (int i = 0; i < 16; i++) {
                    info.i4Modes[mb * 16 + i] = (byte) i4Modes[i];
                }
                return;
            }
        }
        m.mbType = CodedMacroblock.MB_I16;
        m.i16Mode = bestMode;
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
            ResidualCoder.residual(ctx.srcY, srcOff + by * 4 * ctx.width + bx * 4, ctx.width, m.pred16, by * 64 + bx * 4, 16, tmp);
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
        IntraPredictor.luma16x16(m.i16Mode, c.cur.y, lumaOff, c.cur.stride, left, top, m.pred16);
        boolean anyAc = false;
        for (int b = 0; b < 16; b++) {
            int bx = b & 3;
            int by = b >> 2;
            ResidualCoder.residual(c.srcY, srcOff + by * 4 * c.width + bx * 4, c.width, m.pred16, by * 64 + bx * 4, 16, m.coef[b]);
            Transform.forward4x4(m.coef[b]);
            m.dc[b] = m.coef[b][0];
            m.coef[b][0] = 0;
            m.blkNz[b] = Transform.quant4x4(m.coef[b], 1, qp, true);
            anyAc |= m.blkNz[b] > 0;
        }
        Transform.forwardDc4x4(m.dc);
        Transform.quantDc4x4(m.dc, qp, true);
        m.cbpLuma = anyAc ? 15 : 0;
        int[] dcv = dcScaled;
        System.arraycopy(m.dc, 0, dcv, 0, 16);
        Transform.dequantDc4x4(dcv, qp);
        MacroblockInfo info = c.info;
        for (int b = 0; b < 16; b++) {
            int bx = b & 3;
            int by = b >> 2;
            info.lumaTotal[mb * 16 + b] = (byte) m.blkNz[b];
            residual.reconstructBlock(m.coef[b], m.blkNz[b] > 0, 1, qp, m.pred16, by * 64 + bx * 4, 16, c.cur.y,
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
        m.cbpLuma = 0;
        for (int idx = 0; idx < 16; idx++) {
            int b = SliceEncoder.BLK_RASTER[idx];
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
                    IntraPredictor.luma4x4Dc(nbr, hasLeft, hasTop, m.pred16, po);
                } else {
                    IntraPredictor.luma4x4(mode, nbr, m.pred16, po);
                }
                int cost = satd4(c.srcY, so, c.width, m.pred16, po) + lambda * (mode == predMode ? 1 : 4);
                if (cost < best) {
                    best = cost;
                    bestMode = mode;
                }
            }
            total += best;
            i4Modes[idx] = bestMode;
            if (bestMode == 2) {
                IntraPredictor.luma4x4Dc(nbr, hasLeft, hasTop, m.pred16, po);
            } else {
                IntraPredictor.luma4x4(bestMode, nbr, m.pred16, po);
            }
            ResidualCoder.residual(c.srcY, so, c.width, m.pred16, po, 16, m.coef[b]);
            Transform.forward4x4(m.coef[b]);
            m.blkNz[b] = Transform.quant4x4(m.coef[b], 0, qp, true);
            if (m.blkNz[b] > 0) {
                m.cbpLuma |= 1 << (idx >> 2);
            }
            info.lumaTotal[mb * 16 + b] = (byte) m.blkNz[b];
            residual.reconstructBlock(m.coef[b], m.blkNz[b] > 0, 0, qp, m.pred16, po, 16, y, o, stride, 0, false);
        }
        // i4Modes is in decoding order; MacroblockInfo keeps raster order.
        for (int idx = 0; idx < 16; idx++) {
            tmp[SliceEncoder.BLK_RASTER[idx]] = i4Modes[idx];
        }
        System.arraycopy(tmp, 0, i4Modes, 0, 16);
        return total;
    }
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
    void encodeChromaIntra(int mb, boolean left, boolean top, int csrcOff, int chromaOff) {
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
            IntraPredictor.chroma8x8(mode, c.cur.u, chromaOff, c.cur.cstride, left, top, m.predU);
            IntraPredictor.chroma8x8(mode, c.cur.v, chromaOff, c.cur.cstride, left, top, m.predV);
            int cost = 0;
            for (int blk = 0; blk < 4; blk++) {
                int bx = blk & 1;
                int by = blk >> 1;
                cost += satdChroma(c.srcU, csrcOff + by * 4 * cw + bx * 4, cw, m.predU, by * 32 + bx * 4);
                cost += satdChroma(c.srcV, csrcOff + by * 4 * cw + bx * 4, cw, m.predV, by * 32 + bx * 4);
            }
            if (cost < best) {
                best = cost;
                bestMode = mode;
            }
        }
        m.chromaMode = bestMode;
        IntraPredictor.chroma8x8(bestMode, c.cur.u, chromaOff, c.cur.cstride, left, top, m.predU);
        IntraPredictor.chroma8x8(bestMode, c.cur.v, chromaOff, c.cur.cstride, left, top, m.predV);
        residual.codeChroma(mb, csrcOff, chromaOff, true);
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
}
