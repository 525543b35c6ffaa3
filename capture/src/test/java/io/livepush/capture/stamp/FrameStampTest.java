package io.livepush.capture.stamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameStampTest {
    private static final long WALL = 1_717_000_000_123_456L;
    private VideoFrame frame;

    @AfterEach
    void release() {
        if (frame != null && frame.isLive()) {
            frame.release();
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "4294967295, 9223372036854775807", "123456, 1717000000123456", "2863311530, 6148914691236517205"})
    void writtenStampReadsBackExactly(long frameNumber, long wallClockUs) {
        frame = grey(320, 240, 100);
        FrameStamp.write(frame, 0, 0, frameNumber, wallClockUs);
        assertEquals(Optional.of(new Stamp(frameNumber, wallClockUs)),
                FrameStamp.read(frame.plane(0), frame.stride(0), 320, 240, 0, 0));
    }

    @Test
    void stampAtAnOffsetReadsBackAtThatOffsetOnly() {
        frame = grey(640, 360, 128);
        FrameStamp.write(frame, 48, 32, 77, WALL);
        assertEquals(Optional.of(new Stamp(77, WALL)), FrameStamp.read(frame.plane(0), 640, 640, 360, 48, 32));
        assertEquals(Optional.empty(), FrameStamp.read(frame.plane(0), 640, 640, 360, 48 + 16, 32));
        assertEquals(Optional.empty(), FrameStamp.read(frame.plane(0), 640, 640, 360, 0, 0));
    }

    @Test
    void stampSurvivesNoiseOfPlusMinus20() {
        frame = grey(320, 240, 128);
        FrameStamp.write(frame, 0, 0, 4_000_000_000L, WALL);
        Random rnd = new Random(42);
        ByteBuffer y = frame.plane(0);
        for (int i = 0; i < 320 * 240; i++) {
            int v = (y.get(i) & 0xFF) + rnd.nextInt(41) - 20;
            y.put(i, (byte) Math.max(0, Math.min(255, v)));
        }
        assertEquals(Optional.of(new Stamp(4_000_000_000L, WALL)), FrameStamp.read(y, 320, 320, 240, 0, 0));
    }

    @Test
    void stampSurvivesReducedContrastAndShiftedBrightness() {
        frame = grey(320, 240, 128);
        FrameStamp.write(frame, 0, 0, 5, WALL);
        ByteBuffer y = frame.plane(0);
        for (int i = 0; i < 320 * 240; i++) {
            y.put(i, (byte) (90 + (y.get(i) & 0xFF) * 2 / 5));
        }
        assertEquals(Optional.of(new Stamp(5, WALL)), FrameStamp.read(y, 320, 320, 240, 0, 0));
    }

    @Test
    void everySingleFlippedCellIsRejectedNotMisread() {
        frame = grey(256, 128, 0);
        FrameStamp.write(frame, 0, 0, 0x12345678L, WALL);
        byte[] luma = new byte[256 * 128];
        frame.plane(0).get(0, luma);
        for (int cell = 0; cell < StampCode.CELLS; cell++) {
            byte[] damaged = luma.clone();
            int cx = (cell % 16) * 16;
            int cy = (cell / 16) * 16;
            int flipped = (damaged[cy * 256 + cx] & 0xFF) == FrameStamp.WHITE ? FrameStamp.BLACK : FrameStamp.WHITE;
            for (int yy = cy; yy < cy + 16; yy++) {
                for (int xx = cx; xx < cx + 16; xx++) {
                    damaged[yy * 256 + xx] = (byte) flipped;
                }
            }
            assertEquals(Optional.empty(), FrameStamp.read(damaged, 256, 256, 128, 0, 0), "cell " + cell);
        }
        assertEquals(Optional.of(new Stamp(0x12345678L, WALL)), FrameStamp.read(luma, 256, 256, 128, 0, 0));
    }

    @Test
    void flatPictureHasNoStamp() {
        byte[] luma = new byte[320 * 240];
        java.util.Arrays.fill(luma, (byte) 235);
        assertEquals(Optional.empty(), FrameStamp.read(luma, 320, 320, 240, 0, 0));
        assertEquals(Optional.empty(), FrameStamp.search(LumaPlane.of(luma, 320, 320, 240), 16));
    }

    @Test
    void noisePictureHasNoStampAnywhere() {
        byte[] luma = new byte[320 * 240];
        new Random(7).nextBytes(luma);
        assertEquals(Optional.empty(), FrameStamp.search(LumaPlane.of(luma, 320, 320, 240), 8));
    }

    @Test
    void readsFromAnArrayWithRowPadding() {
        frame = grey(320, 240, 60);
        FrameStamp.write(frame, 16, 16, 9, WALL);
        int stride = 352;
        byte[] padded = new byte[stride * 240];
        for (int row = 0; row < 240; row++) {
            frame.plane(0).get(row * 320, padded, row * stride, 320);
            java.util.Arrays.fill(padded, row * stride + 320, (row + 1) * stride, (byte) 255);
        }
        assertEquals(Optional.of(new Stamp(9, WALL)), FrameStamp.read(padded, stride, 320, 240, 16, 16));
    }

    @Test
    void halfScaledStampReadsWithHalfCellSize() {
        frame = grey(640, 360, 128);
        FrameStamp.write(frame, 32, 16, 31337, WALL);
        LumaPlane small = ScaledLuma.scale(LumaPlane.of(frame), frame, 0.5, 0, 0, 320, 180);
        assertEquals(Optional.of(new Stamp(31337, WALL)), FrameStamp.read(small, 16, 8, 8.0));
    }

    @ParameterizedTest
    @CsvSource({"0.5, 37, 23", "0.75, 101, 57", "0.4, 250, 210", "1.0, 3, 5"})
    void searchFindsAScaledStampPlacedAnywhereInALargerPicture(double scale, int ox, int oy) {
        frame = grey(640, 360, 128);
        drawGradient(frame);
        FrameStamp.write(frame, 0, 0, 2024, WALL);
        LumaPlane mix = ScaledLuma.scale(LumaPlane.of(frame), frame, scale, ox, oy, 960, 640);
        Optional<StampMatch> match = FrameStamp.search(mix, 16 * scale);
        assertTrue(match.isPresent(), "no stamp found at scale " + scale);
        assertEquals(new Stamp(2024, WALL), match.get().stamp());
        assertTrue(Math.abs(match.get().x() - ox) <= 16 * scale / 4 + 1, "x " + match.get().x());
        assertTrue(Math.abs(match.get().y() - oy) <= 16 * scale / 4 + 1, "y " + match.get().y());
    }

    @Test
    void chromaUnderTheStampIsNeutral() {
        frame = grey(320, 240, 100);
        ByteBuffer d = frame.data();
        for (int i = frame.planeOffset(1); i < frame.byteSize(); i++) {
            d.put(i, (byte) 200);
        }
        FrameStamp.write(frame, 0, 0, 1, WALL);
        assertEquals(128, frame.plane(1).get(0) & 0xFF);
        assertEquals(128, frame.plane(2).get(63 * frame.stride(2) + 127) & 0xFF);
        assertEquals(200, frame.plane(1).get(128) & 0xFF, "chroma right of the stamp is untouched");
        assertEquals(200, frame.plane(2).get(64 * frame.stride(2)) & 0xFF, "chroma below the stamp is untouched");
    }

    @Test
    void smallCellSizeFitsSmallPictures() {
        frame = grey(160, 120, 128);
        FrameStamp.write(frame, 0, 0, 8, new Stamp(3, WALL));
        assertEquals(Optional.of(new Stamp(3, WALL)), FrameStamp.read(LumaPlane.of(frame), 0, 0, 8));
    }

    @Test
    void stampThatDoesNotFitIsRejectedWithItsGeometry() {
        frame = grey(320, 240, 128);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrameStamp.write(frame, 100, 0, 1, WALL));
        assertEquals("a 256x128 stamp at (100, 0) does not fit in a 320x240 picture", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FrameStamp.read(frame.plane(0), 320, 320, 240, 0, 200));
    }

    @Test
    void frameNumberBeyond32BitsIsRejected() {
        frame = grey(320, 240, 128);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrameStamp.write(frame, 0, 0, 1L << 32, WALL));
        assertEquals("stamp frame number 4294967296 is not allowed (expected 0..4294967295)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Stamp(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Stamp(0, -1));
    }

    @Test
    void unreadableCellSizeIsRejected() {
        LumaPlane p = LumaPlane.of(new byte[100], 10, 10, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameStamp.search(p, 1.5));
        assertEquals("stamp cell size 1.5 is not readable (expected 2..256 pixels)", e.getMessage());
    }

    @Test
    void lumaBufferTooSmallForItsGeometryIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LumaPlane.of(new byte[100], 16, 16, 16));
        assertEquals("luma buffer holds 100 bytes (expected at least 256 for 16x16 with stride 16)", e.getMessage());
    }

    private static VideoFrame grey(int w, int h, int luma) {
        VideoFrame f = VideoFrame.allocate(w, h, 0);
        ByteBuffer d = f.data();
        for (int i = 0; i < f.byteSize(); i++) {
            d.put(i, (byte) (i < w * h ? luma : 128));
        }
        return f;
    }

    private static void drawGradient(VideoFrame f) {
        ByteBuffer y = f.plane(0);
        for (int row = 0; row < f.height(); row++) {
            for (int col = 0; col < f.width(); col++) {
                y.put(row * f.stride(0) + col, (byte) ((col * 7 + row * 3) & 0xFF));
            }
        }
    }
}
