package io.livepush.encoder.javah264;

/**
 * Inter prediction samples of ISO/IEC 14496-10 §8.4.2.2 for a 16x16 partition of a reference
 * {@link Picture}: luma at quarter-sample positions from the full- and half-sample planes (each
 * position is one plane or the rounded average of two, as the spec's equations 8-250..8-261
 * define), chroma at eighth-sample positions with the bilinear filter (8-266). Also the SAD
 * measures motion search uses. Stateless.
 */
final class InterPrediction {
    /**
     * For each quarter-sample fraction (yFrac * 4 + xFrac): planes and offsets of the two samples
     * averaged (the second plane is -1 when one plane suffices). Planes: 0 full, 1 b (horizontal
     * half), 2 h (vertical half), 3 j (centre).
     */
    private static final int[][] QPEL = {
        {0, 0, 0, -1, 0, 0}, {0, 0, 0, 1, 0, 0}, {1, 0, 0, -1, 0, 0}, {1, 0, 0, 0, 1, 0},
        {0, 0, 0, 2, 0, 0}, {1, 0, 0, 2, 0, 0}, {1, 0, 0, 3, 0, 0}, {1, 0, 0, 2, 1, 0},
        {2, 0, 0, -1, 0, 0}, {2, 0, 0, 3, 0, 0}, {3, 0, 0, -1, 0, 0}, {3, 0, 0, 2, 1, 0},
        {2, 0, 0, 0, 0, 1}, {2, 0, 0, 1, 0, 1}, {3, 0, 0, 1, 0, 1}, {2, 1, 0, 1, 0, 1},
    };

    private InterPrediction() {
    }

    private static byte[] plane(Picture ref, int p) {
        return switch (p) {
            case 0 -> ref.y;
            case 1 -> ref.halfH;
            case 2 -> ref.halfV;
            default -> ref.halfC;
        };
    }

    /** Luma prediction of the 16x16 block at (x, y) displaced by (mvx, mvy) quarter samples, into pred (stride 16). */
    static void luma16x16(Picture ref, int x, int y, int mvx, int mvy, byte[] pred) {
        int[] q = QPEL[(mvy & 3) * 4 + (mvx & 3)];
        ensure(ref, x, y, mvx, mvy);
        int base = ref.origin + (y + (mvy >> 2)) * ref.stride + x + (mvx >> 2);
        byte[] a = plane(ref, q[0]);
        int ao = base + q[2] * ref.stride + q[1];
        int s = ref.stride;
        if (q[3] < 0) {
            for (int r = 0; r < 16; r++) {
                System.arraycopy(a, ao + r * s, pred, r * 16, 16);
            }
            return;
        }
        byte[] b = plane(ref, q[3]);
        int bo = base + q[5] * ref.stride + q[4];
        for (int r = 0; r < 16; r++) {
            int ra = ao + r * s;
            int rb = bo + r * s;
            int o = r * 16;
            for (int c = 0; c < 16; c++) {
                pred[o + c] = (byte) (((a[ra + c] & 0xFF) + (b[rb + c] & 0xFF) + 1) >> 1);
            }
        }
    }

    /**
     * SAD between the source block (stride {@code srcStride}) and the prediction at a quarter-sample
     * vector, stopping early once it exceeds {@code limit}.
     */
    static int sadQpel(byte[] src, int srcOff, int srcStride, Picture ref, int x, int y, int mvx, int mvy, int limit) {
        int[] q = QPEL[(mvy & 3) * 4 + (mvx & 3)];
        ensure(ref, x, y, mvx, mvy);
        int base = ref.origin + (y + (mvy >> 2)) * ref.stride + x + (mvx >> 2);
        byte[] a = plane(ref, q[0]);
        int ao = base + q[2] * ref.stride + q[1];
        int s = ref.stride;
        int sad = 0;
        if (q[3] < 0) {
            for (int r = 0; r < 16; r++) {
                int ra = ao + r * s;
                int so = srcOff + r * srcStride;
                for (int c = 0; c < 16; c++) {
                    sad += Math.abs((src[so + c] & 0xFF) - (a[ra + c] & 0xFF));
                }
                if (sad > limit) {
                    return sad;
                }
            }
            return sad;
        }
        byte[] b = plane(ref, q[3]);
        int bo = base + q[5] * ref.stride + q[4];
        for (int r = 0; r < 16; r++) {
            int ra = ao + r * s;
            int rb = bo + r * s;
            int so = srcOff + r * srcStride;
            for (int c = 0; c < 16; c++) {
                int p = ((a[ra + c] & 0xFF) + (b[rb + c] & 0xFF) + 1) >> 1;
                sad += Math.abs((src[so + c] & 0xFF) - p);
            }
            if (sad > limit) {
                return sad;
            }
        }
        return sad;
    }

    /** Makes the half-sample samples a fractional vector reads exist (17x17 from the integer position). */
    private static void ensure(Picture ref, int x, int y, int mvx, int mvy) {
        if (((mvx | mvy) & 3) != 0) {
            int xi = x + (mvx >> 2);
            int yi = y + (mvy >> 2);
            ref.ensureHalf(xi, yi, xi + 17, yi + 17);
        }
    }

    /** SAD of the source block against full-sample reference position (x + dx, y + dy), stopping once above limit. */
    static int sadFull(byte[] src, int srcOff, int srcStride, Picture ref, int x, int y, int dx, int dy, int limit) {
        int ro = ref.origin + (y + dy) * ref.stride + x + dx;
        byte[] r = ref.y;
        int s = ref.stride;
        int sad = 0;
        for (int row = 0; row < 16; row++) {
            int a = srcOff + row * srcStride;
            int b = ro + row * s;
            for (int c = 0; c < 16; c++) {
                sad += Math.abs((src[a + c] & 0xFF) - (r[b + c] & 0xFF));
            }
            if (sad > limit) {
                return sad;
            }
        }
        return sad;
    }

    /**
     * Chroma prediction of one 8x8 component block at chroma position (cx, cy) for luma vector
     * (mvx, mvy), which in 4:2:0 is in eighth chroma samples: ((8-xF)(8-yF)A + xF(8-yF)B +
     * (8-xF)yF C + xF yF D + 32) >> 6.
     */
    static void chroma8x8(byte[] plane, int origin, int stride, int cx, int cy, int mvx, int mvy, byte[] pred) {
        int xf = mvx & 7;
        int yf = mvy & 7;
        int base = origin + (cy + (mvy >> 3)) * stride + cx + (mvx >> 3);
        int wa = (8 - xf) * (8 - yf);
        int wb = xf * (8 - yf);
        int wc = (8 - xf) * yf;
        int wd = xf * yf;
        for (int r = 0; r < 8; r++) {
            int o = base + r * stride;
            for (int c = 0; c < 8; c++) {
                int i = o + c;
                pred[r * 8 + c] = (byte) ((wa * (plane[i] & 0xFF) + wb * (plane[i + 1] & 0xFF)
                        + wc * (plane[i + stride] & 0xFF) + wd * (plane[i + stride + 1] & 0xFF) + 32) >> 6);
            }
        }
    }
}
