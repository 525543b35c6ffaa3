package io.livepush.capture.convert;

import java.nio.ByteBuffer;

/** Checks that a strided source picture lies inside its buffer; shared by the converters. */
final class SourceGeometry {
    private SourceGeometry() {
    }

    /**
     * @param what the plane's name for the message
     * @param rowBytes bytes each row needs
     * @throws IllegalArgumentException naming the geometry and the buffer size
     */
    static void check(String what, ByteBuffer src, int offset, int stride, int rowBytes, int rows) {
        if (src == null) {
            throw new IllegalArgumentException(what + " buffer is null");
        }
        if (offset < 0 || stride < rowBytes || rows < 1) {
            throw new IllegalArgumentException(what + " offset " + offset + ", stride " + stride + ", " + rows
                    + " rows not allowed (expected offset >= 0, stride >= " + rowBytes + " bytes, rows >= 1)");
        }
        long end = (long) offset + (long) stride * (rows - 1) + rowBytes;
        if (end > src.limit()) {
            throw new IllegalArgumentException(what + " of " + rows + " rows x stride " + stride + " from offset "
                    + offset + " needs " + end + " bytes but the buffer has " + src.limit());
        }
    }

    /** @throws IllegalArgumentException when width or height is odd or not positive */
    static void requireEven(int width, int height) {
        if (width < 2 || height < 2 || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("size " + width + "x" + height
                    + " is not allowed (expected even width and height >= 2)");
        }
    }
}
