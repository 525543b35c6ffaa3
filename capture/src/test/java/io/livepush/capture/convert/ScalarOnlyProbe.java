package io.livepush.capture.convert;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * A child-JVM program for {@link RgbKernelWithoutVectorModuleTest}: prints the kernel choice,
 * whether a VECTOR converter is refused, and the CRC-32 of an AUTO converter's output for
 * {@link #picture()}.
 */
final class ScalarOnlyProbe {
    static final int W = 320;
    static final int H = 180;

    private ScalarOnlyProbe() {
    }

    public static void main(String[] args) {
        System.out.println("kernel=" + RgbToI420.kernel());
        System.out.println("available=" + RgbToI420.vectorKernelAvailable());
        try {
            new RgbToI420(RgbLayout.BGRA, W, RgbToI420.Kernel.VECTOR);
            System.out.println("vector=accepted");
        } catch (IllegalStateException e) {
            System.out.println("vector=refused: " + e.getMessage());
        }
        System.out.println("crc=" + crc(new RgbToI420(RgbLayout.BGRA, W)));
    }

    /** @return the CRC-32 of the I420 bytes {@code c} makes of {@link #picture()} */
    static long crc(RgbToI420 c) {
        VideoFrame f = VideoFrame.allocate(W, H, 0);
        c.convert(picture(), 0, W * 4, f);
        byte[] b = new byte[f.byteSize()];
        f.data().get(0, b);
        f.release();
        CRC32 crc = new CRC32();
        crc.update(b);
        return crc.getValue();
    }

    static ByteBuffer picture() {
        byte[] b = new byte[W * H * 4];
        new Random(9).nextBytes(b);
        return ByteBuffer.wrap(b);
    }
}
