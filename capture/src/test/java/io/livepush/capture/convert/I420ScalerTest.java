package io.livepush.capture.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import org.junit.jupiter.api.Test;

class I420ScalerTest {
    @Test
    void theMethodFollowsTheSizes() {
        assertEquals(I420Scaler.Method.COPY, new I420Scaler(8, 8, 8, 8).method());
        assertEquals(I420Scaler.Method.BOX_HALF, new I420Scaler(1280, 720, 640, 360).method());
        assertEquals(I420Scaler.Method.BILINEAR, new I420Scaler(1920, 1080, 1280, 720).method());
        assertEquals(I420Scaler.Method.BILINEAR, new I420Scaler(640, 360, 1280, 720).method());
    }

    @Test
    void halvingAveragesEachTwoByTwoBlockRounded() {
        VideoFrame src = VideoFrame.allocate(4, 4, 42);
        byte[] y = {0, 2, 10, 10, 4, 7, 10, 11, 100, 100, 1, 1, 100, 100, 1, 2};
        src.data().put(0, y);
        VideoFrame dst = VideoFrame.allocate(2, 2, 0);
        new I420Scaler(4, 4, 2, 2).scale(src, dst);
        assertEquals((0 + 2 + 4 + 7 + 2) / 4, dst.data().get(0));
        assertEquals((10 + 10 + 10 + 11 + 2) / 4, dst.data().get(1));
        assertEquals(100, dst.data().get(2));
        assertEquals((1 + 1 + 1 + 2 + 2) / 4, dst.data().get(3));
        assertEquals(42, dst.ptsUs());
    }

    @Test
    void bilinearUpscalingOfAHorizontalRampStaysAMonotoneRampWithinItsEnds() {
        VideoFrame src = VideoFrame.allocate(16, 4, 0);
        for (int r = 0; r < 4; r++) {
            for (int x = 0; x < 16; x++) {
                src.data().put(r * 16 + x, (byte) (16 * x));
            }
        }
        VideoFrame dst = VideoFrame.allocate(40, 10, 0);
        new I420Scaler(16, 4, 40, 10).scale(src, dst);
        int prev = -1;
        for (int x = 0; x < 40; x++) {
            int v = dst.data().get(5 * 40 + x) & 0xff;
            assertTrue(v >= prev && v <= 240, "column " + x + " = " + v + " after " + prev);
            prev = v;
        }
        assertEquals(0, dst.data().get(5 * 40) & 0xff);
        assertEquals(240, dst.data().get(5 * 40 + 39) & 0xff);
    }

    @Test
    void aFlatPictureStaysFlatAtAnyScale() {
        VideoFrame src = VideoFrame.allocate(1280, 720, 0);
        for (int i = 0; i < src.byteSize(); i++) {
            src.data().put(i, (byte) (i < 1280 * 720 ? 77 : 200));
        }
        VideoFrame dst = VideoFrame.allocate(854, 480, 0);
        new I420Scaler(1280, 720, 854, 480).scale(src, dst);
        for (int i = 0; i < dst.byteSize(); i++) {
            assertEquals(i < 854 * 480 ? 77 : 200, dst.data().get(i) & 0xff, "byte " + i);
        }
    }

    @Test
    void framesOfAnotherSizeAndOddSizesAreRejected() {
        I420Scaler s = new I420Scaler(8, 8, 4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.scale(VideoFrame.allocate(8, 6, 0), VideoFrame.allocate(4, 4, 0)));
        assertTrue(e.getMessage().contains("8x8 -> 4x4 was given 8x6 -> 4x4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new I420Scaler(9, 8, 4, 4));
    }
}
