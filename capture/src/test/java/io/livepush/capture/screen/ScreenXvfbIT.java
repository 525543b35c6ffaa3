package io.livepush.capture.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.convert.RgbToI420;
import io.livepush.capture.source.FrameRate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screen capture for real: a private Xvfb with solid windows of known colours at known places,
 * captured through MIT-SHM and through XGetImage, converted to I420 and the colours found where the
 * windows are (within 2 levels of the BT.601 values), with regions, odd sizes, scaling, the cursor
 * and bad input.
 */
class ScreenXvfbIT {
    private static final int TOLERANCE = 2;
    @TempDir
    static Path dir;
    static Xvfb x;

    @BeforeAll
    static void startServerWithTwoWindows() throws Exception {
        x = Xvfb.start(dir, 1280, 720);
        x.solidWindow("#ff0000", 100, 80, 320, 200);   // red
        x.solidWindow("#0000ff", 700, 400, 400, 240);  // blue
        awaitWindows();
    }

    @AfterAll
    static void stop() {
        if (x != null) {
            x.close();
        }
    }

    @Test
    void sharedMemoryCaptureFindsEachWindowsColourAtItsPlaceAndBlackElsewhere() throws Exception {
        try (Screen s = Screen.builder().display(x.display()).frameRate(FrameRate.of(30)).build()) {
            assertEquals("MIT-SHM", s.captureMethod(), s.describe());
            assertEquals(1280, s.format().width());
            assertEquals(720, s.format().height());
            VideoFrame f = s.read();
            try {
                assertColour(f, 260, 180, 255, 0, 0, "inside the red window");
                assertColour(f, 900, 520, 0, 0, 255, "inside the blue window");
                assertColour(f, 40, 40, 0, 0, 0, "the black root");
                assertColour(f, 600, 300, 0, 0, 0, "between the windows");
            } finally {
                f.release();
            }
        }
    }

    @Test
    void xGetImageFallbackGivesTheSamePictureAsSharedMemory() throws Exception {
        try (Screen shm = Screen.builder().display(x.display()).build();
                Screen plain = Screen.builder().display(x.display()).useShm(false).build()) {
            assertTrue(plain.captureMethod().startsWith("XGetImage"), plain.captureMethod());
            VideoFrame a = shm.read();
            VideoFrame b = plain.read();
            try {
                for (int i = 0; i < a.byteSize(); i += 997) {
                    assertEquals(a.data().get(i), b.data().get(i), "byte " + i);
                }
                assertColour(b, 260, 180, 255, 0, 0, "red window via XGetImage");
            } finally {
                a.release();
                b.release();
            }
        }
    }

    @Test
    void aRegionCapturesOnlyThatAreaAndOddSizesAreRoundedDownToEven() throws Exception {
        ScreenRegion asked = new ScreenRegion(101, 81, 201, 151); // inside the red window
        try (Screen s = Screen.builder().display(x.display()).region(asked).build()) {
            assertEquals(new ScreenRegion(101, 81, 200, 150), s.captureRegion());
            assertEquals(200, s.format().width());
            assertEquals(150, s.format().height());
            VideoFrame f = s.read();
            try {
                assertColour(f, 0, 0, 255, 0, 0, "top-left of the region");
                assertColour(f, 198, 148, 255, 0, 0, "bottom-right of the region");
            } finally {
                f.release();
            }
        }
    }

    @Test
    void theOutputSizeScalesTheWholeScreen() throws Exception {
        try (Screen s = Screen.builder().display(x.display()).outputSize(640, 360).build()) {
            assertEquals(640, s.format().width());
            assertTrue(s.describe().contains("BOX_HALF"), s.describe());
            VideoFrame f = s.read();
            try {
                assertColour(f, 130, 90, 255, 0, 0, "red window at half scale");
                assertColour(f, 450, 260, 0, 0, 255, "blue window at half scale");
            } finally {
                f.release();
            }
        }
    }

