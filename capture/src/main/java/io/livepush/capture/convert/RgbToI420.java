package io.livepush.capture.convert;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Objects;

/**
 * Converts 32-bit packed RGB ({@link RgbLayout#BGRA} or {@link RgbLayout#RGBA}; the fourth byte is
 * ignored) into an I420 {@link VideoFrame} of the same size, BT.601 limited range, chroma from 2x2
 * averages (see the package documentation for the exact integer formulas).
 *
 * <p>Owned by one thread: it keeps scratch rows for frames up to the width it was made for.
 */
public final class RgbToI420 {
    private final RgbLayout layout;
    private final int maxWidth;
    private final int[] row0;
    private final int[] row1;
    private final byte[] y0;
    private final byte[] y1;
    private final byte[] u;
    private final byte[] v;

    /**
     * @param layout byte order of the source pixels
     * @param maxWidth the widest frame this converter will see, even, 2..16384
     */
    public RgbToI420(RgbLayout layout, int maxWidth) {
        this.layout = Objects.requireNonNull(layout, "layout");
        if (maxWidth < 2 || maxWidth > 16384 || (maxWidth & 1) != 0) {
            throw new IllegalArgumentException("width " + maxWidth + " is not allowed (expected even, 2..16384)");
        }
        this.maxWidth = maxWidth;
        this.row0 = new int[maxWidth];
        this.row1 = new int[maxWidth];
        this.y0 = new byte[maxWidth];
        this.y1 = new byte[maxWidth];
        this.u = new byte[maxWidth / 2];
        this.v = new byte[maxWidth / 2];
    }

    /** @return the pixel byte order this converter reads */
    public RgbLayout layout() {
        return layout;
    }

    /**
     * Converts {@code dst.width() x dst.height()} pixels of {@code src}.
     *
     * @param src the packed pixels (absolute indexing; position and limit are not changed)
     * @param offset byte index of the top-left pixel
     * @param stride bytes from one source row to the next, at least {@code 4 * width}
     * @param dst the frame to fill (its size is the size converted)
     * @throws IllegalArgumentException when the source rows do not fit in {@code src} or the frame is
     *     wider than this converter was made for
     */
    public void convert(ByteBuffer src, int offset, int stride, VideoFrame dst) {
        int w = dst.width();
        int h = dst.height();
        if (w > maxWidth) {
            throw new IllegalArgumentException("frame width " + w + " exceeds this converter's " + maxWidth);
        }
        SourceGeometry.check("RGB source", src, offset, stride, w * 4, h);
        ByteBuffer out = dst.data();
        int yBase = dst.planeOffset(0);
        int uBase = dst.planeOffset(1);
        int vBase = dst.planeOffset(2);
        int yStride = dst.stride(0);
        int cStride = dst.stride(1);
        int cw = w / 2;
        // Pixels are read as little-endian ints (one bulk copy per row): byte i of a pixel is bits 8i..8i+7.
        boolean aligned = (offset & 3) == 0 && (stride & 3) == 0;
        IntBuffer whole = aligned ? src.duplicate().order(ByteOrder.LITTLE_ENDIAN).clear().asIntBuffer() : null;
        for (int r = 0; r < h; r += 2) {
            if (aligned) {
                whole.get((offset + r * stride) >> 2, row0, 0, w);
                whole.get((offset + (r + 1) * stride) >> 2, row1, 0, w);
            } else {
                rowView(src, offset + r * stride, w).get(0, row0, 0, w);
                rowView(src, offset + (r + 1) * stride, w).get(0, row1, 0, w);
            }
            convertRowPair(w);
            out.put(yBase + r * yStride, y0, 0, w);
            out.put(yBase + (r + 1) * yStride, y1, 0, w);
            out.put(uBase + (r / 2) * cStride, u, 0, cw);
            out.put(vBase + (r / 2) * cStride, v, 0, cw);
        }
    }

    private static IntBuffer rowView(ByteBuffer src, int at, int pixels) {
        return src.slice(at, pixels * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
    }

    /** BT.601 limited range on one pair of rows: two Y rows, one U and one V row. */
    private void convertRowPair(int w) {
        if (layout == RgbLayout.BGRA) {
            rowPair(w, 66 + (25 << 16), true);
        } else {
            rowPair(w, 25 + (66 << 16), false);
        }
    }

    /**
     * One pass over each 2x2 block, two channels per int ("SIMD within a register"): with the pixel
     * as a little-endian int, {@code p & 0x00ff00ff} holds the outer channels (B and R, or R and B)
     * in two 16-bit lanes and {@code p >>> 8 & 0xff} is G. One multiply by {@code lo + (hi << 16)}
     * leaves {@code 66 R + 25 B} in bits 16..31 (no carry: the low product is at most 255 * 66).
     * The four pixels' lanes are summed for chroma (each lane at most 1020).
     *
     * @param rbMul the lane multiplier giving 66 R + 25 B for this byte order
     * @param redHigh whether R is the high lane (BGRA) or the low one (RGBA)
     */
    private void rowPair(int w, int rbMul, boolean redHigh) {
        final int[] a = row0;
        final int[] b = row1;
        final byte[] ya = y0;
        final byte[] yb = y1;
        final byte[] uu = u;
        final byte[] vv = v;
        for (int x = 0, c = 0; x < w; x += 2, c++) {
            int p00 = a[x], p01 = a[x + 1], p10 = b[x], p11 = b[x + 1];
            int rb00 = p00 & 0xff00ff, rb01 = p01 & 0xff00ff, rb10 = p10 & 0xff00ff, rb11 = p11 & 0xff00ff;
            int g00 = p00 >>> 8 & 0xff, g01 = p01 >>> 8 & 0xff, g10 = p10 >>> 8 & 0xff, g11 = p11 >>> 8 & 0xff;
            ya[x] = (byte) ((((rb00 * rbMul) >>> 16) + 129 * g00 + 128 >> 8) + 16);
            ya[x + 1] = (byte) ((((rb01 * rbMul) >>> 16) + 129 * g01 + 128 >> 8) + 16);
            yb[x] = (byte) ((((rb10 * rbMul) >>> 16) + 129 * g10 + 128 >> 8) + 16);
            yb[x + 1] = (byte) ((((rb11 * rbMul) >>> 16) + 129 * g11 + 128 >> 8) + 16);
            int srb = rb00 + rb01 + rb10 + rb11;
            int hi = srb >>> 16;
            int lo = srb & 0xffff;
            int sr = redHigh ? hi : lo;
            int sb = redHigh ? lo : hi;
            int sg = g00 + g01 + g10 + g11;
            uu[c] = (byte) (((-38 * sr - 74 * sg + 112 * sb + 512) >> 10) + 128);
            vv[c] = (byte) (((112 * sr - 94 * sg - 18 * sb + 512) >> 10) + 128);
        }
    }

    /**
     * The BT.601 limited-range luma of one RGB pixel, the formula {@link #convert} uses.
     *
     * @return Y, 16..235
     */
    public static int luma(int r, int g, int b) {
        return ((66 * r + 129 * g + 25 * b + 128) >> 8) + 16;
    }

    /** @return the BT.601 limited-range Cb of one RGB pixel, 16..240 */
    public static int cb(int r, int g, int b) {
        return ((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128;
    }

    /** @return the BT.601 limited-range Cr of one RGB pixel, 16..240 */
    public static int cr(int r, int g, int b) {
        return ((112 * r - 94 * g - 18 * b + 128) >> 8) + 128;
    }
}
