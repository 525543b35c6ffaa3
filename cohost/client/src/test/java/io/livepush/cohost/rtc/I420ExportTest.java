package io.livepush.cohost.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class I420ExportTest {
    @ParameterizedTest(name = "{0}x{1} into strides padded by {2}")
    @CsvSource({"64, 36, 0", "64, 36, 32", "6, 4, 3", "1280, 720, 64"})
    void everyPixelLandsAtItsRowAndColumnWhateverTheDestinationStride(int w, int h, int pad) {
        VideoFrame src = VideoFrame.allocate(w, h, 0);
        try {
            ByteBuffer d = src.data();
            for (int i = 0; i < src.byteSize(); i++) {
                d.put(i, (byte) (i * 31 + 7));
            }
            int cw = w / 2;
            int ch = h / 2;
            ByteBuffer y = ByteBuffer.allocateDirect((w + pad) * h);
            ByteBuffer u = ByteBuffer.allocateDirect((cw + pad) * ch);
            ByteBuffer v = ByteBuffer.allocateDirect((cw + pad) * ch);
            I420Export.copyPlanes(src, y, w + pad, u, cw + pad, v, cw + pad);
            ByteBuffer[] planes = {y, u, v};
            for (int p = 0; p < 3; p++) {
                int stride = src.planeWidth(p) + pad;
                for (int r = 0; r < src.planeHeight(p); r++) {
                    for (int c = 0; c < src.planeWidth(p); c++) {
                        assertEquals(d.get(src.planeOffset(p) + r * src.stride(p) + c), planes[p].get(r * stride + c),
                                "plane " + p + " row " + r + " column " + c);
                    }
                }
            }
        } finally {
            src.release();
        }
    }

    @ParameterizedTest
    @CsvSource({"64, 36"})
    void aDestinationStrideShorterThanARowIsRefused(int w, int h) {
        VideoFrame src = VideoFrame.allocate(w, h, 0);
        try {
            ByteBuffer big = ByteBuffer.allocateDirect(w * h);
            assertThrows(IllegalArgumentException.class, () -> I420Export.copyPlanes(src, big, w - 2, big, w / 2, big, w / 2));
        } finally {
            src.release();
        }
    }
}
