package io.livepush.capture.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vector kernel against the scalar one, byte for byte, on random pictures and geometry: widths
 * that are and are not multiples of the vector step, unaligned offsets and strides, heap, direct and
 * read-only sources. The test JVM runs with {@code --add-modules jdk.incubator.vector} (capture's
 * surefire argLine), so the vector kernel must be available here.
 */
class RgbKernelEqualityTest {
    @BeforeAll
    static void vectorKernelIsAvailableInTheTestJvm() {
        assertTrue(RgbToI420.vectorKernelAvailable(), "the test JVM must run with --add-modules jdk.incubator.vector: "
                + RgbToI420.kernel());
    }

    @ParameterizedTest
    @EnumSource(RgbLayout.class)
    void randomGeometryGivesTheSameBytesFromBothKernels(RgbLayout layout) {
        Random rnd = new Random(layout.ordinal() * 31L + 11);
        int step = RgbKernelChoice.vector().minWidth();
        for (int trial = 0; trial < 150; trial++) {
            int w = trial < 40 ? 2 * (trial + 1) : 2 * (1 + rnd.nextInt(200));  // 2..80 in turn, then random to 400
            int h = 2 * (1 + rnd.nextInt(12));
            int offset = rnd.nextInt(9);
            int stride = w * 4 + rnd.nextInt(14);                               // odd and unaligned strides too
            int kind = rnd.nextInt(3);
            String what = layout + " " + w + "x" + h + " offset " + offset + " stride " + stride + " "
                    + new String[] {"heap", "direct", "read-only"}[kind] + " (vector step " + step + ")";
            assertSameBytes(layout, source(rnd, offset + stride * h, kind), offset, stride, w, h, what);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1280, 1270, 1920, 642})
    void wholeFramesGiveTheSameBytesFromBothKernels(int w) {
        Random rnd = new Random(w);
        int h = w == 1920 ? 1080 : 720;
        for (RgbLayout layout : RgbLayout.values()) {
            assertSameBytes(layout, source(rnd, w * 4 * h, 1), 0, w * 4, w, h, layout + " " + w + "x" + h);
        }
    }

    @Test
    void extremeColoursGiveTheSameBytesFromBothKernels() {
        // Every pixel black or white per channel: the ends of every sum and product.
        int w = 48;
        int h = 8;
        ByteBuffer src = ByteBuffer.allocateDirect(w * 4 * h);
        for (int i = 0; i < src.capacity(); i++) {
            src.put(i, (byte) (((i * 7) >> 2 & 1) == 0 ? 0 : 255));
        }
        for (RgbLayout layout : RgbLayout.values()) {
            assertSameBytes(layout, src, 0, w * 4, w, h, layout + " extremes");
        }
    }

    @Test
    void aVectorConverterUsesTheScalarKernelForFramesNarrowerThanOneStep() {
        RgbToI420 c = new RgbToI420(RgbLayout.BGRA, 64, RgbToI420.Kernel.VECTOR);
        int step = RgbKernelChoice.vector().minWidth();
        assertSame(RgbKernelChoice.vector(), c.kernelFor(step));
        assertEquals("scalar", c.kernelFor(step - 2).name());
        assertEquals("scalar", new RgbToI420(RgbLayout.BGRA, 64, RgbToI420.Kernel.SCALAR).kernelFor(64).name());
    }

    @Test
    void anAutoConverterSwitchesToTheVectorKernelOnceItIsWarmedUp() throws InterruptedException {
        RgbToI420 auto = new RgbToI420(RgbLayout.RGBA, 640);
        assertTrue(RgbKernelChoice.awaitWarmUp(Duration.ofSeconds(60)), "warm-up verdict: " + RgbToI420.kernel());
        assertSame(RgbKernelChoice.vector(), auto.kernelFor(640));
        assertTrue(RgbToI420.kernel().startsWith("vector ("), RgbToI420.kernel());
        assertSameBytes(RgbLayout.RGBA, source(new Random(3), 640 * 4 * 40, 1), 0, 640 * 4, 640, 40, "auto");
    }

    private static void assertSameBytes(RgbLayout layout, ByteBuffer src, int offset, int stride, int w, int h,
            String what) {
        VideoFrame expected = VideoFrame.allocate(w, h, 0);
        VideoFrame actual = VideoFrame.allocate(w, h, 0);
        try {
            new RgbToI420(layout, w, RgbToI420.Kernel.SCALAR).convert(src, offset, stride, expected);
            new RgbToI420(layout, w, RgbToI420.Kernel.VECTOR).convert(src, offset, stride, actual);
            assertArrayEquals(bytes(expected), bytes(actual), what);
        } finally {
            expected.release();
            actual.release();
        }
    }

    private static ByteBuffer source(Random rnd, int size, int kind) {
        byte[] b = new byte[size];
        rnd.nextBytes(b);
        ByteBuffer buf = kind == 0 ? ByteBuffer.wrap(b) : ByteBuffer.allocateDirect(size).put(b).clear();
        return kind == 2 ? buf.asReadOnlyBuffer() : buf;
    }

    private static byte[] bytes(VideoFrame f) {
        byte[] out = new byte[f.byteSize()];
        f.data().get(0, out);
        return out;
    }
}
