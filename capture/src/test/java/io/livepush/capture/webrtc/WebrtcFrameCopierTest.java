package io.livepush.capture.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Platform;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.camera.CameraException;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.testing.Interop;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webrtc-java backend's frame path with real native frames: {@code NativeI420Buffer}s allocated by
 * webrtc-java (its strides, its memory) wrapped in webrtc {@code VideoFrame}s are copied into pooled
 * LivePush frames byte for byte, cropped when odd, scaled when of another size. (Desktop capture
 * itself crashes webrtc-java 0.14.0 under Xvfb, and there is no camera here, so frames from devices
 * cannot be tested on this machine.)
 */
class WebrtcFrameCopierTest {
    @BeforeAll
    static void webrtcLoads() {
        Interop.assumePeer(WebrtcCapture.unavailableReason() == null,
                "webrtc-java native library (apt-get install libpulse0): " + WebrtcCapture.unavailableReason());
    }

    @Test
    void aNativeI420FrameIsCopiedPlaneByPlaneHonouringItsStrides() {
        dev.onvoid.webrtc.media.video.VideoFrame frame = nativeFrame(64, 48);
        VideoFramePool pool = new VideoFramePool(64, 48, 2);
        VideoFrame out = new WebrtcFrameCopier(pool).copy(frame, 1234);
        NativeI420Buffer b = (NativeI420Buffer) frame.buffer;
        try {
            assertEquals(1234, out.ptsUs());
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 64; x++) {
                    assertEquals(b.getDataY().get(y * b.getStrideY() + x), out.data().get(y * 64 + x), "Y " + x + "," + y);
                }
            }
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 32; x++) {
                    assertEquals(b.getDataU().get(y * b.getStrideU() + x), out.data().get(out.planeOffset(1) + y * 32 + x));
                    assertEquals(b.getDataV().get(y * b.getStrideV() + x), out.data().get(out.planeOffset(2) + y * 32 + x));
                }
            }
        } finally {
            out.release();
            frame.release();
        }
    }

    @Test
    void anOddSizedFrameIsCroppedToEvenAndAnotherSizeIsScaled() {
        dev.onvoid.webrtc.media.video.VideoFrame odd = nativeFrame(65, 49);
        VideoFrame cropped = new WebrtcFrameCopier(new VideoFramePool(64, 48, 2)).copy(odd, 0);
        NativeI420Buffer b = (NativeI420Buffer) odd.buffer;
        assertEquals(b.getDataY().get(47 * b.getStrideY() + 63), cropped.data().get(47 * 64 + 63));
        cropped.release();
        odd.release();

        dev.onvoid.webrtc.media.video.VideoFrame big = nativeFrame(128, 96);
        VideoFrame half = new WebrtcFrameCopier(new VideoFramePool(64, 48, 2)).copy(big, 7);
        NativeI420Buffer bb = (NativeI420Buffer) big.buffer;
        int s = bb.getStrideY();
        int expect = ((bb.getDataY().get(0) & 0xff) + (bb.getDataY().get(1) & 0xff) + (bb.getDataY().get(s) & 0xff)
                + (bb.getDataY().get(s + 1) & 0xff) + 2) >> 2;
        assertEquals(expect, half.data().get(0) & 0xff, "2x2 box of the top-left block");
        assertEquals(7, half.ptsUs());
        half.release();
        big.release();
    }

    @Test
    void theNewestFrameWinsAndOlderOnesAreReleasedAndCounted() throws Exception {
        VideoFramePool pool = new VideoFramePool(2, 2, 4);
        LatestFrame latest = new LatestFrame();
        VideoFrame a = pool.acquire(1);
        VideoFrame b = pool.acquire(2);
        latest.offer(a);
        latest.offer(b);
        assertFalse(a.isLive(), "the replaced frame went back to the pool");
        assertEquals(1, latest.dropped());
        VideoFrame got = latest.take(10);
        assertEquals(2, got.ptsUs());
        got.release();
        assertNull(latest.take(10), "nothing pending: times out");
        latest.close();
        VideoFrame c = pool.acquire(3);
        latest.offer(c);
        assertFalse(c.isLive(), "offers after close are released");
    }

    @Test
    void aWebrtcCameraThatDoesNotExistIsNotFoundListingTheCamerasWebrtcSees() {
        CameraException e = assertThrows(CameraException.class,
                () -> WebrtcCamera.open("no-such-camera-xyz", 640, 360, 30, new MediaClock()));
        assertEquals(CameraException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("no webrtc camera named 'no-such-camera-xyz' (cameras found: "),
                e.getMessage());
    }

    @Test
    void webrtcDesktopCaptureIsRefusedOnLinuxSayingWhy() {
        if (!Platform.isLinux()) {
            return;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebrtcScreen.open("", 1280, 720, FrameRate.of(30), new MediaClock()));
        assertTrue(e.getMessage().contains("crashed the JVM") && e.getMessage().contains("screen:DISPLAY"),
                e.getMessage());
    }

    /** A real webrtc frame: a NativeI420Buffer with a distinct value per sample position. */
    private static dev.onvoid.webrtc.media.video.VideoFrame nativeFrame(int w, int h) {
        NativeI420Buffer b = NativeI420Buffer.allocate(w, h);
        fill(b.getDataY(), b.getStrideY(), w, h, 0);
        fill(b.getDataU(), b.getStrideU(), (w + 1) / 2, (h + 1) / 2, 50);
        fill(b.getDataV(), b.getStrideV(), (w + 1) / 2, (h + 1) / 2, 150);
        return new dev.onvoid.webrtc.media.video.VideoFrame(b, 0);
    }

    private static void fill(ByteBuffer plane, int stride, int w, int h, int base) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                plane.put(y * stride + x, (byte) (base + 3 * x + 7 * y));
            }
        }
    }
}
