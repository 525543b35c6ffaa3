package io.livepush.capture.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class RgbToI420Test {
    @ParameterizedTest(name = "{0},{1},{2} -> Y {3} U {4} V {5}")
    @CsvSource({
            "0,0,0,16,128,128",
            "255,255,255,235,128,128",
            "255,0,0,82,90,240",
            "0,255,0,144,54,34",
            "0,0,255,41,240,110",
            "128,128,128,126,128,128"})
    void solidColoursGiveTheBt601LimitedRangeValues(int r, int g, int b, int y, int u, int v) {
        for (RgbLayout layout : RgbLayout.values()) {
            VideoFrame f = VideoFrame.allocate(4, 2, 0);
            ByteBuffer src = solid(layout, 4, 2, r, g, b);
            new RgbToI420(layout, 4).convert(src, 0, 16, f);
            assertEquals(y, f.data().get(0) & 0xff, layout + " Y");
            assertEquals(y, f.data().get(7) & 0xff, layout + " Y last");
            assertEquals(u, f.data().get(f.planeOffset(1)) & 0xff, layout + " U");
            assertEquals(v, f.data().get(f.planeOffset(2)) & 0xff, layout + " V");
            f.release();
        }
    }

    @Test
    void chromaIsTheAverageOfEachTwoByTwoBlock() {
        // Left block: two red and two blue pixels; chroma of the mean colour (127.5, 0, 127.5).
        ByteBuffer src = ByteBuffer.allocate(4 * 2 * 2);
        put(src, RgbLayout.BGRA, 0, 255, 0, 0);
        put(src, RgbLayout.BGRA, 4, 0, 0, 255);
        put(src, RgbLayout.BGRA, 8, 0, 0, 255);
        put(src, RgbLayout.BGRA, 12, 255, 0, 0);
        VideoFrame f = VideoFrame.allocate(2, 2, 0);
        new RgbToI420(RgbLayout.BGRA, 2).convert(src, 0, 8, f);
        int sr = 510;
        int sb = 510;
        assertEquals(((-38 * sr + 112 * sb + 512) >> 10) + 128, f.data().get(f.planeOffset(1)) & 0xff);
        assertEquals(((112 * sr - 18 * sb + 512) >> 10) + 128, f.data().get(f.planeOffset(2)) & 0xff);
        assertEquals(RgbToI420.luma(255, 0, 0), f.data().get(0) & 0xff);
        assertEquals(RgbToI420.luma(0, 0, 255), f.data().get(1) & 0xff);
    }

    @ParameterizedTest
    @EnumSource(RgbLayout.class)
    void randomPicturesMatchTheFloatingPointBt601FormulasWithinOne(RgbLayout layout) {
        int w = 64;
        int h = 36;
        int stride = w * 4 + 12; // padded rows, offset start
        int offset = 40;
        ByteBuffer src = ByteBuffer.allocateDirect(offset + stride * h);
        Random rnd = new Random(7);
        for (int i = 0; i < src.capacity(); i++) {
            src.put(i, (byte) rnd.nextInt(256));
        }
        VideoFrame f = VideoFrame.allocate(w, h, 0);
        new RgbToI420(layout, 128).convert(src, offset, stride, f);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = offset + y * stride + x * 4;
                double ref = 16 + (65.738 * r(src, layout, p) + 129.057 * g(src, layout, p) + 25.064 * b(src, layout, p)) / 256;
                assertEquals(ref, f.data().get(y * w + x) & 0xff, 1.0, "Y at " + x + "," + y);
            }
        }
        for (int y = 0; y < h / 2; y++) {
            for (int x = 0; x < w / 2; x++) {
                double rr = 0, gg = 0, bb = 0;
                for (int k = 0; k < 4; k++) {
                    int p = offset + (2 * y + k / 2) * stride + (2 * x + k % 2) * 4;
                    rr += r(src, layout, p) / 4.0;
                    gg += g(src, layout, p) / 4.0;
                    bb += b(src, layout, p) / 4.0;
                }
                double u = 128 + (-37.945 * rr - 74.494 * gg + 112.439 * bb) / 256;
                double v = 128 + (112.439 * rr - 94.154 * gg - 18.285 * bb) / 256;
                assertEquals(u, f.data().get(f.planeOffset(1) + y * w / 2 + x) & 0xff, 1.0, "U at " + x + "," + y);
                assertEquals(v, f.data().get(f.planeOffset(2) + y * w / 2 + x) & 0xff, 1.0, "V at " + x + "," + y);
            }
        }
    }

    @Test
    void aSourceTooSmallForTheFrameIsRejectedNamingTheBytesNeeded() {
        VideoFrame f = VideoFrame.allocate(4, 4, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RgbToI420(RgbLayout.BGRA, 4).convert(ByteBuffer.allocate(60), 0, 16, f));
        assertTrue(e.getMessage().contains("needs 64 bytes but the buffer has 60"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RgbToI420(RgbLayout.BGRA, 4).convert(ByteBuffer.allocate(64), 0, 12, f));
        assertTrue(e.getMessage().contains("stride 12") && e.getMessage().contains("stride >= 16"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RgbToI420(RgbLayout.BGRA, 3));
        assertTrue(e.getMessage().contains("width 3") && e.getMessage().contains("even"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RgbToI420(RgbLayout.BGRA, 2).convert(ByteBuffer.allocate(64), 0, 16, f));
        assertTrue(e.getMessage().contains("width 4 exceeds"), e.getMessage());
    }

    private static ByteBuffer solid(RgbLayout layout, int w, int h, int r, int g, int b) {
        ByteBuffer src = ByteBuffer.allocate(w * h * 4);
        for (int i = 0; i < w * h; i++) {
            put(src, layout, i * 4, r, g, b);
        }
        return src;
    }

    private static void put(ByteBuffer buf, RgbLayout layout, int p, int r, int g, int b) {
        buf.put(p + layout.redIndex(), (byte) r);
        buf.put(p + layout.greenIndex(), (byte) g);
        buf.put(p + layout.blueIndex(), (byte) b);
        buf.put(p + 3, (byte) 0xff);
    }

    private static int r(ByteBuffer s, RgbLayout l, int p) {
        return s.get(p + l.redIndex()) & 0xff;
    }

    private static int g(ByteBuffer s, RgbLayout l, int p) {
        return s.get(p + l.greenIndex()) & 0xff;
    }

    private static int b(ByteBuffer s, RgbLayout l, int p) {
        return s.get(p + l.blueIndex()) & 0xff;
    }
}
