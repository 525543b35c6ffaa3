package io.livepush.capture.screen;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.livepush.natives.x11.XFixesCursorImage;
import java.nio.ByteBuffer;

/**
 * Blends the X cursor (from XFIXES, premultiplied ARGB) onto a captured 32-bit image in the
 * capture's byte order, clipped to the captured region. The image is captured into memory this
 * process owns (shared memory or an XImage), so the cursor is drawn in place before conversion.
 */
final class CursorPainter {
    private CursorPainter() {
    }

    /**
     * @param cursor the cursor image, read
     * @param image the captured pixels, rows of {@code stride} bytes, 4 bytes per pixel
     * @param regionX screen x of the image's left edge
     * @param regionY screen y of the image's top edge
     * @param redIndex byte index of red in a pixel (2 for BGRA, 0 for RGBA)
     */
    static void paint(XFixesCursorImage cursor, ByteBuffer image, int stride, int width, int height, int regionX,
            int regionY, int redIndex) {
        int cw = cursor.width & 0xffff;
        int ch = cursor.height & 0xffff;
        if (cursor.pixels == null || cw == 0 || ch == 0) {
            return;
        }
        int left = cursor.x - (cursor.xhot & 0xffff) - regionX;
        int top = cursor.y - (cursor.yhot & 0xffff) - regionY;
        int blueIndex = 2 - redIndex;
        Pointer px = cursor.pixels;
        int unit = Native.LONG_SIZE;
        for (int cy = 0; cy < ch; cy++) {
            int iy = top + cy;
            if (iy < 0 || iy >= height) {
                continue;
            }
            for (int cx = 0; cx < cw; cx++) {
                int ix = left + cx;
                if (ix < 0 || ix >= width) {
                    continue;
                }
                long at = (long) (cy * cw + cx) * unit;
                int argb = unit == 8 ? (int) px.getLong(at) : px.getInt(at); // ARGB in the low 32 bits
                int a = argb >>> 24;
                if (a == 0) {
                    continue;
                }
                int p = iy * stride + ix * 4;
                int inv = 255 - a;
                blend(image, p + redIndex, argb >>> 16 & 0xff, inv);
                blend(image, p + 1, argb >>> 8 & 0xff, inv);
                blend(image, p + blueIndex, argb & 0xff, inv);
            }
        }
    }

    /** Premultiplied "over": {@code out = src + dst * (255 - a) / 255}. */
    private static void blend(ByteBuffer image, int at, int src, int inv) {
        int dst = image.get(at) & 0xff;
        image.put(at, (byte) Math.min(255, src + (dst * inv + 127) / 255));
    }
}
