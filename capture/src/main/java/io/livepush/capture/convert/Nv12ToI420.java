package io.livepush.capture.convert;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;

/**
 * Converts NV12 (a Y plane, then one plane of interleaved U,V pairs at quarter resolution) into I420:
 * luma rows copied, chroma de-interleaved.
 *
 * <p>Owned by one thread (scratch rows).
 */
public final class Nv12ToI420 {
    private final int maxWidth;
    private final byte[] uv;
    private final byte[] u;
    private final byte[] v;

    /** @param maxWidth the widest frame this converter will see, even, 2..16384 */
    public Nv12ToI420(int maxWidth) {
        if (maxWidth < 2 || maxWidth > 16384 || (maxWidth & 1) != 0) {
            throw new IllegalArgumentException("width " + maxWidth + " is not allowed (expected even, 2..16384)");
        }
        this.maxWidth = maxWidth;
        uv = new byte[maxWidth];
        u = new byte[maxWidth / 2];
        v = new byte[maxWidth / 2];
    }

    /**
     * @param src the NV12 bytes (absolute indexing)
     * @param yOffset byte index of the Y plane
     * @param yStride bytes per Y row
     * @param uvOffset byte index of the UV plane (for a V4L2 NV12 buffer: {@code yStride * height})
     * @param uvStride bytes per UV row
     * @param dst the frame to fill; its size is the size converted
     * @throws IllegalArgumentException when a plane does not fit in {@code src}
     */
    public void convert(ByteBuffer src, int yOffset, int yStride, int uvOffset, int uvStride, VideoFrame dst) {
        int w = dst.width();
        int h = dst.height();
        if (w > maxWidth) {
            throw new IllegalArgumentException("frame width " + w + " exceeds this converter's " + maxWidth);
        }
        SourceGeometry.check("NV12 Y plane", src, yOffset, yStride, w, h);
        SourceGeometry.check("NV12 UV plane", src, uvOffset, uvStride, w, h / 2);
        I420Copy.copyPlane(src, yOffset, yStride, dst.data(), dst.planeOffset(0), dst.stride(0), w, h);
        ByteBuffer out = dst.data();
        int cw = w / 2;
        for (int r = 0; r < h / 2; r++) {
            src.get(uvOffset + r * uvStride, uv, 0, w);
            for (int c = 0; c < cw; c++) {
                u[c] = uv[2 * c];
                v[c] = uv[2 * c + 1];
            }
            out.put(dst.planeOffset(1) + r * dst.stride(1), u, 0, cw);
            out.put(dst.planeOffset(2) + r * dst.stride(2), v, 0, cw);
        }
    }
}
