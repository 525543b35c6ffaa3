package io.livepush.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.testing.Interop;
import io.livepush.encoder.sei.SeiRepeat;
import io.livepush.encoder.sei.SeiUserDataUnregistered;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every H.264 backend must do once wrapped by {@link VideoEncoders}: GOP pinned by timestamp,
 * keyframe requests, SEI on exactly the right frames before the first slice, bitrate changes, input
 * checks and lifecycle. A backend's test class extends this and names the backend; the encoder is
 * created through {@link VideoEncoders#installed()}, as applications create it. When the backend
 * cannot run on this machine the tests are skipped with a notice (they fail with
 * {@code -Dinterop=required}).
 *
 * <p>Content is {@link MovingContent}: scrolling gradients plus seeded noise at 320x240, 30 fps.
 */
public abstract class VideoEncoderContract {
    /** Frame width used by the suite. */
    protected static final int WIDTH = 320;
    /** Frame height used by the suite. */
    protected static final int HEIGHT = 240;
    private static final long GOP_US = 2_000_000;

    private VideoFramePool pool;
    private final List<PinnedGopVideoEncoder> opened = new ArrayList<>();

    /** @return the backend name, as given to {@link VideoEncoders#create}, e.g. {@code openh264} */
    protected abstract String backendName();

    /** @return the configuration the suite starts from; a backend may adjust it (not the size) */
    protected VideoEncoderConfig baseConfig() {
        return VideoEncoderConfig.builder().size(WIDTH, HEIGHT).fps(30).bitrateBps(800_000).gopSeconds(2).build();
    }

    @BeforeEach
    void requireBackend() {
        VideoEncoderStatus status = VideoEncoders.installed().statuses().stream()
                .filter(s -> s.name().equalsIgnoreCase(backendName())).findFirst().orElse(null);
        assertNotNull(status, "backend '" + backendName() + "' is not registered in META-INF/services (registered: "
                + VideoEncoders.installed().names() + ")");
        Interop.assumePeer(status.available(), "H.264 backend " + status);
        pool = new VideoFramePool(WIDTH, HEIGHT, 4);
    }

    @AfterEach
    void closeEncoders() {
        opened.forEach(PinnedGopVideoEncoder::close);
    }

    /** Opens the backend under test with a configuration, closed after the test. */
    protected PinnedGopVideoEncoder open(VideoEncoderConfig config) {
        PinnedGopVideoEncoder enc = VideoEncoders.installed().open(backendName(), config);
        opened.add(enc);
        return enc;
    }

    private static long pts30(int n) {
        return Math.round(n * 1_000_000.0 / 30);
    }

    private EncodedVideoFrame encode(VideoEncoder enc, MovingContent content, int index, long ptsUs) {
        VideoFrame f = content.frame(pool, index, ptsUs);
        try {
            EncodedVideoFrame au = enc.encode(f);
            if (au != null) {
                checkAccessUnit(au, ptsUs);
            }
            return au;
        } finally {
            f.release();
        }
    }

    /** Structural checks on every access unit the suite sees. */
    private static void checkAccessUnit(EncodedVideoFrame au, long ptsUs) {
        assertEquals(ptsUs, au.ptsUs(), "access unit carries the frame's timestamp");
        boolean sliceSeen = false;
        boolean idrSlice = false;
        for (byte[] nal : au.nalUnits()) {
            assertTrue(nal.length > 0, "empty NAL unit");
            assertEquals(0, nal[0] & 0x80, "forbidden_zero_bit set");
            int type = nal[0] & 0x1F;
            if (type >= 1 && type <= 5) {
                sliceSeen = true;
                idrSlice |= type == 5;
            } else if (sliceSeen && (type == 6 || type == 7 || type == 8 || type == 9)) {
                fail("NAL type " + type + " after the first slice of the access unit");
            }
        }
        assertTrue(sliceSeen, "access unit without a slice");
        assertEquals(au.keyframe(), idrSlice, "keyframe flag matches the slice type");
        if (au.keyframe()) {
            assertNotNull(au.firstNal(7), "IDR without SPS");
            assertNotNull(au.firstNal(8), "IDR without PPS");
        }
    }

    private static List<byte[]> ourSeiPayloads(EncodedVideoFrame au) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] nal : au.nalUnits()) {
            if ((nal[0] & 0x1F) == 6) {
                for (SeiUserDataUnregistered m : SeiUserDataUnregistered.parseAll(nal)) {
                    if (m.uuid().equals(SeiUserDataUnregistered.LIVEPUSH_UUID)) {
                        out.add(m.payload());
                    }
                }
            }
        }
        return out;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void firstFrameIsAnIdrWithSpsAndPpsBeforeTheSlice() {
        PinnedGopVideoEncoder enc = open(baseConfig());
        assertEquals(backendName().toLowerCase(java.util.Locale.ROOT), enc.name().toLowerCase(java.util.Locale.ROOT));
        EncodedVideoFrame au = encode(enc, new MovingContent(1, 8), 0, 0);
        assertNotNull(au, "the first frame must not be skipped");
        assertTrue(au.keyframe());
        List<Integer> types = au.nalUnits().stream().map(n -> n[0] & 0x1F).toList();
        assertTrue(types.indexOf(7) < types.indexOf(8) && types.indexOf(8) < types.indexOf(5), "order " + types);
        io.livepush.encoder.h264.SpsInfo sps = io.livepush.encoder.h264.SpsParser.parse(au.firstNal(7));
        assertEquals(WIDTH, sps.width());
        assertEquals(HEIGHT, sps.height());
    }

    @Test
    void idrsComeExactlyEveryTwoSecondsAt30Fps() {
        PinnedGopVideoEncoder enc = open(baseConfig());
        MovingContent content = new MovingContent(2, 8);
        List<Integer> idrs = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            EncodedVideoFrame au = encode(enc, content, n, pts30(n));
            if (au != null && au.keyframe()) {
                idrs.add(n);
            }
        }
        assertEquals(List.of(0, 60, 120, 180), idrs);
    }

    @Test
    void idrsFollowTheGopRuleAtJitteredTimestamps() {
        PinnedGopVideoEncoder enc = open(baseConfig());
        MovingContent content = new MovingContent(3, 8);
        Random random = new Random(3);
        long prev = -1;
        long lastIdr = Long.MIN_VALUE;
        int idrCount = 0;
        for (int n = 0; n < 300; n++) {
            long pts = Math.max(prev + 1, pts30(n) + random.nextInt(20_001) - 10_000 + (random.nextInt(10) == 0 ? 40_000 : 0));
            prev = pts;
            boolean due = lastIdr == Long.MIN_VALUE || pts - lastIdr >= GOP_US;
            EncodedVideoFrame au = encode(enc, content, n, pts);
            if (due) {
                assertNotNull(au, "frame " + n + " was due for an IDR and must not be skipped");
                assertTrue(au.keyframe(), "frame " + n + " at " + pts + " us is " + (pts - lastIdr)
                        + " us after the last IDR and must be an IDR");
            }
            if (au != null && au.keyframe()) {
                assertTrue(due, "frame " + n + " is an IDR only " + (pts - lastIdr) + " us after the previous one");
                lastIdr = pts;
                idrCount++;
            }
        }
        assertTrue(idrCount >= 5, "IDRs: " + idrCount);
    }

    @Test
    void requestedKeyframeComesOnTheNextFrameAndRestartsTheGop() {
        PinnedGopVideoEncoder enc = open(baseConfig());
        MovingContent content = new MovingContent(4, 8);
        List<Integer> idrs = new ArrayList<>();
        for (int n = 0; n < 170; n++) {
            if (n == 45) {
                enc.requestKeyframe();
            }
            EncodedVideoFrame au = encode(enc, content, n, pts30(n));
            if (au != null && au.keyframe()) {
                idrs.add(n);
            }
        }
        assertEquals(List.of(0, 45, 105, 165), idrs);
    }

    @Test
    void seiOnceGoesOnTheNextEncodedFrameOnly() {
        PinnedGopVideoEncoder enc = open(baseConfig());
        MovingContent content = new MovingContent(5, 8);
        byte[] payload = new byte[255];
        new Random(5).nextBytes(payload);
        payload[10] = 0;
        payload[11] = 0;
        payload[12] = 1; // an emulation-prevention case inside the payload
        List<Integer> carriers = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            if (n == 10) {
                enc.sendSei(payload, SeiRepeat.once());
            }
            EncodedVideoFrame au = encode(enc, content, n, pts30(n));
            if (au != null) {
                for (byte[] p : ourSeiPayloads(au)) {
                    assertArrayEquals(payload, p);
                    carriers.add(n);
                }
            }
        }
        assertEquals(1, carriers.size(), "frames carrying the payload: " + carriers);
        assertTrue(carriers.get(0) >= 10);
    }

    @Test
    void seiFramesNGoesOnExactlyTheNextNEncodedFrames() {
        PinnedGopVideoEncoder enc = open(baseConfig());
        MovingContent content = new MovingContent(6, 8);
        List<Integer> encoded = new ArrayList<>();
        List<Integer> carriers = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            if (n == 5) {
                enc.sendSei(text("five frames"), SeiRepeat.frames(5));
            }
            EncodedVideoFrame au = encode(enc, content, n, pts30(n));
            if (au != null) {
                if (n >= 5) {
                    encoded.add(n);
                }
                for (byte[] p : ourSeiPayloads(au)) {
                    assertArrayEquals(text("five frames"), p);
                    carriers.add(n);
                }
            }
        }
        assertEquals(encoded.subList(0, 5), carriers);
    }

    @Test
    void seiKeyframesNGoesOnExactlyTheNextNIdrs() {
        PinnedGopVideoEncoder enc = open(baseConfig());
        MovingContent content = new MovingContent(7, 8);
        List<Integer> carriers = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            if (n == 5) {
                enc.sendSei(text("on keyframes"), SeiRepeat.keyframes(2));
            }
            EncodedVideoFrame au = encode(enc, content, n, pts30(n));
            if (au != null && !ourSeiPayloads(au).isEmpty()) {
                assertTrue(au.keyframe(), "keyframes-only SEI on a non-IDR frame " + n);
                assertArrayEquals(text("on keyframes"), ourSeiPayloads(au).get(0));
                carriers.add(n);
            }
        }
        assertEquals(List.of(60, 120), carriers);
    }

    @Test
    void seiSentWhileFramesAreSkippedIsNotLost() {
        // 50 kbps of noisy 320x240 pushes rate control to skip frames where the backend can.
        PinnedGopVideoEncoder enc = open(baseConfig().toBuilder().bitrateBps(50_000).build());
        MovingContent content = new MovingContent(8, 40);
        List<String> received = new ArrayList<>();
        int skipped = 0;
        int n = 0;
        for (; n < 90; n++) {
            if (n % 3 == 0) { // one payload per 100 ms: a long skip run stays far below the queue capacity
                enc.sendSei(text("sei-" + n), SeiRepeat.once());
            }
            EncodedVideoFrame au = encode(enc, content, n, pts30(n));
            if (au == null) {
                skipped++;
            } else {
                ourSeiPayloads(au).forEach(p -> received.add(new String(p, StandardCharsets.UTF_8)));
            }
        }
        for (; enc.pendingSeiCount() > 0 && n < 400; n++) {
            EncodedVideoFrame au = encode(enc, content, n, pts30(n));
            if (au != null) {
                ourSeiPayloads(au).forEach(p -> received.add(new String(p, StandardCharsets.UTF_8)));
            }
        }
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 90; i += 3) {
            sent.add("sei-" + i);
        }
        assertEquals(sent, received, "every payload exactly once, in order (" + skipped + " frames skipped)");
    }

    @Test
    void lowerBitrateLowersTheOutputWithinAFewSeconds() {
        PinnedGopVideoEncoder enc = open(baseConfig().toBuilder().bitrateBps(1_500_000).build());
        MovingContent content = new MovingContent(9, 24);
        long highBytes = 0;
        long lowBytes = 0;
        for (int n = 0; n < 180; n++) {
            if (n == 90) {
                enc.setBitrate(250_000);
                assertEquals(250_000, enc.bitrateBps());
            }
            EncodedVideoFrame au = encode(enc, content, n, pts30(n));
            int size = au == null ? 0 : au.payloadSize();
            if (n >= 30 && n < 90) {
                highBytes += size; // seconds 1..3 at 1.5 Mbps
            } else if (n >= 120) {
                lowBytes += size; // seconds 4..6 at 250 kbps
            }
        }
        assertTrue(lowBytes * 2 < highBytes, "after lowering the bitrate: " + lowBytes * 8 / 2 + " bps vs "
                + highBytes * 8 / 2 + " bps before");
    }

    @Test
    void badBitrateThrowsAndTheEncoderKeepsWorking() {
        PinnedGopVideoEncoder enc = open(baseConfig());
        MovingContent content = new MovingContent(10, 8);
        assertNotNull(encode(enc, content, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> enc.setBitrate(0));
        assertTrue(e.getMessage().contains("0 bps") && e.getMessage().contains("50000..100000000"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> enc.setBitrate(200_000_000));
        assertEquals(800_000, enc.bitrateBps());
        int encoded = 0;
        for (int n = 1; n < 30; n++) {
            if (encode(enc, content, n, pts30(n)) != null) {
                encoded++;
            }
        }
        assertTrue(encoded > 0, "no frame encoded after a rejected bitrate");
    }

    @Test
    void frameOfTheWrongSizeThrowsNamingBothSizes() {
        PinnedGopVideoEncoder enc = open(baseConfig());
        VideoFrame wrong = VideoFrame.allocate(WIDTH + 2, HEIGHT, 0);
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> enc.encode(wrong));
            assertTrue(e.getMessage().contains((WIDTH + 2) + "x" + HEIGHT) && e.getMessage().contains(WIDTH + "x" + HEIGHT),
                    e.getMessage());
        } finally {
            wrong.release();
        }
        EncodedVideoFrame au = encode(enc, new MovingContent(11, 8), 0, 0);
        assertNotNull(au);
        assertTrue(au.keyframe(), "a rejected frame does not use up the first IDR");
    }

    @Test
    void closeIsIdempotentAndEncodeAfterCloseThrows() {
        PinnedGopVideoEncoder enc = open(baseConfig());
        MovingContent content = new MovingContent(12, 8);
        assertNotNull(encode(enc, content, 0, 0));
        enc.close();
        enc.close();
        VideoFrame f = content.frame(pool, 1, pts30(1));
        try {
            assertThrows(IllegalStateException.class, () -> enc.encode(f));
        } finally {
            f.release();
        }
        assertFalse(enc.toString().isEmpty());
    }
}
