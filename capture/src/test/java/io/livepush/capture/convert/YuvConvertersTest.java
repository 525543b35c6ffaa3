package io.livepush.capture.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** YUYV, NV12 and strided I420 into I420: byte-exact small vectors. */
class YuvConvertersTest {
    @Test
    void yuyvKeepsLumaAndAveragesTheChromaOfEachRowPair() {
        // 4x2 YUYV, stride 10 (2 padding bytes per row): Y0 U Y1 V Y2 U Y3 V
        byte[] yuyv = {
            10, 100, 11, (byte) 200, 12, 50, 13, 60, -1, -1,
            20, 102, 21, (byte) 203, 22, 51, 23, 61, -1, -1};
        VideoFrame f = VideoFrame.allocate(4, 2, 0);
        new YuyvToI420(4).convert(ByteBuffer.wrap(yuyv), 0, 10, f);
        assertArrayEquals(new byte[] {10, 11, 12, 13, 20, 21, 22, 23}, bytes(f.plane(0)));
        assertArrayEquals(new byte[] {101, 51}, bytes(f.plane(1)), "U: (100+102+1)/2, (50+51+1)/2");
        assertArrayEquals(new byte[] {(byte) 202, 61}, bytes(f.plane(2)), "V: (200+203+1)/2, (60+61+1)/2");
    }

    @Test
    void nv12DeinterleavesChromaAndCopiesLumaWithStrides() {
        // 4x2: Y plane stride 6, UV plane at offset 12 stride 6.
        byte[] nv12 = {1, 2, 3, 4, 0, 0, 5, 6, 7, 8, 0, 0, 30, 40, 31, 41, 0, 0};
        VideoFrame f = VideoFrame.allocate(4, 2, 0);
        new Nv12ToI420(4).convert(ByteBuffer.wrap(nv12), 0, 6, 12, 6, f);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, bytes(f.plane(0)));
        assertArrayEquals(new byte[] {30, 31}, bytes(f.plane(1)));
        assertArrayEquals(new byte[] {40, 41}, bytes(f.plane(2)));
    }

    @Test
    void contiguousI420WithPaddedRowsIsCopiedPlaneByPlane() {
        // 2x2, Y stride 4, chroma stride 2: Y rows "1 2 . ." "3 4 . .", then U row "9 .", V row "7 .".
        byte[] i420 = {1, 2, 0, 0, 3, 4, 0, 0, 9, 0, 7, 0};
        VideoFrame f = VideoFrame.allocate(2, 2, 0);
        I420Copy.copyContiguous(ByteBuffer.wrap(i420), 0, 4, f);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 9, 7}, bytes(f.data().duplicate().clear()));
    }

    @Test
    void threeStridedPlanesAreCopiedAndShortPlanesRejected() {
        VideoFrame f = VideoFrame.allocate(2, 2, 0);
        I420Copy.copy(ByteBuffer.wrap(new byte[] {1, 2, 0, 3, 4}), 3, ByteBuffer.wrap(new byte[] {5}), 1,
                ByteBuffer.wrap(new byte[] {6}), 1, f);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, bytes(f.data().duplicate().clear()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> I420Copy.copy(
                ByteBuffer.allocate(3), 2, ByteBuffer.allocate(1), 1, ByteBuffer.allocate(1), 1, f));
        assertTrue(e.getMessage().startsWith("I420 Y plane") && e.getMessage().contains("has 3"), e.getMessage());
    }

    @Test
    void nv12WithAUvPlaneOutsideTheBufferIsRejected() {
        VideoFrame f = VideoFrame.allocate(4, 2, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Nv12ToI420(4).convert(ByteBuffer.allocate(10), 0, 4, 8, 4, f));
        assertTrue(e.getMessage().startsWith("NV12 UV plane"), e.getMessage());
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
