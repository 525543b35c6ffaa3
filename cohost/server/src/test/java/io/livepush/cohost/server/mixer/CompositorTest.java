package io.livepush.cohost.server.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.stamp.FrameStamp;
import io.livepush.capture.stamp.LumaPlane;
import io.livepush.capture.stamp.Stamp;
import io.livepush.capture.stamp.StampMatch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompositorTest {
    private static VideoFrame solid(int w, int h, int y, int u, int v) {
        VideoFrame f = VideoFrame.allocate(w, h, 0);
        int[] values = {y, u, v};
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < f.stride(p) * f.planeHeight(p); i++) {
                f.data().put(f.planeOffset(p) + i, (byte) values[p]);
            }
        }
        return f;
    }

    private static int at(VideoFrame f, int plane, int x, int y) {
        return f.data().get(f.planeOffset(plane) + y * f.stride(plane) + x) & 0xff;
    }

    @Test
    void sideBySideShowsEachColourInItsColumnLetterboxedOnTheBackground() {
        Compositor c = new Compositor(1280, 720);
        VideoFrame canvas = VideoFrame.allocate(1280, 720, 0);
        VideoFrame red = solid(1280, 720, 81, 90, 240);
        VideoFrame blue = solid(640, 360, 41, 240, 110);
        List<Region> regions = Layout.sideBySide().arrange(List.of("host", "guest"), 1280, 720);
        c.compose(canvas, regions, id -> new ParticipantFeed.Shown(
                (id.equals("host") ? red : blue).retain(), null));
        // 16:9 pictures fitted into 640x720 columns: 640x360 centred at y = 180.
        assertEquals(81, at(canvas, 0, 320, 360));
        assertEquals(240, at(canvas, 2, 160, 180));
        assertEquals(41, at(canvas, 0, 960, 360));
        assertEquals(240, at(canvas, 1, 480, 180));
        assertEquals(Compositor.BACKGROUND_Y, at(canvas, 0, 320, 100));
        assertEquals(Compositor.BACKGROUND_Y, at(canvas, 0, 960, 700));
        assertTrue(red.isLive() && blue.isLive(), "the compositor releases only the references it was lent");
        red.release();
        blue.release();
        assertFalse(red.isLive());
    }

    @Test
    void higherZOrderIsDrawnOnTop() {
        Compositor c = new Compositor(320, 180);
        VideoFrame canvas = VideoFrame.allocate(320, 180, 0);
        VideoFrame under = solid(320, 180, 200, 128, 128);
        VideoFrame over = solid(80, 46, 50, 128, 128);
        List<Region> regions = List.of(new Region("over", 100, 60, 80, 46, 1), new Region("under", 0, 0, 320, 180, 0));
        c.compose(canvas, regions, id -> new ParticipantFeed.Shown((id.equals("over") ? over : under).retain(), null));
        assertEquals(50, at(canvas, 0, 120, 80));
        assertEquals(200, at(canvas, 0, 10, 10));
    }

    @Test
    void stampOfAScaledHostPictureIsStillFoundInTheCanvasAndReported() throws Exception {
        try (TestPatternSource src = TestPatternSource.builder().size(1280, 720).frameRate(FrameRate.of(30))
                .realtime(false).clock(new MediaClock()).build()) {
            VideoFrame host = src.read();
            Stamp stamp = ParticipantFeed.readStamp(host).orElseThrow();
            Compositor c = new Compositor(1280, 720);
            VideoFrame canvas = VideoFrame.allocate(1280, 720, 0);
            Map<String, Stamp> shown = c.compose(canvas, Layout.sideBySide().arrange(List.of("host", "guest"), 1280, 720),
                    id -> id.equals("host") ? new ParticipantFeed.Shown(host.retain(), stamp) : null);
            assertEquals(Map.of("host", stamp), shown);
            Optional<StampMatch> found = FrameStamp.search(LumaPlane.of(canvas), 8.0);
            assertEquals(stamp, found.orElseThrow().stamp());
            assertEquals(180, found.get().y(), 2);
            host.release();
        }
    }

    @Test
    void aParticipantWithoutAPictureLeavesItsRegionEmpty() {
        Compositor c = new Compositor(64, 64);
        VideoFrame canvas = solid(64, 64, 99, 99, 99);
        assertEquals(Map.of(), c.compose(canvas, List.of(new Region("nobody", 0, 0, 64, 64, 0)), id -> null));
        assertEquals(Compositor.BACKGROUND_Y, at(canvas, 0, 30, 30));
        assertEquals(128, at(canvas, 1, 10, 10));
    }
}
