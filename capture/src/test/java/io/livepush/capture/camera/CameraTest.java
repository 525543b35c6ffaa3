package io.livepush.capture.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import com.sun.jna.LastErrorException;
import io.livepush.capture.VideoFrame;
import io.livepush.natives.libc.Posix;
import io.livepush.natives.v4l2.V4l2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The V4L2 camera through its ioctl layer: a Mockito {@link io.livepush.natives.libc.LibC} answers
 * like a camera ({@link RecordedCamera}), so negotiation, buffer handling and every errno path run
 * without a device.
 */
class CameraTest {
    private final List<Throwable> reported = new ArrayList<>();

    private static RecordedCamera typicalUvcCamera() throws Exception {
        // Like many UVC webcams: YUYV is only fast at small sizes, MJPEG is fast at all sizes.
        return new RecordedCamera()
                .offer("YUYV", 640, 480, 30, 15)
                .offer("YUYV", 1280, 720, 10, 5)
                .offer("MJPG", 640, 480, 30)
                .offer("MJPG", 1280, 720, 30, 15);
    }

    @Test
    void negotiationPrefersAFormatThatReachesTheRateAtTheAskedSizeAndSaysSo() throws Exception {
        RecordedCamera dev = typicalUvcCamera();
        try (Camera cam = Camera.builder(RecordedCamera.PATH).libc(dev.libc).size(1280, 720).fps(30).open()) {
            assertEquals("MJPG 1280x720@30", cam.negotiation().chosen().toString());
            assertEquals("asked any 1280x720@30, chose MJPG 1280x720@30", cam.negotiation().summary());
            assertEquals(V4l2.V4L2_PIX_FMT_MJPEG, dev.lastFormat.pixelformat);
            assertEquals(V4l2.V4L2_FIELD_NONE, dev.lastFormat.field);
            assertEquals(30.0, dev.lastRate, 1e-9);
            assertEquals(1280, cam.format().width());
        }
    }

    @Test
    void negotiationPicksTheCheaperFormatWhenBothReachTheRate() throws Exception {
        RecordedCamera dev = typicalUvcCamera();
        try (Camera cam = Camera.builder(RecordedCamera.PATH).libc(dev.libc).size(640, 480).fps(30).open()) {
            assertEquals("YUYV 640x480@30", cam.negotiation().chosen().toString());
        }
    }

    @Test
    void anUnofferedSizeGetsTheClosestOneScaledToTheAskedSize() throws Exception {
        RecordedCamera dev = typicalUvcCamera();
        dev.dqbuf.add(new RecordedCamera.Picture(RecordedCamera.yuyv(640, 480, 100, 60, 200), 0));
        try (Camera cam = Camera.builder(RecordedCamera.PATH).libc(dev.libc).size(800, 600).fps(30).open()) {
            assertEquals("YUYV 640x480@30", cam.negotiation().chosen().toString());
            assertTrue(cam.negotiation().summary().endsWith("(scaled to 800x600)"), cam.negotiation().summary());
            VideoFrame f = cam.read();
            assertEquals(800, f.width());
            assertEquals(100, f.data().get(0) & 0xff);
            assertEquals(60, f.data().get(f.planeOffset(1)) & 0xff);
            assertEquals(200, f.data().get(f.planeOffset(2) + 10) & 0xff);
            f.release();
        }
    }

    @Test
    void streamingMapsFourBuffersQueuesThemAndStartsInThatOrder() throws Exception {
        RecordedCamera dev = typicalUvcCamera();
        try (Camera cam = Camera.builder(RecordedCamera.PATH).libc(dev.libc).size(640, 480).open()) {
            List<String> tail = dev.calls.subList(dev.calls.indexOf("S_FMT"), dev.calls.size());
            assertEquals(List.of("S_FMT", "G_PARM", "S_PARM", "REQBUFS", "QUERYBUF", "QBUF", "QUERYBUF", "QBUF",
                    "QUERYBUF", "QBUF", "QUERYBUF", "QBUF", "STREAMON"), tail);
            assertEquals(4, dev.queued.size());
        }
        assertEquals("STREAMOFF", dev.calls.get(dev.calls.size() - 2));
        assertEquals("REQBUFS", dev.calls.get(dev.calls.size() - 1));
        assertEquals(4, dev.unmapped);
        assertTrue(dev.closed);
    }

    @Test
    void eachFrameIsConvertedAndItsBufferRequeuedAndEagainOrEintrOnlyDelayIt() throws Exception {
        RecordedCamera dev = typicalUvcCamera();
        dev.dqbuf.add(Posix.EAGAIN);
        dev.dqbuf.add(Posix.EINTR);
        dev.dqbuf.add(new RecordedCamera.Picture(RecordedCamera.yuyv(640, 480, 50, 128, 128), 0));
        for (int i = 0; i < 6; i++) {
            dev.dqbuf.add(new RecordedCamera.Picture(RecordedCamera.yuyv(640, 480, 60 + i, 128, 128), 0));
        }
        try (Camera cam = Camera.builder(RecordedCamera.PATH).libc(dev.libc).size(640, 480).open()) {
            cam.setErrorListener((s, e) -> reported.add(e));
            long last = -1;
            for (int i = 0; i < 7; i++) {
                VideoFrame f = cam.read();
                assertEquals(i == 0 ? 50 : 59 + i, f.data().get(1234) & 0xff, "frame " + i);
                assertTrue(f.ptsUs() >= last, "pts do not go back");
                last = f.ptsUs();
                f.release();
                assertEquals(4, dev.queued.size(), "every buffer is back with the driver after frame " + i);
            }
            assertTrue(reported.isEmpty(), "EAGAIN/EINTR are not errors: " + reported);
            assertTrue(cam.pool().allocatedCount() <= 2, "frames are pooled: " + cam.pool().allocatedCount());
        }
    }

