package io.livepush.encoder.javah264;

/**
 * Everything the slice threads share while one picture is encoded: the source samples (padded to
 * whole macroblocks), the picture being reconstructed, the reference, the per-macroblock
 * information and the picture's QP and type. Set by the backend before the slices start; the
 * slices only read it, apart from their own macroblocks' rows of {@link #cur} and {@link #info}.
 */
final class FrameContext {
    final int mbWidth;
    final int mbHeight;
    final int width;
    final int height;
    /** Source luma (stride {@link #width}) and chroma (stride width / 2). */
    final byte[] srcY;
    final byte[] srcU;
    final byte[] srcV;
    final MacroblockInfo info;
    /** Estimated work of each macroblock row in the last picture (for balancing the slices). */
    final long[] rowCost;
    Picture cur;
    Picture ref;
    int qp;
    boolean intraPicture;
    boolean idr;
    int frameNum;
    int idrPicId;
    int deblockIdc;

    FrameContext(int mbWidth, int mbHeight) {
        this.mbWidth = mbWidth;
        this.mbHeight = mbHeight;
        this.width = mbWidth * 16;
        this.height = mbHeight * 16;
        this.srcY = new byte[width * height];
        this.srcU = new byte[width * height / 4];
        this.srcV = new byte[width * height / 4];
        this.info = new MacroblockInfo(mbWidth, mbHeight);
        this.rowCost = new long[mbHeight];
        java.util.Arrays.fill(rowCost, 1);
    }
}
