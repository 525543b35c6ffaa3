package io.livepush.capture.convert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * The plain-Java packed RGB to I420 kernel: a row pair at a time, rows copied into {@code int[]}
 * scratch with bulk gets, two channels per int ("SIMD within a register"), results put back with
 * bulk puts. Runs on every JVM; the reference the vector kernel must match byte for byte.
 *
 * <p>Owned by one thread: it keeps scratch rows for frames up to the width it was made for.
 */
final class ScalarRgbKernel implements RgbKernel {
    private final int[] row0;
    private final int[] row1;
    private final byte[] y0;
    private final byte[] y1;
    private final byte[] u;
    private final byte[] v;

    /** @param maxWidth the widest frame this kernel will see (checked by the caller) */
    ScalarRgbKernel(int maxWidth) {
        this.row0 = new int[maxWidth];
        this.row1 = new int[maxWidth];
        this.y0 = new byte[maxWidth];
        this.y1 = new byte[maxWidth];
        this.u = new byte[maxWidth / 2];
        this.v = new byte[maxWidth / 2];
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int minWidth() {
        return 2;
    }

    @Override
    public void convert(boolean redHigh, ByteBuffer src, int offset, int stride, ByteBuffer out, int yBase,
            int yStride, int uBase, int vBase, int cStride, int w, int h) {
        int cw = w / 2;
        int rbMul = redHigh ? 66 + (25 << 16) : 25 + (66 << 16);
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
            rowPair(w, rbMul, redHigh);
            out.put(yBase + r * yStride, y0, 0, w);
            out.put(yBase + (r + 1) * yStride, y1, 0, w);
            out.put(uBase + (r / 2) * cStride, u, 0, cw);
            out.put(vBase + (r / 2) * cStride, v, 0, cw);
        }
    }

    private static IntBuffer rowView(ByteBuffer src, int at, int pixels) {
        return src.slice(at, pixels * 4).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
    }

    /**
     * One pass over each 2x2 block, two channels per int: with the pixel as a little-endian int,
     * {@code p & 0x00ff00ff} holds the outer channels (B and R, or R and B) in two 16-bit lanes and
     * {@code p >>> 8 & 0xff} is G. One multiply by {@code lo + (hi << 16)} leaves {@code 66 R + 25 B}
     * in bits 16..31 (no carry: the low product is at most 255 * 66). The four pixels' lanes are
     * summed for chroma (each lane at most 1020).
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
}
