package io.livepush.capture.convert;

/**
 * Byte order of a 32-bit packed RGB pixel in memory. X11 ZPixmap at depth 24/32 on a little-endian
 * machine, Windows DIBs and macOS {@code kCVPixelFormatType_32BGRA} are {@link #BGRA}.
 */
public enum RgbLayout {
    /** Bytes B, G, R, A (or X). */
    BGRA(2, 1, 0),
    /** Bytes R, G, B, A (or X). */
    RGBA(0, 1, 2);

    final int r;
    final int g;
    final int b;

    RgbLayout(int r, int g, int b) {
        this.r = r;
        this.g = g;
        this.b = b;
    }

    /** @return the byte index of red inside a pixel */
    public int redIndex() {
        return r;
    }

    /** @return the byte index of green inside a pixel */
    public int greenIndex() {
        return g;
    }

    /** @return the byte index of blue inside a pixel */
    public int blueIndex() {
        return b;
    }
}
