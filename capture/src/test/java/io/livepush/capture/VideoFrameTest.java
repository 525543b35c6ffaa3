package io.livepush.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoFrameTest {
    @Test
    void i420PlaneGeometryFollowsTheFrameSize() {
        VideoFrame f = VideoFrame.allocate(1280, 720, 42);
        assertEquals(1280, f.stride(0));
        assertEquals(640, f.stride(1));
        assertEquals(640, f.stride(2));
        assertEquals(0, f.planeOffset(0));
        assertEquals(1280 * 720, f.planeOffset(1));
        assertEquals(1280 * 720 + 640 * 360, f.planeOffset(2));
        assertEquals(360, f.planeHeight(2));
        assertEquals(640, f.planeWidth(1));
        assertEquals(1280 * 720 * 3 / 2, f.byteSize());
        assertEquals(640 * 360, f.plane(2).remaining());
        assertTrue(f.data().isDirect(), "native encoders read the pixels without a copy");
        assertEquals(42, f.ptsUs());
        f.release();
    }

    @Test
    void planeViewsWriteThroughToTheFrameBuffer() {
        VideoFrame f = VideoFrame.allocate(4, 4, 0);
        f.plane(1).put(3, (byte) 9);
        assertEquals(9, f.data().get(16 + 3));
        f.release();
    }

    @ParameterizedTest
    @CsvSource({"0, 2", "3, 2", "2, 5", "16386, 2", "-2, 2"})
    void unusableSizesAreRejectedNamingTheSize(int w, int h) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VideoFrame.allocate(w, h, 0));
        assertEquals("frame size " + w + "x" + h + " is not allowed (expected even width and height, each 2..16384)",
                e.getMessage());
    }

    @Test
    void retainAndReleaseCountReferences() {
        VideoFrame f = VideoFrame.allocate(2, 2, 0);
        assertSame(f, f.retain());
        f.release();
        assertTrue(f.isLive(), "one reference is still held");
        f.release();
        assertFalse(f.isLive());
    }

    @Test
    void releasingTwiceThrows() {
        VideoFrame f = VideoFrame.allocate(2, 2, 0);
        f.release();
        IllegalStateException e = assertThrows(IllegalStateException.class, f::release);
        assertEquals("frame was released more often than it was retained", e.getMessage());
        assertThrows(IllegalStateException.class, f::release, "still refused after the first over-release");
    }

    @Test
    void everyPixelAccessAfterReleaseThrows() {
        VideoFrame f = VideoFrame.allocate(2, 2, 0);
        f.release();
        assertThrows(IllegalStateException.class, f::data);
        assertThrows(IllegalStateException.class, () -> f.plane(0));
        assertThrows(IllegalStateException.class, f::ptsUs);
        assertThrows(IllegalStateException.class, () -> f.setPtsUs(1));
        assertThrows(IllegalStateException.class, f::retain);
        VideoFrame other = VideoFrame.allocate(2, 2, 0);
        assertThrows(IllegalStateException.class, () -> other.copyFrom(f));
        other.release();
    }

    @Test
    void copyFromCopiesPixelsAndTimestamp() {
        VideoFrame src = VideoFrame.allocate(4, 2, 1234);
        ByteBuffer d = src.data();
        for (int i = 0; i < src.byteSize(); i++) {
            d.put(i, (byte) (i * 7));
        }
        VideoFrame dst = VideoFrame.allocate(4, 2, 0);
        dst.copyFrom(src);
        assertEquals(1234, dst.ptsUs());
        for (int i = 0; i < src.byteSize(); i++) {
            assertEquals((byte) (i * 7), dst.data().get(i));
        }
        src.release();
        dst.release();
    }

    @Test
    void copyFromAFrameOfAnotherSizeIsRejected() {
        VideoFrame a = VideoFrame.allocate(4, 2, 0);
        VideoFrame b = VideoFrame.allocate(2, 2, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.copyFrom(b));
        assertEquals("cannot copy a 2x2 frame into a 4x2 frame", e.getMessage());
        a.release();
        b.release();
    }
}
