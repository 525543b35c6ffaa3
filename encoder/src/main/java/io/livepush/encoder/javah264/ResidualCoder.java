package io.livepush.encoder.javah264;

/**
 * Residual coding shared by intra and inter macroblocks: the difference to the prediction, the
 * chroma transform and quantisation with its coded_block_pattern, the decimation score that drops
 * nearly empty blocks, and the reconstruction a decoder makes from the levels (§8.5). Holds scratch
 * only; one per slice thread.
 */
final class ResidualCoder {
    private static final int[] DECIMATE = {3, 2, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final FrameContext ctx;
    private final CodedMacroblock m;
    private final int[] tmp = new int[16];
    private final int[] dcScaled = new int[16];

    ResidualCoder(FrameContext ctx, CodedMacroblock m) {
        this.ctx = ctx;
        this.m = m;
    }

    /** x264-style decimation score of a quantised block: 9 when any level exceeds 1. */
    static int decimateScore(int[] raster) {
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
    static void residual(byte[] src, int so, int ss, byte[] pred, int po, int ps, int[] out) {
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
    void reconstructBlock(int[] levels, boolean coded, int from, int qp, byte[] pred, int po, int ps,
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
    /** Transforms, quantises and reconstructs both chroma components against the chroma prediction; sets cbpChroma. */
    void codeChroma(int mb, int csrcOff, int chromaOff, boolean intra) {
        FrameContext c = ctx;
        int qpc = Transform.CHROMA_QP[c.qp];
        int cw = c.width / 2;
        boolean anyDc = false;
        boolean anyAc = false;
        for (int comp = 0; comp < 2; comp++) {
            byte[] src = comp == 0 ? c.srcU : c.srcV;
            byte[] pred = comp == 0 ? m.predU : m.predV;
            for (int blk = 0; blk < 4; blk++) {
                int bx = blk & 1;
                int by = blk >> 1;
                int[] ac = m.chromaAc[comp * 4 + blk];
                residual(src, csrcOff + by * 4 * cw + bx * 4, cw, pred, by * 32 + bx * 4, 8, ac);
                Transform.forward4x4(ac);
                m.chromaDc[comp][blk] = ac[0];
                ac[0] = 0;
                if (Transform.quant4x4(ac, 1, qpc, intra) > 0) {
                    anyAc = true;
                }
            }
            Transform.hadamard2x2(m.chromaDc[comp]);
            if (Transform.quantDc2x2(m.chromaDc[comp], qpc, intra) > 0) {
                anyDc = true;
            }
        }
        if (anyAc && !intra) {
            // Drop chroma AC made only of a few isolated ones: it costs more bits than it is worth.
            int score = 0;
            for (int i = 0; i < 8; i++) {
                score += decimateScore(m.chromaAc[i]);
            }
            if (score < 7) {
                anyAc = false;
                for (int i = 0; i < 8; i++) {
                    java.util.Arrays.fill(m.chromaAc[i], 0);
                }
            }
        }
        m.cbpChroma = anyAc ? 2 : anyDc ? 1 : 0;
        MacroblockInfo info = c.info;
        for (int comp = 0; comp < 2; comp++) {
            byte[] dst = comp == 0 ? c.cur.u : c.cur.v;
            byte[] pred = comp == 0 ? m.predU : m.predV;
            int[] dcv = dcScaled;
            System.arraycopy(m.chromaDc[comp], 0, dcv, 0, 4);
            Transform.dequantDc2x2(dcv, qpc);
            for (int blk = 0; blk < 4; blk++) {
                int bx = blk & 1;
                int by = blk >> 1;
                int[] ac = m.chromaAc[comp * 4 + blk];
                int nz = 0;
                if (m.cbpChroma == 2) {
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
    static int sad4(byte[] src, int so, int ss, byte[] pred, int po, int ps) {
        int sum = 0;
        for (int r = 0; r < 4; r++) {
            int a = so + r * ss;
            int b = po + r * ps;
            sum += Math.abs((src[a] & 0xFF) - (pred[b] & 0xFF)) + Math.abs((src[a + 1] & 0xFF) - (pred[b + 1] & 0xFF))
                    + Math.abs((src[a + 2] & 0xFF) - (pred[b + 2] & 0xFF)) + Math.abs((src[a + 3] & 0xFF) - (pred[b + 3] & 0xFF));
        }
        return sum;
    }
}
