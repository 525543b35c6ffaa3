package io.livepush.capture.convert;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;

/**
 * Converts packed YUYV 4:2:2 (bytes Y0 U Y1 V per pixel pair, V4L2 {@code YUYV}, also called YUY2)
 * into I420: luma copied, chroma of each vertical row pair averaged (rounded) to 4:2:0.
 *
 * <p>Owned by one thread (scratch rows).
 */
public final class YuyvToI420 {
    private final int maxWidth;
    private final byte[] row0;
    private final byte[] row1;
    private final byte[] y0;
    private final byte[] y1;
    private final byte[] u;
    private final byte[] v;

    /** @param maxWidth the widest frame this converter will see, even, 2..16384 */
    public YuyvToI420(int maxWidth) {
        if (maxWidth < 2 || maxWidth > 16384 || (maxWidth & 1) != 0) {
            throw new IllegalArgumentException("width " + maxWidth + " is not allowed (expected even, 2..16384)");
        }
        this.maxWidth = maxWidth;
        row0 = new byte[maxWidth * 2];
        row1 = new byte[maxWidth * 2];
        y0 = new byte[maxWidth];
        y1 = new byte[maxWidth];
        u = new byte[maxWidth / 2];
        v = new byte[maxWidth / 2];
    }

    /**
     * @param src YUYV bytes (absolute indexing)
     * @param offset byte index of the first pixel pair
     * @param stride bytes per source row, at least {@code 2 * width}
     * @param dst the frame to fill; its size is the size converted
     * @throws IllegalArgumentException when the rows do not fit in {@code src}
     */
    public void convert(ByteBuffer src, int offset, int stride, VideoFrame dst) {
        int w = dst.width();
        int h = dst.height();
        if (w > maxWidth) {
            throw new IllegalArgumentException("frame width " + w + " exceeds this converter's " + maxWidth);
        }
        SourceGeometry.check("YUYV source", src, offset, stride, w * 2, h);
        ByteBuffer out = dst.data();
        int yBase = dst.planeOffset(0);
        int uBase = dst.planeOffset(1);
        int vBase = dst.planeOffset(2);
        int cw = w / 2;
        for (int r = 0; r < h; r += 2) {
            src.get(offset + r * stride, row0, 0, w * 2);
            src.get(offset + (r + 1) * stride, row1, 0, w * 2);
            final byte[] a = row0;
            final byte[] b = row1;
            for (int c = 0, p = 0; c < cw; c++, p += 4) {
                y0[2 * c] = a[p];
                y0[2 * c + 1] = a[p + 2];
                y1[2 * c] = b[p];
                y1[2 * c + 1] = b[p + 2];
                u[c] = (byte) (((a[p + 1] & 0xff) + (b[p + 1] & 0xff) + 1) >> 1);
                v[c] = (byte) (((a[p + 3] & 0xff) + (b[p + 3] & 0xff) + 1) >> 1);
            }
            out.put(yBase + r * dst.stride(0), y0, 0, w);
            out.put(yBase + (r + 1) * dst.stride(0), y1, 0, w);
            out.put(uBase + (r / 2) * dst.stride(1), u, 0, cw);
            out.put(vBase + (r / 2) * dst.stride(2), v, 0, cw);
        }
    }
}
