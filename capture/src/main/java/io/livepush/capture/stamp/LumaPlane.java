package io.livepush.capture.stamp;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A read-only view of an 8-bit luma plane: {@code height} rows of {@code width} samples, each row
 * {@code stride} bytes after the previous one, starting at index 0 of the buffer. Used to read
 * stamps from decoded pictures, whichever way they arrived (a {@link VideoFrame}, a byte array
 * from a decoder pipe, a mixer's canvas).
 *
 * <p>Holds the caller's buffer without copying; the caller keeps it unchanged while reading.
 */
public final class LumaPlane {
    private final ByteBuffer data;
    private final int stride;
    private final int width;
    private final int height;

    private LumaPlane(ByteBuffer data, int stride, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("luma plane size " + width + "x" + height
                    + " is not allowed (expected width and height >= 1)");
        }
        if (stride < width) {
            throw new IllegalArgumentException("luma stride " + stride + " is smaller than the width " + width);
        }
        long needed = (long) stride * (height - 1) + width;
        if (data.capacity() < needed) {
            throw new IllegalArgumentException("luma buffer holds " + data.capacity() + " bytes (expected at least "
                    + needed + " for " + width + "x" + height + " with stride " + stride + ")");
        }
        this.data = data;
        this.stride = stride;
        this.width = width;
        this.height = height;
    }

    /**
     * A view of a buffer whose index 0 is the first luma sample; position and limit are ignored.
     *
     * @param luma the buffer, never null; held, not copied
     * @param stride bytes from one row to the next, at least {@code width}
     * @param width the plane's width in pixels, 1 or more
     * @param height the plane's height in rows, 1 or more
     * @return the view
     * @throws IllegalArgumentException for a bad geometry or a buffer too small for it
     */
    public static LumaPlane of(ByteBuffer luma, int stride, int width, int height) {
        return new LumaPlane(Objects.requireNonNull(luma, "luma"), stride, width, height);
    }

    /**
     * A view of an array whose index 0 is the first luma sample.
     *
     * @param luma the array, never null; held, not copied
     * @param stride bytes from one row to the next, at least {@code width}
     * @param width the plane's width in pixels, 1 or more
     * @param height the plane's height in rows, 1 or more
     * @return the view
     * @throws IllegalArgumentException for a bad geometry or an array too small for it
     */
    public static LumaPlane of(byte[] luma, int stride, int width, int height) {
        return new LumaPlane(ByteBuffer.wrap(Objects.requireNonNull(luma, "luma")), stride, width, height);
    }

    /**
     * A view of a live frame's Y plane; valid while the caller holds a reference to the frame.
     *
     * @param frame a frame the caller holds a reference to
     * @return the view of its Y plane
     */
    public static LumaPlane of(VideoFrame frame) {
        return new LumaPlane(frame.plane(0), frame.stride(0), frame.width(), frame.height());
    }

    /** @return samples per row */
    public int width() {
        return width;
    }

    /** @return rows */
    public int height() {
        return height;
    }

    /** @return the sample at column {@code x}, row {@code y}, 0..255 */
    int at(int x, int y) {
        return data.get(y * stride + x) & 0xFF;
    }

    /** @return the mean of the samples in columns [x0, x1) and rows [y0, y1); the region must be non-empty */
    double mean(int x0, int y0, int x1, int y1) {
        long sum = 0;
        for (int y = y0; y < y1; y++) {
            int row = y * stride;
            for (int x = x0; x < x1; x++) {
                sum += data.get(row + x) & 0xFF;
            }
        }
        return (double) sum / ((long) (x1 - x0) * (y1 - y0));
    }
}