    @Test
    void aCorruptBufferAndAnEioAreReportedAndSkipped() throws Exception {
        RecordedCamera dev = typicalUvcCamera();
        dev.dqbuf.add(new RecordedCamera.Picture(RecordedCamera.yuyv(640, 480, 1, 128, 128), V4l2.V4L2_BUF_FLAG_ERROR));
        dev.dqbuf.add(Posix.EIO);
        dev.dqbuf.add("timeout");
        dev.dqbuf.add(new RecordedCamera.Picture(RecordedCamera.yuyv(640, 480, 77, 128, 128), 0));
        try (Camera cam = Camera.builder(RecordedCamera.PATH).libc(dev.libc).size(640, 480).open()) {
            cam.setErrorListener((s, e) -> reported.add(e));
            VideoFrame f = cam.read();
            assertEquals(77, f.data().get(0) & 0xff);
            f.release();
            assertEquals(3, reported.size(), "reported: " + reported);
            assertTrue(reported.get(0).getMessage().contains("corrupt"), reported.get(0).getMessage());
            assertTrue(reported.get(1).getMessage().contains("EIO"), reported.get(1).getMessage());
            assertTrue(reported.get(2).getMessage().contains("no frame for 1000 ms"), reported.get(2).getMessage());
            assertEquals(4, dev.queued.size(), "the corrupt buffer went back to the driver");
        }
    }

    @Test
    void unpluggingMidStreamIsReportedThenThrownAndCloseStillFreesEverything() throws Exception {
        RecordedCamera dev = typicalUvcCamera();
        dev.dqbuf.add(new RecordedCamera.Picture(RecordedCamera.yuyv(640, 480, 90, 128, 128), 0));
        dev.dqbuf.add(Posix.ENODEV);
        Camera cam = Camera.builder(RecordedCamera.PATH).libc(dev.libc).size(640, 480).open();
        cam.setErrorListener((s, e) -> reported.add(e));
        cam.read().release();
        CameraException e = assertThrows(CameraException.class, cam::read);
        assertEquals(CameraException.Reason.LOST, e.reason());
        assertTrue(e.getMessage().contains(RecordedCamera.PATH) && e.getMessage().contains("unplugged"), e.getMessage());
        assertEquals(1, reported.size());
        assertEquals(CameraException.Reason.LOST, ((CameraException) reported.get(0)).reason());
        assertThrows(CameraException.class, cam::read, "stays lost");
        cam.close();
        cam.close();
        assertNull(cam.read());
        assertTrue(dev.closed);
        assertEquals(4, dev.unmapped);
        assertTrue(!dev.calls.contains("STREAMOFF"), "no STREAMOFF on a device that is gone");
    }

    @Test
    void aMissingDeviceIsNotFoundAndABusyOneSaysAnotherProgramUsesIt() throws Exception {
        RecordedCamera dev = typicalUvcCamera();
        when(dev.libc.open(eq("/dev/video9"), anyInt())).thenThrow(new LastErrorException(Posix.ENOENT));
        CameraException e = assertThrows(CameraException.class,
                () -> Camera.builder("/dev/video9").libc(dev.libc).open());
        assertEquals(CameraException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("/dev/video9 does not exist (cameras found: "), e.getMessage());

        when(dev.libc.open(eq("/dev/video8"), anyInt())).thenThrow(new LastErrorException(Posix.EBUSY));
        e = assertThrows(CameraException.class, () -> Camera.builder("/dev/video8").libc(dev.libc).open());
        assertEquals(CameraException.Reason.BUSY, e.reason());
        assertTrue(e.getMessage().contains("busy (EBUSY)"), e.getMessage());
    }

    @Test
    void anExactSizeTheCameraLacksIsRejectedListingEverythingItOffers() throws Exception {
        RecordedCamera dev = typicalUvcCamera();
        CameraException e = assertThrows(CameraException.class, () -> Camera.builder(RecordedCamera.PATH)
                .libc(dev.libc).size(1920, 1080).exactSize(true).open());
        assertEquals(CameraException.Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("does not offer 1920x1080 (it offers: YUYV 640x480@30,15 1280x720@10,5;"
                + " MJPG 640x480@30 1280x720@30,15)"), e.getMessage());
        assertTrue(dev.closed, "the device is closed after a failed open");
    }

    @Test
    void aPixelFormatTheCameraLacksIsRejectedAndOneLivePushCannotConvertIsRefusedAtOnce() throws Exception {
        RecordedCamera dev = typicalUvcCamera();
        CameraException e = assertThrows(CameraException.class, () -> Camera.builder(RecordedCamera.PATH)
                .libc(dev.libc).pixelFormat("NV12").open());
        assertTrue(e.getMessage().contains("does not offer pixel format NV12 (it offers: YUYV"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Camera.builder(RecordedCamera.PATH).pixelFormat("H264"));
        assertTrue(bad.getMessage().contains("'H264' is not supported (expected one of YU12, NV12, YUYV, MJPG, JPEG)"),
                bad.getMessage());
    }

    @Test
    void aCameraOfferingOnlyFormatsLivePushCannotConvertIsUnsupported() throws Exception {
        RecordedCamera dev = new RecordedCamera().offer("H264", 1280, 720, 30);
        CameraException e = assertThrows(CameraException.class,
                () -> Camera.builder(RecordedCamera.PATH).libc(dev.libc).open());
        assertEquals(CameraException.Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("offers [H264], none of which LivePush converts"), e.getMessage());
    }
}
