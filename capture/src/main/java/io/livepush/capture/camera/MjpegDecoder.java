package io.livepush.capture.camera;

import io.livepush.capture.VideoFrame;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes one Motion-JPEG camera picture into an I420 frame with the JDK's JPEG reader, reading the
 * raw YCbCr raster (no colour conversion to RGB): JFIF full-range YCbCr is mapped to limited range
 * ({@code Y' = 16 + Y * 219 / 255}, {@code C' = 128 + (C - 128) * 224 / 255}) and chroma averaged
 * over 2x2.
 *
 * <p>UVC cameras leave out the Huffman tables (MJPEG's "DHT-less" JPEGs); this decoder inserts the
 * standard tables of ITU-T T.81 Annex K.3 before the first start-of-scan when no DHT segment came.
 * Owned by one thread.
 */
final class MjpegDecoder {
    private final ImageReader reader;
    private byte[] work = new byte[0];
    private byte[] y0 = new byte[0];
    private byte[] y1;
    private byte[] u;
    private byte[] v;

    MjpegDecoder() {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
        if (!it.hasNext()) {
            throw new IllegalStateException("this JDK has no JPEG reader (javax.imageio)");
        }
        reader = it.next();
    }

    /**
     * @param jpeg the picture bytes, {@code length} of them
     * @param dst the frame to fill; the picture must be at least its size (extra is cropped)
     * @throws IOException when the picture cannot be decoded or is smaller than the frame
     */
    void decode(java.nio.ByteBuffer jpeg, int length, VideoFrame dst) throws IOException {
        int n = withHuffmanTables(jpeg, length);
        Raster raster;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(work, 0, n))) {
            reader.setInput(in, true, true);
            raster = reader.readRaster(0, null);
        } finally {
            reader.setInput(null);
        }
        int w = dst.width();
        int h = dst.height();
        if (raster.getWidth() < w || raster.getHeight() < h || raster.getNumBands() != 3
                || !(raster.getDataBuffer() instanceof DataBufferByte)) {
            throw new IOException("MJPEG picture is " + raster.getWidth() + "x" + raster.getHeight() + " with "
                    + raster.getNumBands() + " components (expected at least " + w + "x" + h + " YCbCr)");
        }
        byte[] px = ((DataBufferByte) raster.getDataBuffer()).getData();
        int rowBytes = raster.getWidth() * 3;
        if (y0.length != w) {
            y0 = new byte[w];
            y1 = new byte[w];
            u = new byte[w / 2];
            v = new byte[w / 2];
        }
        java.nio.ByteBuffer out = dst.data();
        for (int r = 0; r < h; r += 2) {
            int a = r * rowBytes;
            int b = a + rowBytes;
            for (int x = 0, c = 0; x < w; x += 2, c++, a += 6, b += 6) {
                y0[x] = limitedY(px[a]);
                y0[x + 1] = limitedY(px[a + 3]);
                y1[x] = limitedY(px[b]);
                y1[x + 1] = limitedY(px[b + 3]);
                int cb = (px[a + 1] & 0xff) + (px[a + 4] & 0xff) + (px[b + 1] & 0xff) + (px[b + 4] & 0xff);
                int cr = (px[a + 2] & 0xff) + (px[a + 5] & 0xff) + (px[b + 2] & 0xff) + (px[b + 5] & 0xff);
                u[c] = limitedC(cb);
                v[c] = limitedC(cr);
            }
            out.put(dst.planeOffset(0) + r * dst.stride(0), y0, 0, w);
            out.put(dst.planeOffset(0) + (r + 1) * dst.stride(0), y1, 0, w);
            out.put(dst.planeOffset(1) + (r / 2) * dst.stride(1), u, 0, w / 2);
            out.put(dst.planeOffset(2) + (r / 2) * dst.stride(2), v, 0, w / 2);
        }
    }

    private static byte limitedY(byte full) {
        return (byte) (16 + ((full & 0xff) * 219 + 127) / 255);
    }

    /** @param sum4 the sum of four full-range chroma samples */
    private static byte limitedC(int sum4) {
        return (byte) (128 + Math.floorDiv((sum4 - 512) * 224 + 510, 1020));
    }

    /** Copies the picture into {@code work}, with the standard tables when it has none; @return its length */
    private int withHuffmanTables(java.nio.ByteBuffer jpeg, int length) throws IOException {
        if (length < 4 || (jpeg.get(0) & 0xff) != 0xFF || (jpeg.get(1) & 0xff) != 0xD8) {
            throw new IOException("MJPEG buffer of " + length + " bytes does not start with a JPEG SOI marker");
        }
        int sos = -1;
        boolean dht = false;
        int p = 2;
        while (p + 4 <= length) {
            if ((jpeg.get(p) & 0xff) != 0xFF) {
                break;
            }
            int marker = jpeg.get(p + 1) & 0xff;
            if (marker == 0xC4) {
                dht = true;
            }
            if (marker == 0xDA) {
                sos = p;
                break;
            }
            int segLen = (jpeg.get(p + 2) & 0xff) << 8 | (jpeg.get(p + 3) & 0xff);
            p += 2 + segLen;
        }
        int extra = dht || sos < 0 ? 0 : StandardHuffmanTables.DHT.length;
        if (work.length < length + extra) {
            work = new byte[length + extra];
        }
        if (extra == 0) {
            jpeg.get(0, work, 0, length);
        } else {
            jpeg.get(0, work, 0, sos);
            System.arraycopy(StandardHuffmanTables.DHT, 0, work, sos, extra);
            jpeg.get(sos, work, sos + extra, length - sos);
        }
        return length + extra;
    }
}
