package io.livepush.capture.convert;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;

/**
 * Copies strided planar I420 (V4L2 {@code YU12} with padded rows, webrtc's {@code I420Buffer}) into
 * a {@link VideoFrame}, row by row with bulk buffer copies.
 */
public final class I420Copy {
    private I420Copy() {
    }

    /**
     * Copies three strided planes.
     *
     * @param y the Y plane, index 0 at its first pixel, read by absolute index up to its limit (position and
     *     limit are not changed); not null
     * @param yStride bytes from one Y row to the next, at least the frame's width
     * @param u the U (Cb) plane, laid out like {@code y} at half width and half height; not null
     * @param uStride bytes from one U row to the next, at least half the frame's width
     * @param v the V (Cr) plane, laid out like {@code u}; not null
     * @param vStride bytes from one V row to the next, at least half the frame's width
     * @param dst the frame to fill; its size is the size copied; its timestamp is left as it is
     * @throws IllegalArgumentException when a plane is null, a stride is smaller than its row, or a plane is too
     *     small for the frame's size and its stride
     * @throws IllegalStateException when {@code dst} was already released
     */
    public static void copy(ByteBuffer y, int yStride, ByteBuffer u, int uStride, ByteBuffer v, int vStride,
            VideoFrame dst) {
        int w = dst.width();
        int h = dst.height();
        SourceGeometry.check("I420 Y plane", y, 0, yStride, w, h);
        SourceGeometry.check("I420 U plane", u, 0, uStride, w / 2, h / 2);
        SourceGeometry.check("I420 V plane", v, 0, vStride, w / 2, h / 2);
        ByteBuffer out = dst.data();
        copyPlane(y, 0, yStride, out, dst.planeOffset(0), dst.stride(0), w, h);
        copyPlane(u, 0, uStride, out, dst.planeOffset(1), dst.stride(1), w / 2, h / 2);
        copyPlane(v, 0, vStride, out, dst.planeOffset(2), dst.stride(2), w / 2, h / 2);
    }

    /**
     * Copies I420 held contiguously in one buffer (Y rows of {@code yStride}, then U and V rows of
     * {@code yStride / 2}), as V4L2 delivers {@code YU12}.
     *
     * @param src the buffer holding all three planes, read by absolute index up to its limit (position and limit
     *     are not changed); not null
     * @param offset index of the first Y byte in {@code src}, 0 or more
     * @param yStride bytes from one Y row to the next, at least the frame's width; chroma rows are half of it
     * @param dst the frame to fill; its size is the size copied; its timestamp is left as it is
     * @throws IllegalArgumentException when {@code src} is null, {@code offset} is negative, the stride is
     *     smaller than a row, or the planes do not fit in {@code src}
     * @throws IllegalStateException when {@code dst} was already released
     */
    public static void copyContiguous(ByteBuffer src, int offset, int yStride, VideoFrame dst) {
        int w = dst.width();
        int h = dst.height();
        int cStride = yStride / 2;
        int uOff = offset + yStride * h;
        int vOff = uOff + cStride * (h / 2);
        SourceGeometry.check("I420 Y plane", src, offset, yStride, w, h);
        SourceGeometry.check("I420 U plane", src, uOff, cStride, w / 2, h / 2);
        SourceGeometry.check("I420 V plane", src, vOff, cStride, w / 2, h / 2);
        ByteBuffer out = dst.data();
        copyPlane(src, offset, yStride, out, dst.planeOffset(0), dst.stride(0), w, h);
        copyPlane(src, uOff, cStride, out, dst.planeOffset(1), dst.stride(1), w / 2, h / 2);
        copyPlane(src, vOff, cStride, out, dst.planeOffset(2), dst.stride(2), w / 2, h / 2);
    }

    /** Copies {@code rows} rows of {@code rowBytes}; one bulk copy when both strides equal the row size. */
    static void copyPlane(ByteBuffer src, int srcOff, int srcStride, ByteBuffer dst, int dstOff, int dstStride,
            int rowBytes, int rows) {
        if (srcStride == rowBytes && dstStride == rowBytes) {
            dst.put(dstOff, src, srcOff, rowBytes * rows);
            return;
        }
        for (int r = 0; r < rows; r++) {
            dst.put(dstOff + r * dstStride, src, srcOff + r * srcStride, rowBytes);
        }
    }
}
