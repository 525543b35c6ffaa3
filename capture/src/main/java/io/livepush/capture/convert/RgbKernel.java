package io.livepush.capture.convert;

import java.nio.ByteBuffer;

/**
 * One implementation of the packed RGB to I420 loop: {@link ScalarRgbKernel} (plain Java, every
 * JVM) or {@code VectorRgbKernel} (the JDK Vector API, chosen by {@link RgbKernelChoice}). Both
 * compute the package's integer formulas and produce identical bytes.
 */
interface RgbKernel {
    /** @return a short name for reports, e.g. {@code scalar} or {@code vector (512-bit, ...)} */
    String name();

    /** @return the narrowest frame, in pixels, this kernel converts */
    int minWidth();

    /**
     * Converts {@code w x h} pixels; the caller has checked the geometry, {@code w} and {@code h}
     * are even and {@code w >= minWidth()}.
     *
     * @param redHigh whether red is byte 2 of each pixel ({@link RgbLayout#BGRA}) rather than byte 0
     * @param src the packed pixels, absolute indexing
     * @param offset byte index of the top-left pixel
     * @param stride bytes from one source row to the next
     * @param out the destination frame's buffer: little-endian, limit at its capacity
     * @param yBase index of the first Y byte; {@code yStride} bytes between Y rows
     * @param uBase index of the first U byte; {@code vBase} likewise for V, {@code cStride} between chroma rows
     */
    void convert(boolean redHigh, ByteBuffer src, int offset, int stride, ByteBuffer out, int yBase, int yStride,
            int uBase, int vBase, int cStride, int w, int h);
}