    @Test
    void framesArriveOnTheFrameRateGridWithRisingTimestamps() throws Exception {
        try (Screen s = Screen.builder().display(x.display()).frameRate(FrameRate.of(30)).build()) {
            List<Long> pts = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 30; i++) {
                VideoFrame f = s.read();
                pts.add(f.ptsUs());
                f.release();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (int i = 1; i < pts.size(); i++) {
                assertTrue(pts.get(i) > pts.get(i - 1), "pts rise: " + pts);
            }
            assertTrue(seconds > 0.85 && seconds < 1.6, "30 frames at 30 fps took " + seconds + " s");
            assertTrue(s.pool().allocatedCount() <= 3, "frames reused: " + s.pool().allocatedCount());
        }
    }

    @Test
    void theCursorIsDrawnWhenAskedAndOnlyThen() throws Exception {
        // Xvfb puts the pointer at the centre of the screen; its default cursor has white and black pixels.
        ScreenRegion centre = new ScreenRegion(600, 320, 80, 80);
        try (Screen with = Screen.builder().display(x.display()).region(centre).cursor(true).build();
                Screen without = Screen.builder().display(x.display()).region(centre).build()) {
            VideoFrame a = with.read();
            VideoFrame b = without.read();
            try {
                int differing = 0;
                for (int i = 0; i < 80 * 80; i++) {
                    if (a.data().get(i) != b.data().get(i)) {
                        differing++;
                    }
                }
                assertTrue(differing > 20, "luma samples changed by the cursor: " + differing);
                for (int i = 0; i < 80 * 80; i++) {
                    assertEquals(16, b.data().get(i) & 0xff, "no cursor: black root at " + i);
                }
            } finally {
                a.release();
                b.release();
            }
        }
    }

    @Test
    void badDisplaysAndRegionsAreRejectedSayingWhatExists() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Screen.builder().display(":4077").build());
        assertTrue(e.getMessage().contains("':4077' cannot be opened") && e.getMessage().contains(x.display()),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Screen.builder().display(x.display())
                .region(new ScreenRegion(1200, 0, 200, 100)).build());
        assertTrue(e.getMessage().contains("200x100+1200+0 does not fit") && e.getMessage().contains("1280x720"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScreenRegion.parse("10x10"));
        assertTrue(e.getMessage().contains("expected WxH+X+Y"), e.getMessage());
    }

    @Test
    void closeIsIdempotentAndLaterReadsReturnNull() throws Exception {
        Screen s = Screen.builder().display(x.display()).build();
        VideoFrame f = s.read();
        f.release();
        s.close();
        s.close();
        assertNull(s.read());
        assertFalse(f.isLive());
    }

    /** The Y, U, V of pixel (px, py) equal the converter's BT.601 values of (r, g, b) within tolerance. */
    static void assertColour(VideoFrame f, int px, int py, int r, int g, int b, String where) {
        int y = f.data().get(f.planeOffset(0) + py * f.stride(0) + px) & 0xff;
        int u = f.data().get(f.planeOffset(1) + (py / 2) * f.stride(1) + px / 2) & 0xff;
        int v = f.data().get(f.planeOffset(2) + (py / 2) * f.stride(2) + px / 2) & 0xff;
        String got = where + ": Y/U/V " + y + "/" + u + "/" + v + ", expected " + RgbToI420.luma(r, g, b) + "/"
                + RgbToI420.cb(r, g, b) + "/" + RgbToI420.cr(r, g, b);
        assertTrue(Math.abs(y - RgbToI420.luma(r, g, b)) <= TOLERANCE, got);
        assertTrue(Math.abs(u - RgbToI420.cb(r, g, b)) <= TOLERANCE, got);
        assertTrue(Math.abs(v - RgbToI420.cr(r, g, b)) <= TOLERANCE, got);
    }

    /** Waits until both windows are painted (xlogo maps its window a moment after starting). */
    private static void awaitWindows() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        try (Screen s = Screen.builder().display(x.display()).frameRate(FrameRate.of(20)).build()) {
            while (System.nanoTime() < deadline) {
                VideoFrame f = s.read();
                int red = f.data().get(180 * 1280 + 260) & 0xff;
                int blue = f.data().get(520 * 1280 + 900) & 0xff;
                f.release();
                if (red == RgbToI420.luma(255, 0, 0) && blue == RgbToI420.luma(0, 0, 255)) {
                    return;
                }
            }
        }
        throw new AssertionError("the xlogo windows did not appear within 10 s on " + x.display());
    }
}
