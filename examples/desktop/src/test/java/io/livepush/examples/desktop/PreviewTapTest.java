package io.livepush.examples.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewTapTest {
    @Test
    void framesPassUntouchedAndOnlyAFewBecomePreviews() throws Exception {
        List<PreviewImage> previews = new ArrayList<>();
        TestPatternSource src = TestPatternSource.builder().size(640, 360).frameRate(FrameRate.of(30))
                .clock(new MediaClock()).realtime(true).build();
        try (PreviewTap tap = new PreviewTap(src, previews::add, 5)) {
            assertSame(src.format(), tap.format());
            long lastPts = -1;
            for (int i = 0; i < 30; i++) { // one second of frames
                VideoFrame f = tap.read();
                assertTrue(f.isLive());
                assertTrue(f.ptsUs() > lastPts);
                lastPts = f.ptsUs();
                f.release(); // exactly one reference: the tap kept none
            }
            assertTrue(previews.size() >= 3 && previews.size() <= 7, "previews in one second at 5/s: " + previews.size());
            assertEquals(480, previews.get(0).width());
            assertEquals(270, previews.get(0).height());
            assertTrue(src.pool().allocatedCount() <= 3, "frames go back to the pool: " + src.pool().allocatedCount());
        }
        assertNull(src.read(), "closing the tap closes the source");
    }

    @Test
    void aPreviewRateOutsideOneToThirtyIsRefused() {
        TestPatternSource src = TestPatternSource.builder().size(64, 36).clock(new MediaClock()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PreviewTap(src, p -> { }, 0));
        assertEquals("preview rate 0 per second is not allowed (expected 1..30)", e.getMessage());
        src.close();
    }
}
