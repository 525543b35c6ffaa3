package io.livepush.capture.convert;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Converts 32-bit packed RGB ({@link RgbLayout#BGRA} or {@link RgbLayout#RGBA}; the fourth byte is
 * ignored) into an I420 {@link VideoFrame} of the same size, BT.601 limited range, chroma from 2x2
 * averages (see the package documentation for the exact integer formulas).
 *
 * <h2>Kernels</h2>
 * Two implementations give identical bytes: a scalar one that runs everywhere, and one on the JDK's
 * Vector API (about 0.5 ms per 1280x720 frame on one AVX-512 core, against about 3 ms scalar). The vector
 * kernel needs the incubator module in the boot layer, so <b>an application that wants it adds
 * {@code --add-modules jdk.incubator.vector} to its {@code java} command</b> (the JVM then prints
 * "WARNING: Using incubator modules"); without the flag the vector code is never loaded. It also
 * needs 256- or 512-bit vectors (x86 AVX2 or AVX-512). {@link #kernel()} says which one is used and
 * why; {@code -Dlivepush.convert.kernel=scalar} switches the vector kernel off.
 *
 * <p>A {@link Kernel#AUTO} converter (the default) uses the scalar kernel until the vector kernel
 * has been compiled by the JIT and measured faster on a daemon warm-up thread (about 3 s, 2 s of CPU
 * including the JIT's, once per JVM), so the first frames are not slowed by the Vector API's
 * interpreted start (about a second for the first 720p frame).
 *
 * <p>Owned by one thread: it keeps scratch rows for frames up to the width it was made for.
 */
public final class RgbToI420 {
    /** Which kernel a converter uses. */
    public enum Kernel {
        /** The vector kernel once it is warmed up and measured faster, else the scalar one. */
        AUTO,
        /** Always the scalar kernel. */
        SCALAR,
        /**
         * Always the vector kernel from the first frame, without waiting for its warm-up (frames
         * narrower than one vector step use the scalar kernel); for benchmarks and tests.
         */
        VECTOR
    }

    private final RgbLayout layout;
    private final int maxWidth;
    private final Kernel mode;
    private final ScalarRgbKernel scalar;
    private final RgbKernel vector;

    /**
     * A converter with the {@link Kernel#AUTO} kernel choice.
     *
     * @param layout byte order of the source pixels
     * @param maxWidth the widest frame this converter will see, even, 2..16384
     */
    public RgbToI420(RgbLayout layout, int maxWidth) {
        this(layout, maxWidth, Kernel.AUTO);
    }

    /**
     * @param layout byte order of the source pixels
     * @param maxWidth the widest frame this converter will see, even, 2..16384
     * @param kernel which kernel to use
     * @throws IllegalStateException for {@link Kernel#VECTOR} when this JVM cannot run the vector
     *     kernel (the message says why, see {@link #kernel()})
     */
    public RgbToI420(RgbLayout layout, int maxWidth, Kernel kernel) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.mode = Objects.requireNonNull(kernel, "kernel");
        if (maxWidth < 2 || maxWidth > 16384 || (maxWidth & 1) != 0) {
            throw new IllegalArgumentException("width " + maxWidth + " is not allowed (expected even, 2..16384)");
        }
        if (kernel == Kernel.VECTOR && RgbKernelChoice.vector() == null) {
            throw new IllegalStateException("the vector kernel is not available: " + RgbKernelChoice.unavailableReason());
        }
        this.maxWidth = maxWidth;
        this.scalar = new ScalarRgbKernel(maxWidth);
        this.vector = kernel == Kernel.SCALAR ? null : RgbKernelChoice.vector();
        if (kernel == Kernel.AUTO) {
            RgbKernelChoice.startWarmUp();
        }
    }

    /**
     * What {@link Kernel#AUTO} converters use in this JVM, e.g. {@code vector (512-bit, 16 pixels per
     * step)}, {@code vector (...) once warmed up (scalar until then)} or {@code scalar (REASON)}.
     *
     * @return the kernel's name, with the reason when it is the scalar one
     */
    public static String kernel() {
        return RgbKernelChoice.describe();
    }

    /** @return whether this JVM can run the vector kernel ({@link Kernel#VECTOR} converters can be made) */
    public static boolean vectorKernelAvailable() {
        return RgbKernelChoice.vector() != null;
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
        ByteBuffer out = dst.data().duplicate().clear().order(ByteOrder.LITTLE_ENDIAN);
        kernelFor(w).convert(layout == RgbLayout.BGRA, src, offset, stride, out, dst.planeOffset(0), dst.stride(0),
                dst.planeOffset(1), dst.planeOffset(2), dst.stride(1), w, h);
    }

    /** @return the kernel the next frame of width {@code w} goes through */
    RgbKernel kernelFor(int w) {
        RgbKernel v = vector;
        if (v == null || w < v.minWidth() || (mode == Kernel.AUTO && !RgbKernelChoice.ready())) {
            return scalar;
        }
        return v;
    }

    /**
     * The BT.601 limited-range luma of one RGB pixel, the formula {@link #convert} uses.
     *
     * @param r red, 0..255
     * @param g green, 0..255
     * @param b blue, 0..255
     * @return Y, 16..235
     */
    public static int luma(int r, int g, int b) {
        return ((66 * r + 129 * g + 25 * b + 128) >> 8) + 16;
    }

    /**
     * The BT.601 limited-range blue-difference chroma of one RGB pixel.
     *
     * @param r red, 0..255
     * @param g green, 0..255
     * @param b blue, 0..255
     * @return Cb, 16..240
     */
    public static int cb(int r, int g, int b) {
        return ((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128;
    }

    /**
     * The BT.601 limited-range red-difference chroma of one RGB pixel.
     *
     * @param r red, 0..255
     * @param g green, 0..255
     * @param b blue, 0..255
     * @return Cr, 16..240
     */
    public static int cr(int r, int g, int b) {
        return ((112 * r - 94 * g - 18 * b + 128) >> 8) + 128;
    }
}
