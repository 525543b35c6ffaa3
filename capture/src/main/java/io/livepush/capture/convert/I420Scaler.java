package io.livepush.capture.convert;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;

/**
 * Scales I420 frames of one size into another, plane by plane:
 * <ul>
 *   <li>same size: a copy;</li>
 *   <li>exactly half in both directions: a 2x2 box filter (rounded mean of four samples);</li>
 *   <li>anything else: bilinear, pixel centres aligned ({@code src = (dst + 0.5) * scale - 0.5},
 *       clamped at the edges), weights in 8-bit fixed point.</li>
 * </ul>
 * The sampling tables are computed once per scaler. Owned by one thread (scratch rows).
 */
public final class I420Scaler {
    /** How a scaler resamples, chosen from its sizes. */
    public enum Method {
        /** Same size. */
        COPY,
        /** Exactly half: 2x2 box. */
        BOX_HALF,
        /** Bilinear. */
        BILINEAR
    }

    private final int srcW;
    private final int srcH;
    private final int dstW;
    private final int dstH;
    private final Method method;
    private final PlaneTables luma;
    private final PlaneTables chroma;
    private final byte[] rowA;
    private final byte[] rowB;
    private final byte[] out;

    /**
     * Makes a scaler for one pair of sizes; the method ({@link #method()}) follows from them.
     *
     * @param srcWidth source width in pixels, even, 2..16384
     * @param srcHeight source height in pixels, even, 2..16384
     * @param dstWidth destination width in pixels, even, 2..16384
     * @param dstHeight destination height in pixels, even, 2..16384
     * @throws IllegalArgumentException for an odd or out-of-range size
     */
    public I420Scaler(int srcWidth, int srcHeight, int dstWidth, int dstHeight) {
        VideoFrame.requireValidSize(srcWidth, srcHeight);
        VideoFrame.requireValidSize(dstWidth, dstHeight);
        this.srcW = srcWidth;
        this.srcH = srcHeight;
        this.dstW = dstWidth;
        this.dstH = dstHeight;
        if (srcWidth == dstWidth && srcHeight == dstHeight) {
            method = Method.COPY;
        } else if (srcWidth == 2 * dstWidth && srcHeight == 2 * dstHeight) {
            method = Method.BOX_HALF;
        } else {
            method = Method.BILINEAR;
        }
        luma = method == Method.BILINEAR ? new PlaneTables(srcW, srcH, dstW, dstH) : null;
        chroma = method == Method.BILINEAR ? new PlaneTables(srcW / 2, srcH / 2, dstW / 2, dstH / 2) : null;
        rowA = new byte[srcW];
        rowB = new byte[srcW];
        out = new byte[dstW];
    }

    /** @return the resampling method this scaler's sizes call for */
    public Method method() {
        return method;
    }

    /**
     * Scales {@code src} into {@code dst} and copies the timestamp.
     *
     * @param src a live frame of this scaler's source size; only read
     * @param dst a live frame of this scaler's destination size; every pixel is overwritten
     * @throws IllegalArgumentException when a frame's size is not the one this scaler was made for
     * @throws IllegalStateException when either frame was already released
     * @throws NullPointerException when either frame is null
     */
    public void scale(VideoFrame src, VideoFrame dst) {
        if (src.width() != srcW || src.height() != srcH || dst.width() != dstW || dst.height() != dstH) {
            throw new IllegalArgumentException("scaler for " + srcW + "x" + srcH + " -> " + dstW + "x" + dstH
                    + " was given " + src.width() + "x" + src.height() + " -> " + dst.width() + "x" + dst.height());
        }
        if (method == Method.COPY) {
            dst.copyFrom(src);
            return;
        }
        for (int p = 0; p < 3; p++) {
            int sw = src.planeWidth(p);
            int sh = src.planeHeight(p);
            int dw = dst.planeWidth(p);
            int dh = dst.planeHeight(p);
            ByteBuffer s = src.data();
            ByteBuffer d = dst.data();
            int so = src.planeOffset(p);
            int ss = src.stride(p);
            int doff = dst.planeOffset(p);
            int ds = dst.stride(p);
            if (method == Method.BOX_HALF) {
                boxHalf(s, so, ss, sw, d, doff, ds, dw, dh);
            } else {
                bilinear(p == 0 ? luma : chroma, s, so, ss, sw, sh, d, doff, ds, dw, dh);
            }
        }
        dst.setPtsUs(src.ptsUs());
    }

    private void boxHalf(ByteBuffer s, int so, int ss, int sw, ByteBuffer d, int doff, int ds, int dw, int dh) {
        final byte[] a = rowA;
        final byte[] b = rowB;
        final byte[] o = out;
        for (int y = 0; y < dh; y++) {
            s.get(so + 2 * y * ss, a, 0, sw);
            s.get(so + (2 * y + 1) * ss, b, 0, sw);
            for (int x = 0, i = 0; x < dw; x++, i += 2) {
                o[x] = (byte) (((a[i] & 0xff) + (a[i + 1] & 0xff) + (b[i] & 0xff) + (b[i + 1] & 0xff) + 2) >> 2);
            }
            d.put(doff + y * ds, o, 0, dw);
        }
    }

    private void bilinear(PlaneTables t, ByteBuffer s, int so, int ss, int sw, int sh, ByteBuffer d, int doff,
            int ds, int dw, int dh) {
        final byte[] a = rowA;
        final byte[] b = rowB;
        final byte[] o = out;
        final int[] x0 = t.x0;
        final int[] fx = t.fx;
        int loadedA = -1;
        int loadedB = -1;
        for (int y = 0; y < dh; y++) {
            int y0 = t.y0[y];
            int y1 = Math.min(y0 + 1, sh - 1);
            if (loadedA != y0) {
                s.get(so + y0 * ss, a, 0, sw);
                loadedA = y0;
            }
            if (loadedB != y1) {
                s.get(so + y1 * ss, b, 0, sw);
                loadedB = y1;
            }
            int wy = t.fy[y];
            int wy0 = 256 - wy;
            for (int x = 0; x < dw; x++) {
                int i = x0[x];
                int j = i + 1 < sw ? i + 1 : i;
                int wx = fx[x];
                int top = (a[i] & 0xff) * (256 - wx) + (a[j] & 0xff) * wx;
                int bot = (b[i] & 0xff) * (256 - wx) + (b[j] & 0xff) * wx;
                o[x] = (byte) ((top * wy0 + bot * wy + 32768) >> 16);
            }
            d.put(doff + y * ds, o, 0, dw);
        }
    }

    /** Source index and 8-bit weight of the next sample, per destination column and row. */
    private static final class PlaneTables {
        final int[] x0;
        final int[] fx;
        final int[] y0;
        final int[] fy;

        PlaneTables(int sw, int sh, int dw, int dh) {
            x0 = new int[dw];
            fx = new int[dw];
            y0 = new int[dh];
            fy = new int[dh];
            fill(sw, dw, x0, fx);
            fill(sh, dh, y0, fy);
        }

        private static void fill(int s, int d, int[] idx, int[] frac) {
            double scale = (double) s / d;
            for (int i = 0; i < d; i++) {
                double pos = Math.max(0, Math.min(s - 1, (i + 0.5) * scale - 0.5));
                int base = (int) Math.floor(pos);
                idx[i] = base;
                frac[i] = (int) Math.round((pos - base) * 256);
                if (frac[i] == 256) {
                    idx[i] = Math.min(base + 1, s - 1);
                    frac[i] = 0;
                }
            }
        }
    }
}
