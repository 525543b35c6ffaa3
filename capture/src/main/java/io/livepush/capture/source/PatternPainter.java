package io.livepush.capture.source;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;

/**
 * Draws the {@link TestPatternSource} picture into an I420 frame. Every row is a bulk copy from a
 * row prepared once at construction, so a frame costs a few thousand {@code memcpy}s and no
 * allocation.
 *
 * <pre>
 * rows 0 .. 2/3 H      eight colour bars (75 % bars, hue-rotated by the base hue), each with a small
 *                      luma ramp, scrolling right at W/4 pixels per second
 * rows 2/3 .. 5/6 H    a grey sawtooth ramp (luma 16..235, period W/2) scrolling left at W/3 px/s
 * rows 5/6 H .. H      the flash band: white (235) on a flash frame, black (16) otherwise
 * box                  an H/6 square checkerboard (8 px checks) bouncing over the upper 5/6
 * </pre>
 *
 * Motion is a function of the presentation time, so a skipped frame shows as a jump, as a real
 * camera would. Not thread-safe: one painter per source thread.
 */
final class PatternPainter {
    /** 75 % colour bars in BT.601 video range: Y, U, V. */
    private static final int[][] BARS = {
        {180, 128, 128}, {162, 44, 142}, {131, 156, 44}, {112, 72, 58},
        {84, 184, 198}, {65, 100, 212}, {35, 212, 114}, {16, 128, 128},
    };
    private static final int CHECK = 8;

    private final int width;
    private final int height;
    private final int barsEnd;
    private final int rampEnd;
    private final int box;
    private final byte[] barY;
    private final byte[] barU;
    private final byte[] barV;
    private final byte[] rampY;
    private final byte[] white;
    private final byte[] black;
    private final byte[] neutral;
    private final byte[][] boxY;
    private final byte[] boxU;
    private final byte[] boxV;

    PatternPainter(int width, int height, double hueDegrees) {
        this.width = width;
        this.height = height;
        this.barsEnd = even(height * 2 / 3);
        this.rampEnd = even(height * 5 / 6);
        this.box = Math.max(2, even(Math.min(height / 6, width / 2)));
        int cw = width / 2;
        double hue = Math.toRadians(hueDegrees);
        barY = new byte[2 * width];
        barU = new byte[2 * cw];
        barV = new byte[2 * cw];
        int barWidth = Math.max(1, width / BARS.length);
        for (int x = 0; x < 2 * width; x++) {
            int xi = x % width;
            int bar = Math.min(BARS.length - 1, xi / barWidth);
            int ramp = (xi % barWidth) * 24 / barWidth - 12;
            barY[x] = clamp(BARS[bar][0] + ramp, 16, 235);
        }
        for (int cx = 0; cx < 2 * cw; cx++) {
            int bar = Math.min(BARS.length - 1, ((2 * cx) % width) / barWidth);
            int[] uv = rotate(BARS[bar][1], BARS[bar][2], hue);
            barU[cx] = (byte) uv[0];
            barV[cx] = (byte) uv[1];
        }
        rampY = new byte[2 * width];
        int period = Math.max(2, width / 2);
        for (int x = 0; x < 2 * width; x++) {
            rampY[x] = (byte) (16 + (x % period) * 219 / period);
        }
        white = filled(width, 235);
        black = filled(width, 16);
        neutral = filled(cw, 128);
        boxY = new byte[][] {new byte[box], new byte[box]};
        for (int x = 0; x < box; x++) {
            boolean odd = (x / CHECK) % 2 == 1;
            boxY[0][x] = (byte) (odd ? 90 : 200);
            boxY[1][x] = (byte) (odd ? 200 : 90);
        }
        // The box is orange at hue 0 and turns with the bars.
        int[] uv = rotate(64, 200, hue);
        boxU = filled(box / 2, uv[0]);
        boxV = filled(box / 2, uv[1]);
    }

    /** @return the first row of the flash band */
    int flashBandTop() {
        return rampEnd;
    }

    /** Paints the whole picture for time {@code ptsUs}; the stamp is drawn on top by the caller. */
    void paint(VideoFrame frame, long ptsUs, boolean flash) {
        ByteBuffer d = frame.data();
        int yOff = frame.planeOffset(0);
        int ys = frame.stride(0);
        int uOff = frame.planeOffset(1);
        int vOff = frame.planeOffset(2);
        int cs = frame.stride(1);
        int cw = width / 2;
        int barShift = even(offset(ptsUs, width / 4, width));
        int rampShift = even(offset(ptsUs, width / 3, width));
        int barStart = width - barShift;
        for (int y = 0; y < height; y++) {
            int row = yOff + y * ys;
            if (y < barsEnd) {
                d.put(row, barY, barStart, width);
            } else if (y < rampEnd) {
                d.put(row, rampY, rampShift, width);
            } else {
                d.put(row, flash ? white : black, 0, width);
            }
        }
        for (int cy = 0; cy < height / 2; cy++) {
            if (2 * cy < barsEnd) {
                d.put(uOff + cy * cs, barU, barStart / 2, cw);
                d.put(vOff + cy * cs, barV, barStart / 2, cw);
            } else {
                d.put(uOff + cy * cs, neutral, 0, cw);
                d.put(vOff + cy * cs, neutral, 0, cw);
            }
        }
        int bx = even(bounce(ptsUs, width / 3, width - box));
        int by = even(bounce(ptsUs, height / 4, rampEnd - box));
        for (int y = 0; y < box; y++) {
            d.put(yOff + (by + y) * ys + bx, boxY[(y / CHECK) % 2], 0, box);
        }
        for (int cy = 0; cy < box / 2; cy++) {
            d.put(uOff + (by / 2 + cy) * cs + bx / 2, boxU, 0, box / 2);
            d.put(vOff + (by / 2 + cy) * cs + bx / 2, boxV, 0, box / 2);
        }
    }

    /** @return how far something moving at {@code speed} px/s has travelled at {@code ptsUs}, modulo {@code period} */
    private static int offset(long ptsUs, int speed, int period) {
        return (int) Math.floorMod(Math.floorDiv(ptsUs * speed, 1_000_000L), (long) period);
    }

    /** @return a position in [0, range] moving back and forth at {@code speed} px/s */
    private static int bounce(long ptsUs, int speed, int range) {
        if (range <= 0) {
            return 0;
        }
        int p = offset(ptsUs, speed, 2 * range);
        return p <= range ? p : 2 * range - p;
    }

    private static int[] rotate(int u, int v, double hue) {
        double cu = u - 128;
        double cv = v - 128;
        double ru = cu * Math.cos(hue) - cv * Math.sin(hue);
        double rv = cu * Math.sin(hue) + cv * Math.cos(hue);
        return new int[] {clamp((int) Math.round(ru) + 128, 16, 240) & 0xFF, clamp((int) Math.round(rv) + 128, 16, 240) & 0xFF};
    }

    private static byte clamp(int v, int lo, int hi) {
        return (byte) Math.max(lo, Math.min(hi, v));
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    private static int even(int v) {
        return v & ~1;
    }
}
