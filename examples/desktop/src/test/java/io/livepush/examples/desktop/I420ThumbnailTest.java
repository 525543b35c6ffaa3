package io.livepush.examples.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class I420ThumbnailTest {
    @ParameterizedTest(name = "Y {0} U {1} V {2} -> #{3}")
    @CsvSource({
        "16, 128, 128, 000000",   // black
        "235, 128, 128, ffffff",  // white
        "180, 128, 128, bfbfbf",  // 75 % white bar
        "162, 44, 142, bfbf00",   // 75 % yellow bar
        "35, 212, 114, 0000bf",   // 75 % blue bar
        "65, 100, 212, bf0000",   // 75 % red bar
    })
    void videoRangeSamplesBecomeTheirBt601RgbColoursWithinTwoLevels(int y, int u, int v, String hex) {
        int expected = Integer.parseInt(hex, 16);
        int got = I420Thumbnail.toRgb(y, u, v);
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 0xff;
            int g = (got >> shift) & 0xff;
            assertTrue(Math.abs(e - g) <= 2, String.format("#%06x for Y/U/V %d/%d/%d, expected #%06x", got, y, u, v, expected));
        }
    }

    @Test
    void aTestPatternFrameScalesToTheAskedWidthKeepingItsAspectAndShowsTheBars() throws Exception {
        try (TestPatternSource src = TestPatternSource.builder().size(1280, 720).frameRate(FrameRate.of(30))
                .clock(new MediaClock()).realtime(false).build()) {
            VideoFrame f = src.read();
            try {
                PreviewImage p = I420Thumbnail.of(f, 320);
                assertEquals(320, p.width());
                assertEquals(180, p.height());
                int coloured = 0;
                for (int x = 0; x < 320; x += 4) {
                    int rgb = p.rgb()[100 * 320 + x];
                    int r = rgb >> 16 & 0xff;
                    int g = rgb >> 8 & 0xff;
                    int b = rgb & 0xff;
                    if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 100) {
                        coloured++;
                    }
                }
                assertTrue(coloured > 40, "saturated samples along a bar row: " + coloured + " of 80");
                int bottom = p.rgb()[178 * 320 + 160];
                assertTrue((bottom & 0xffffff) == 0 || (bottom & 0xffffff) == 0xffffff,
                        String.format("flash band is black or white: #%06x", bottom));
            } finally {
                f.release();
            }
        }
    }

    @Test
    void aPreviewNeverGetsWiderThanTheFrameAndANarrowWidthIsRefused() {
        VideoFrame f = VideoFrame.allocate(64, 36, 0);
        try {
            assertEquals(64, I420Thumbnail.of(f, 480).width());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> I420Thumbnail.of(f, 1));
            assertTrue(e.getMessage().contains("preview width 1"), e.getMessage());
        } finally {
            f.release();
        }
    }
}
