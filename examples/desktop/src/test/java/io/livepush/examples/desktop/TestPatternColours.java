package io.livepush.examples.desktop;

import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Checks that a picture read from the screen is the SDK's test pattern (see the capture module's
 * {@code PatternPainter}), whatever moment of its motion it shows: the upper two thirds are the eight
 * 75 % colour bars (white, yellow, cyan, green, magenta, red, blue, black at RGB levels 0 and 191),
 * the band from 2/3 to 5/6 a grey ramp, the bottom sixth black or white (the flash band). The
 * bars are sampled below the frame stamp (16 px cells, 256x128 in the top-left corner: at most the top
 * 36 % of a 640x360 picture); the bouncing box covers a few per cent, hence the fractions.
 */
final class TestPatternColours {
    /** The eight 75 % bars in RGB, as any BT.601 reader shows them. */
    static final int[][] BARS = {
        {191, 191, 191}, {191, 191, 0}, {0, 191, 191}, {0, 191, 0},
        {191, 0, 191}, {191, 0, 0}, {0, 0, 191}, {0, 0, 0},
    };
    /** Largest per-channel distance from a bar colour (the bars carry a small luma ramp, then scaling). */
    static final int BAR_TOLERANCE = 48;

    private TestPatternColours() {
    }

    /** @return null when the picture is the test pattern, else what differs */
    static String mismatch(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (w < 64 || h < 36) {
            return "picture is only " + w + "x" + h;
        }
        int samples = 0;
        int near = 0;
        int[] perBar = new int[BARS.length];
        for (int y = h * 40 / 100; y < h * 63 / 100; y += 3) { // below the stamp, above the ramp
            for (int x = 2; x < w - 2; x += 4) {
                int[] c = rgb(img.getRGB(x, y));
                samples++;
                int best = -1;
                int bestDist = Integer.MAX_VALUE;
                for (int b = 0; b < BARS.length; b++) {
                    int d = dist(c, BARS[b]);
                    if (d < bestDist) {
                        bestDist = d;
                        best = b;
                    }
                }
                if (bestDist <= BAR_TOLERANCE) {
                    near++;
                    perBar[best]++;
                }
            }
        }
        int barsSeen = 0;
        for (int n : perBar) {
            if (n >= samples / 50) {
                barsSeen++;
            }
        }
        if (near < samples * 90 / 100 || barsSeen < 7) {
            return String.format(Locale.ROOT, "bars region: %d of %d samples near a bar colour, %d of 8 bars seen",
                    near, samples, barsSeen);
        }
        if (!inOrder(img, h * 42 / 100) && !inOrder(img, h * 50 / 100) && !inOrder(img, h * 58 / 100)) {
            return "the bars are not in the order white, yellow, cyan, green, magenta, red, blue, black";
        }
        int greySamples = 0;
        int grey = 0;
        int min = 255;
        int max = 0;
        for (int y = h * 70 / 100; y < h * 80 / 100; y += 3) {
            for (int x = 2; x < w - 2; x += 3) {
                int[] c = rgb(img.getRGB(x, y));
                greySamples++;
                if (Math.abs(c[0] - c[1]) <= 12 && Math.abs(c[1] - c[2]) <= 12) {
                    grey++;
                    min = Math.min(min, c[1]);
                    max = Math.max(max, c[1]);
                }
            }
        }
        if (grey < greySamples * 75 / 100 || min > 60 || max < 190) {
            return String.format(Locale.ROOT, "ramp band: %d of %d samples grey, levels %d..%d", grey, greySamples, min,
                    max);
        }
        int bandSamples = 0;
        int flat = 0;
        for (int y = h * 88 / 100; y < h * 98 / 100; y += 3) {
            for (int x = 2; x < w - 2; x += 3) {
                int[] c = rgb(img.getRGB(x, y));
                bandSamples++;
                if (Math.max(c[0], Math.max(c[1], c[2])) <= 30 || Math.min(c[0], Math.min(c[1], c[2])) >= 225) {
                    flat++;
                }
            }
        }
        if (flat < bandSamples * 95 / 100) {
            return "flash band: " + flat + " of " + bandSamples + " samples black or white";
        }
        return null;
    }

    /**
     * @return true when, along row {@code y}, the bars follow one another in the test pattern's order
     *     (cyclically, as they scroll); runs shorter than 8 px (the bouncing box's checks) are skipped
     */
    static boolean inOrder(BufferedImage img, int y) {
        int previous = -1;
        int run = 0;
        int current = -1;
        int transitions = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            int bar = nearestBar(rgb(img.getRGB(x, y)));
            if (bar == current) {
                run++;
            } else {
                current = bar;
                run = 1;
            }
            if (run == 8 && bar >= 0 && bar != previous) {
                if (previous >= 0) {
                    if (bar != (previous + 1) % BARS.length) {
                        return false;
                    }
                    transitions++;
                }
                previous = bar;
            }
        }
        return transitions >= 6;
    }

    private static int nearestBar(int[] c) {
        for (int b = 0; b < BARS.length; b++) {
            if (dist(c, BARS[b]) <= BAR_TOLERANCE) {
                return b;
            }
        }
        return -1;
    }

    private static int[] rgb(int argb) {
        return new int[] {argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff};
    }

    private static int dist(int[] a, int[] b) {
        return Math.max(Math.abs(a[0] - b[0]), Math.max(Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2])));
    }
}
