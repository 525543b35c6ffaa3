package io.livepush.examples.desktop;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The IT's picture check accepts the test pattern at any moment of its motion and refuses look-alikes. */
class TestPatternColoursTest {
    @Test
    void theTestPatternIsRecognisedThroughoutTwoSecondsOfMotionAtBothSizesTheItUses() throws Exception {
        for (int[] size : new int[][] {{1280, 720}, {640, 360}}) {
            try (TestPatternSource src = TestPatternSource.builder().size(size[0], size[1]).frameRate(FrameRate.of(30))
                    .clock(new MediaClock()).realtime(false).build()) {
                for (int i = 0; i < 60; i++) {
                    VideoFrame f = src.read();
                    BufferedImage img = image(I420Thumbnail.of(f, 480));
                    f.release();
                    assertNull(TestPatternColours.mismatch(img), size[0] + "x" + size[1] + " frame " + i);
                }
            }
        }
    }

    @Test
    void swappedColourChannelsBlackAndGreyPicturesAreRefused() throws Exception {
        BufferedImage good;
        try (TestPatternSource src = TestPatternSource.builder().size(640, 360).clock(new MediaClock()).realtime(false)
                .build()) {
            VideoFrame f = src.read();
            good = image(I420Thumbnail.of(f, 480));
            f.release();
        }
        BufferedImage swapped = new BufferedImage(good.getWidth(), good.getHeight(), BufferedImage.TYPE_INT_RGB);
        BufferedImage black = new BufferedImage(good.getWidth(), good.getHeight(), BufferedImage.TYPE_INT_RGB);
        BufferedImage grey = new BufferedImage(good.getWidth(), good.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < good.getHeight(); y++) {
            for (int x = 0; x < good.getWidth(); x++) {
                int c = good.getRGB(x, y);
                swapped.setRGB(x, y, (c & 0xff) << 16 | (c & 0xff00) | (c >> 16 & 0xff));
                int l = ((c >> 16 & 0xff) + (c >> 8 & 0xff) + (c & 0xff)) / 3;
                grey.setRGB(x, y, l << 16 | l << 8 | l);
            }
        }
        String why = TestPatternColours.mismatch(swapped);
        assertTrue(why != null && why.contains("order"), "red/blue swapped: " + why);
        assertNotNull(TestPatternColours.mismatch(black));
        assertNotNull(TestPatternColours.mismatch(grey));
    }

    private static BufferedImage image(PreviewImage p) {
        BufferedImage img = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, p.width(), p.height(), p.rgb(), 0, p.width());
        return img;
    }
}
