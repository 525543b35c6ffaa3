package io.livepush.capture.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.stamp.FrameStamp;
import io.livepush.capture.stamp.LumaPlane;
import io.livepush.capture.stamp.Stamp;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TestPatternSourceTest {
    private static final long WALL = 1_700_000_000_000_000L;
    private final AtomicLong nanos = new AtomicLong();
    private final MediaClock clock = new MediaClock(nanos::get, WALL);

    private TestPatternSource.Builder unpaced() {
        return TestPatternSource.builder().size(640, 360).clock(clock).realtime(false);
    }

    @Test
    void unpacedFramesCarryGridTimestampsAndReadableStamps() throws Exception {
        try (TestPatternSource src = unpaced().build()) {
            for (int n = 0; n < 40; n++) {
                VideoFrame f = src.read();
                long pts = FrameRate.of(30).ptsUs(n);
                assertEquals(pts, f.ptsUs(), "pts of frame " + n);
                assertEquals(Optional.of(new Stamp(n, WALL + pts)), FrameStamp.read(LumaPlane.of(f), 0, 0, 16));
                f.release();
            }
        }
    }

    @Test
    void sourceStartedLaterStartsAtTheNextGridFrameWithFrameNumberZero() throws Exception {
        nanos.set(5_010_000_000L);
        try (TestPatternSource src = unpaced().build()) {
            VideoFrame f = src.read();
            // 5.01 s: frame 150 is at 5.0 s, frame 151 at 5.033333 s
            assertEquals(5_033_333L, f.ptsUs());
            assertEquals(Optional.of(new Stamp(0, WALL + 5_033_333L)), FrameStamp.read(LumaPlane.of(f), 0, 0, 16));
            f.release();
        }
    }

    @Test
    void flashBandIsWhiteExactlyOnTheFirstFrameOfEachSecond() throws Exception {
        try (TestPatternSource src = unpaced().build()) {
            int bandRow = src.flashBandTop() + 10;
            for (int n = 0; n < 95; n++) {
                VideoFrame f = src.read();
                int luma = f.plane(0).get(bandRow * f.stride(0) + 600) & 0xFF;
                assertEquals(n % 30 == 0 ? 235 : 16, luma, "flash band of frame " + n);
                f.release();
            }
        }
    }

    @Test
    void ntscFlashFramesAgreeWithTheSchedule() throws Exception {
        FrameRate ntsc = new FrameRate(30000, 1001);
        try (TestPatternSource src = unpaced().frameRate(ntsc).build()) {
            int bandRow = src.flashBandTop() + 2;
            int flashes = 0;
            for (int n = 0; n < 300; n++) {
                VideoFrame f = src.read();
                boolean white = (f.plane(0).get(bandRow * f.stride(0)) & 0xFF) == 235;
                assertEquals(FlashSchedule.EVERY_SECOND.isFlashFrame(ntsc, n), white, "frame " + n);
                flashes += white ? 1 : 0;
                f.release();
            }
            assertEquals(10, flashes, "instants 0..9 s fall within 300 frames of 29.97 (the last is at 9.977 s)");
        }
    }

    @Test
    void consecutiveFramesMove() throws Exception {
        try (TestPatternSource src = unpaced().build()) {
            VideoFrame a = src.read();
            VideoFrame b = src.read();
            int differing = 0;
            for (int i = 128 * 640; i < 300 * 640; i++) {
                differing += a.plane(0).get(i) != b.plane(0).get(i) ? 1 : 0;
            }
            assertTrue(differing > 1000, "only " + differing + " luma samples changed between frames");
            a.release();
            b.release();
        }
    }

    @Test
    void hueRotatesTheColoursButNotTheLuma() throws Exception {
        try (TestPatternSource plain = unpaced().build(); TestPatternSource tinted = unpaced().hueDegrees(120).build()) {
            VideoFrame a = plain.read();
            VideoFrame b = tinted.read();
            int row = 150;
            assertEquals(a.plane(0).get(row * 640 + 400), b.plane(0).get(row * 640 + 400));
            int chromaRow = row / 2 * a.stride(1) + 200;
            assertNotEquals(a.plane(1).get(chromaRow), b.plane(1).get(chromaRow));
            a.release();
            b.release();
        }
    }

    @Test
    void framesComeFromThePoolAndAreReused() throws Exception {
        try (TestPatternSource src = unpaced().poolCapacity(2).build()) {
            for (int n = 0; n < 200; n++) {
                src.read().release();
            }
            assertEquals(1, src.pool().allocatedCount());
        }
    }

    @Test
    void readReturnsNullAfterTheFrameLimitAndAfterClose() throws Exception {
        TestPatternSource src = unpaced().frameLimit(3).build();
        for (int n = 0; n < 3; n++) {
            src.read().release();
        }
        assertNull(src.read());
        TestPatternSource other = unpaced().build();
        other.close();
        other.close();
        assertNull(other.read());
    }

    @Test
    void realtimeSourceThatFellBehindSkipsFrameNumbersInsteadOfBunching() throws Exception {
        try (TestPatternSource src = TestPatternSource.builder().size(320, 240).clock(clock).build()) {
            src.read().release();
            nanos.set(1_000_001_000L); // the caller stalls for just over a second
            VideoFrame f = src.read();
            assertEquals(FrameRate.of(30).ptsUs(31), f.ptsUs(), "resumes at the first frame not yet due");
            assertEquals(30, src.skippedFrames());
            assertEquals(31, FrameStamp.read(LumaPlane.of(f), 0, 0, src.stampCellSize()).orElseThrow().frameNumber());
            f.release();
        }
    }

    @Test
    void realtimeSourcePacesFramesOnTheClock() throws Exception {
        try (TestPatternSource src = TestPatternSource.builder().size(320, 240).build()) {
            long t0 = System.nanoTime();
            VideoFrame first = src.read();
            long firstPts = first.ptsUs();
            first.release();
            VideoFrame last = null;
            for (int n = 1; n < 10; n++) {
                if (last != null) {
                    last.release();
                }
                last = src.read();
            }
            long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
            long span = last.ptsUs() - firstPts;
            assertTrue(Math.abs(span - 300_000) <= 1, "frames 0 and 9 are " + span + " us apart");
            assertTrue(elapsedMs >= 260, "10 frames at 30 fps took only " + elapsedMs + " ms");
            last.release();
        }
    }

    @Test
    void smallFramesGetASmallerStamp() throws Exception {
        try (TestPatternSource src = unpaced().size(160, 96).build()) {
            assertEquals(10, src.stampCellSize());
            VideoFrame f = src.read();
            assertEquals(0, FrameStamp.read(LumaPlane.of(f), 0, 0, 10).orElseThrow().frameNumber());
            f.release();
        }
    }

    @Test
    void badConfigurationIsRejectedWithTheAllowedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestPatternSource.builder().size(641, 360));
        assertEquals("frame size 641x360 is not allowed (expected even width and height, each 2..16384)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TestPatternSource.builder().frameLimit(0));
        assertEquals("frame limit 0 is not allowed (expected >= 1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> TestPatternSource.builder().size(320, 240).stampCellSize(32).build());
        assertEquals("a stamp with 32 px cells (512x256) does not fit in 320x240", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TestPatternSource.builder().hueDegrees(Double.NaN));
    }

    @Test
    void painting720pFramesKeepsUpWithRealTime() throws Exception {
        try (TestPatternSource src = TestPatternSource.builder().clock(clock).realtime(false).build()) {
            for (int n = 0; n < 200; n++) {
                src.read().release();
            }
            int frames = 600;
            long t0 = System.nanoTime();
            for (int n = 0; n < frames; n++) {
                src.read().release();
            }
            double msPerFrame = (System.nanoTime() - t0) / 1e6 / frames;
            System.out.printf("[figure] TestPatternSource 1280x720: %.3f ms per frame%n", msPerFrame);
            assertTrue(msPerFrame < 33, "painting took " + msPerFrame + " ms per frame, more than a 30 fps interval");
        }
    }
}
