package io.livepush.encoder.javah264;

import org.jcodec.codecs.h264.H264Const;
import org.jcodec.common.io.VLC;

/**
 * The CAVLC code tables of ISO/IEC 14496-10 §9.2 as flat (code, length) arrays for fast writing:
 * coeff_token (Table 9-5) for the four nC ranges and for chroma DC, total_zeros (Tables 9-7, 9-8,
 * 9-9a), run_before (Table 9-10) and the coded_block_pattern mapping of {@code me(v)} (Table 9-4).
 * The codes are read once from jcodec's tables of the standard ({@link H264Const}), whose
 * entries are ordered by TotalCoeff, then TrailingOnes.
 */
final class CavlcTables {
    /** coeff_token codes: [table 0..3 for nC 0-1, 2-3, 4-7, 8+; 4 for chroma DC][tokenIndex]. */
    static final int[][] TOKEN_CODE = new int[5][];
    /** coeff_token lengths, indexed like {@link #TOKEN_CODE}. */
    static final int[][] TOKEN_LEN = new int[5][];
    /** total_zeros for 4x4 blocks: [TotalCoeff - 1][total_zeros]. */
    static final int[][] TZ_CODE = new int[15][];
    static final int[][] TZ_LEN = new int[15][];
    /** total_zeros for chroma DC 2x2: [TotalCoeff - 1][total_zeros]. */
    static final int[][] TZ_DC_CODE = new int[3][];
    static final int[][] TZ_DC_LEN = new int[3][];
    /** run_before: [min(zerosLeft, 7) - 1][run_before]. */
    static final int[][] RUN_CODE = new int[7][];
    static final int[][] RUN_LEN = new int[7][];
    /** codeNum of each coded_block_pattern value (0..47) for intra (I_NxN) macroblocks. */
    static final int[] CBP_INTRA_CODE = new int[48];
    /** codeNum of each coded_block_pattern value (0..47) for inter macroblocks. */
    static final int[] CBP_INTER_CODE = new int[48];

    static {
        VLC[] luma = {H264Const.CoeffToken[0], H264Const.CoeffToken[2], H264Const.CoeffToken[4], H264Const.CoeffToken[8]};
        for (int t = 0; t < 4; t++) {
            load(luma[t], TOKEN_CODE, TOKEN_LEN, t);
        }
        load(H264Const.coeffTokenChromaDCY420, TOKEN_CODE, TOKEN_LEN, 4);
        for (int i = 0; i < 15; i++) {
            load(H264Const.totalZeros16[i], TZ_CODE, TZ_LEN, i);
        }
        for (int i = 0; i < 3; i++) {
            load(H264Const.totalZeros4[i], TZ_DC_CODE, TZ_DC_LEN, i);
        }
        for (int i = 0; i < 7; i++) {
            load(H264Const.run[i], RUN_CODE, RUN_LEN, i);
        }
        for (int codeNum = 0; codeNum < 48; codeNum++) {
            CBP_INTRA_CODE[H264Const.CODED_BLOCK_PATTERN_INTRA_COLOR[codeNum]] = codeNum;
            CBP_INTER_CODE[H264Const.CODED_BLOCK_PATTERN_INTER_COLOR[codeNum]] = codeNum;
        }
    }

    private CavlcTables() {
    }

    private static void load(VLC vlc, int[][] codes, int[][] lens, int slot) {
        int[] c = vlc.getCodes();
        int[] n = vlc.getCodeSizes();
        codes[slot] = new int[c.length];
        lens[slot] = new int[c.length];
        for (int i = 0; i < c.length; i++) {
            lens[slot][i] = n[i];
            codes[slot][i] = n[i] == 0 ? 0 : c[i] >>> (32 - n[i]);
        }
    }

    /** @return the entry of (TotalCoeff, TrailingOnes) in a coeff_token table */
    static int tokenIndex(int totalCoeff, int trailingOnes) {
        if (totalCoeff < 3) {
            return totalCoeff * (totalCoeff + 1) / 2 + trailingOnes;
        }
        return 6 + (totalCoeff - 3) * 4 + trailingOnes;
    }

    /** @return the coeff_token table for nC (-1 selects chroma DC) */
    static int tokenTable(int nC) {
        if (nC < 0) {
            return 4;
        }
        return nC < 2 ? 0 : nC < 4 ? 1 : nC < 8 ? 2 : 3;
    }
}
