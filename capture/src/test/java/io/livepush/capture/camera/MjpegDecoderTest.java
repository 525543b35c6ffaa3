package io.livepush.capture.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.convert.RgbToI420;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * MJPEG pictures as UVC cameras send them (no Huffman tables) decode exactly like the same pictures
 * with tables, and colours land on the BT.601 limited-range values.
 */
class MjpegDecoderTest {
    @Test
    void aPictureWithoutHuffmanTablesDecodesExactlyLikeTheSamePictureWithThem() throws Exception {
        byte[] jpeg = colourBlocks(1280, 720);
        byte[] stripped = withoutDht(jpeg);
        assertTrue(stripped.length < jpeg.length, "DHT segments removed");
        VideoFrame a = decode(jpeg, 1280, 720);
        VideoFrame b = decode(stripped, 1280, 720);
        for (int i = 0; i < a.byteSize(); i++) {
            if (a.data().get(i) != b.data().get(i)) {
                throw new AssertionError("byte " + i + " differs");
            }
        }
    }

    @Test
    void blockColoursComeOutAsTheirBt601LimitedRangeValues() throws Exception {
        VideoFrame f = decode(withoutDht(colourBlocks(640, 480)), 640, 480);
        int[][] expect = {{80, 60, 255, 0, 0}, {400, 60, 0, 255, 0}, {80, 300, 0, 0, 255}, {400, 300, 255, 255, 255}};
        for (int[] e : expect) {
            int y = f.data().get(e[1] * 640 + e[0]) & 0xff;
            int u = f.data().get(f.planeOffset(1) + (e[1] / 2) * 320 + e[0] / 2) & 0xff;
            int v = f.data().get(f.planeOffset(2) + (e[1] / 2) * 320 + e[0] / 2) & 0xff;
            String msg = "at " + e[0] + "," + e[1] + ": " + y + "/" + u + "/" + v;
            assertEquals(RgbToI420.luma(e[2], e[3], e[4]), y, 3, msg);
            assertEquals(RgbToI420.cb(e[2], e[3], e[4]), u, 4, msg);
            assertEquals(RgbToI420.cr(e[2], e[3], e[4]), v, 4, msg);
        }
    }

    @Test
    void decodingA720pPictureTakesThisLongOnOneThread() throws Exception {
        byte[] jpeg = withoutDht(colourBlocks(1280, 720));
        MjpegDecoder d = new MjpegDecoder();
        VideoFrame f = VideoFrame.allocate(1280, 720, 0);
        ByteBuffer in = ByteBuffer.allocateDirect(jpeg.length).put(jpeg).clear();
        for (int i = 0; i < 20; i++) {
            d.decode(in, jpeg.length, f);
        }
        int n = 40;
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            d.decode(in, jpeg.length, f);
        }
        double ms = (System.nanoTime() - t) / 1e6 / n;
        System.out.printf("[figure] MJPEG 1280x720 decode (JDK ImageIO raster + YCbCr->I420): %.2f ms/frame%n", ms);
        assertTrue(ms > 0);
    }

    @Test
    void bytesThatAreNotAJpegAreRejected() {
        MjpegDecoder d = new MjpegDecoder();
        IOException e = assertThrows(IOException.class,
                () -> d.decode(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}), 5, VideoFrame.allocate(2, 2, 0)));
        assertTrue(e.getMessage().contains("does not start with a JPEG SOI marker"), e.getMessage());
    }

    static VideoFrame decode(byte[] jpeg, int w, int h) throws IOException {
        VideoFrame f = VideoFrame.allocate(w, h, 0);
        new MjpegDecoder().decode(ByteBuffer.wrap(jpeg), jpeg.length, f);
        return f;
    }

    /** Four solid blocks (red, green, blue, white) as a baseline JPEG with the standard tables. */
    static byte[] colourBlocks(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        Color[] c = {Color.RED, Color.GREEN, Color.BLUE, Color.WHITE};
        for (int i = 0; i < 4; i++) {
            g.setColor(c[i]);
            g.fillRect((i % 2) * w / 2, (i / 2) * h / 2, w / 2, h / 2);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    /** Removes every DHT (FFC4) segment before the scan, as UVC MJPEG frames come. */
    static byte[] withoutDht(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int p = 2;
        while (p < jpeg.length) {
            int marker = jpeg[p + 1] & 0xff;
            if (marker == 0xDA) {
                out.write(jpeg, p, jpeg.length - p);
                break;
            }
            int len = (jpeg[p + 2] & 0xff) << 8 | (jpeg[p + 3] & 0xff);
            if (marker != 0xC4) {
                out.write(jpeg, p, 2 + len);
            }
            p += 2 + len;
        }
        byte[] r = out.toByteArray();
        assertTrue(!Arrays.equals(r, jpeg));
        return r;
    }
}
