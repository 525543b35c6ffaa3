package io.livepush.encoder.javah264;

/**
 * What is known about each macroblock of the picture being encoded once it is coded: intra or inter,
 * the motion vector, TotalCoeff of each 4x4 block (the CAVLC nC context, §9.2.1, and the deblocking
 * bS, §8.7.2.1) and the Intra_4x4 modes (the mode predictor, §8.3.1.1). 4x4 blocks are indexed in
 * raster order inside the macroblock (row * 4 + column). Each slice thread writes only its own
 * macroblocks.
 */
final class MacroblockInfo {
    final int mbWidth;
    final int mbHeight;
    /** True for an intra macroblock. */
    final boolean[] intra;
    /** Motion vector in quarter samples (0 for intra). */
    final int[] mvx;
    final int[] mvy;
    /** TotalCoeff of each luma 4x4 block (AC only for Intra_16x16): [mb * 16 + raster]. */
    final byte[] lumaTotal;
    /** TotalCoeff of each chroma AC block: [mb * 8 + component * 4 + raster]. */
    final byte[] chromaTotal;
    /** Intra_4x4 mode of each block; 2 (DC) for macroblocks not coded as Intra_4x4. */
    final byte[] i4Modes;

    MacroblockInfo(int mbWidth, int mbHeight) {
        this.mbWidth = mbWidth;
        this.mbHeight = mbHeight;
        int n = mbWidth * mbHeight;
        intra = new boolean[n];
        mvx = new int[n];
        mvy = new int[n];
        lumaTotal = new byte[n * 16];
        chromaTotal = new byte[n * 8];
        i4Modes = new byte[n * 16];
    }
}
