package io.livepush.encoder.javah264;

/**
 * The decisions and levels of the macroblock being coded, shared by the slice encoder that makes
 * them and the {@link MacroblockWriter} that writes them: type, prediction modes, coded block
 * pattern, motion vector and its predictor, the prediction samples and the quantised levels (4x4
 * blocks in raster order inside the macroblock, coefficients in raster order inside each block).
 * Reused for every macroblock of a slice.
 */
final class CodedMacroblock {
    static final int MB_P16 = 1;
    static final int MB_I16 = 2;
    static final int MB_I4 = 3;

    int mbType;
    /** Intra_16x16 prediction mode (0..3). */
    int i16Mode;
    /** intra_chroma_pred_mode (0..3). */
    int chromaMode;
    /** Luma coded_block_pattern bits, one per 8x8 (15 for Intra_16x16 with AC). */
    int cbpLuma;
    /** Chroma coded_block_pattern: 0 none, 1 DC only, 2 DC and AC. */
    int cbpChroma;
    /** Motion vector and its predictor, quarter samples. */
    int mvx;
    int mvy;
    int mvpx;
    int mvpy;
    /** Prediction samples: luma 16x16 (stride 16), chroma 8x8 (stride 8). */
    final byte[] pred16 = new byte[256];
    final byte[] predU = new byte[64];
    final byte[] predV = new byte[64];
    /** Non-zero levels of each luma 4x4 block. */
    final int[] blkNz = new int[16];
    /** Luma levels per 4x4 block. */
    final int[][] coef = new int[16][16];
    /** Intra_16x16 luma DC levels (4x4, raster by block position). */
    final int[] dc = new int[16];
    /** Chroma DC levels per component (2x2). */
    final int[][] chromaDc = new int[2][4];
    /** Chroma AC levels: [component * 4 + block]. */
    final int[][] chromaAc = new int[8][16];
}
