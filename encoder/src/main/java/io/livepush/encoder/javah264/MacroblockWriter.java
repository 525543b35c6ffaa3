package io.livepush.encoder.javah264;

/**
 * Writes one coded macroblock's {@code macroblock_layer()} (ISO/IEC 14496-10 §7.3.5) with CAVLC:
 * mb_type, the Intra_4x4 modes or the motion vector difference, coded_block_pattern, mb_qp_delta
 * and the residual blocks with their nC contexts (§9.2.1) taken from the neighbouring blocks'
 * TotalCoeff. In P slices the pending mb_skip_run comes first. One per slice thread.
 */
final class MacroblockWriter {
    private final FrameContext ctx;
    private final BitWriter bw;
    private final CodedMacroblock m;
    private final CavlcWriter cavlc = new CavlcWriter();
    private final int[] zz = new int[16];

    MacroblockWriter(FrameContext ctx, BitWriter bw, CodedMacroblock m) {
        this.ctx = ctx;
        this.bw = bw;
        this.m = m;
    }

    /** Writes macroblock_layer() (§7.3.5) of the decided macroblock, preceded in P slices by mb_skip_run. */
    void write(int mb, boolean left, boolean top, int skipRun) {
        FrameContext c = ctx;
        boolean pSlice = !c.intraPicture;
        if (pSlice) {
            bw.ue(skipRun);
        }
        int typeOffset = pSlice ? 5 : 0;
        int cbp = m.cbpLuma | (m.cbpChroma << 4);
        switch (m.mbType) {
            case CodedMacroblock.MB_I16 -> {
                bw.ue(typeOffset + 1 + m.i16Mode + 4 * m.cbpChroma + (m.cbpLuma == 15 ? 12 : 0));
                bw.ue(m.chromaMode);
                bw.se(0); // mb_qp_delta
                for (int i = 0; i < 16; i++) {
                    zz[i] = m.dc[Transform.ZIGZAG[i]];
                }
                cavlc.write(bw, zz, 0, 16, lumaNc(mb, 0, left, top));
                if (m.cbpLuma == 15) {
                    for (int idx = 0; idx < 16; idx++) {
                        int b = SliceEncoder.BLK_RASTER[idx];
                        for (int i = 1; i < 16; i++) {
                            zz[i] = m.coef[b][Transform.ZIGZAG[i]];
                        }
                        cavlc.write(bw, zz, 1, 15, lumaNc(mb, b, left, top));
                    }
                }
            }
            case CodedMacroblock.MB_I4 -> {
                bw.ue(typeOffset);
                MacroblockInfo info = c.info;
                for (int idx = 0; idx < 16; idx++) {
                    int b = SliceEncoder.BLK_RASTER[idx];
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
                bw.ue(m.chromaMode);
                bw.ue(CavlcTables.CBP_INTRA_CODE[cbp]);
                writeLumaResidual(mb, cbp, left, top);
            }
            default -> {
                bw.ue(0); // P_L0_16x16
                bw.se(m.mvx - m.mvpx);
                bw.se(m.mvy - m.mvpy);
                bw.ue(CavlcTables.CBP_INTER_CODE[cbp]);
                writeLumaResidual(mb, cbp, left, top);
            }
        }
        if (m.cbpChroma > 0) {
            for (int comp = 0; comp < 2; comp++) {
                cavlc.write(bw, m.chromaDc[comp], 0, 4, -1);
            }
        }
        if (m.cbpChroma == 2) {
            for (int comp = 0; comp < 2; comp++) {
                for (int blk = 0; blk < 4; blk++) {
                    int[] ac = m.chromaAc[comp * 4 + blk];
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
            if ((m.cbpLuma & (1 << (idx >> 2))) == 0) {
                continue;
            }
            int b = SliceEncoder.BLK_RASTER[idx];
            for (int i = 0; i < 16; i++) {
                zz[i] = m.coef[b][Transform.ZIGZAG[i]];
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
