package io.livepush.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.encoder.sei.SeiRepeat;
import io.livepush.encoder.sei.SeiScheduler;
import io.livepush.encoder.sei.SeiUserDataUnregistered;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PinnedGopVideoEncoderTest {
    private static final VideoEncoderConfig CONFIG = VideoEncoderConfig.builder().size(64, 48).fps(30).build();
    private final VideoFramePool pool = new VideoFramePool(64, 48, 4);
    private final List<VideoFrame> held = new ArrayList<>();

    @AfterEach
    void releaseFrames() {
        held.forEach(VideoFrame::release);
    }

    private VideoFrame frame(int n) {
        VideoFrame f = pool.acquire(Math.round(n * 1_000_000.0 / 30));
        held.add(f);
        return f;
    }

    private static List<Integer> types(EncodedVideoFrame au) {
        List<Integer> t = new ArrayList<>();
        for (byte[] nal : au.nalUnits()) {
            t.add(nal[0] & 0x1F);
        }
        return t;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void seiGoesAfterSpsAndPpsAndBeforeTheFirstSliceOfAnIdr() {
        FakeH264Backend backend = new FakeH264Backend(CONFIG);
        try (PinnedGopVideoEncoder enc = new PinnedGopVideoEncoder("fake", CONFIG, backend)) {
            enc.sendSei(text("hello"), SeiRepeat.once());
            EncodedVideoFrame au = enc.encode(frame(0));
            assertEquals(List.of(7, 8, 6, 5), types(au));
            assertArrayEquals(text("hello"), SeiUserDataUnregistered.parse(au.nalUnits().get(2)).payload());
            assertTrue(au.keyframe());
        }
    }

    @Test
    void seiGoesAfterTheAudAndTheBackendsOwnSei() {
        FakeH264Backend backend = new FakeH264Backend(CONFIG).withAud().withBackendSei();
        try (PinnedGopVideoEncoder enc = new PinnedGopVideoEncoder("fake", CONFIG, backend)) {
            enc.sendSei(text("a"), SeiRepeat.frames(2));
            enc.sendSei(text("b"), SeiRepeat.once());
            EncodedVideoFrame idr = enc.encode(frame(0));
            assertEquals(List.of(9, 7, 8, 6, 6, 6, 5), types(idr));
            assertArrayEquals(FakeH264Backend.BACKEND_SEI, idr.nalUnits().get(3));
            assertArrayEquals(text("a"), SeiUserDataUnregistered.parse(idr.nalUnits().get(4)).payload());
            assertArrayEquals(text("b"), SeiUserDataUnregistered.parse(idr.nalUnits().get(5)).payload());
            EncodedVideoFrame p = enc.encode(frame(1));
            assertEquals(List.of(9, 6, 1), types(p));
            EncodedVideoFrame p2 = enc.encode(frame(2));
            assertEquals(List.of(9, 1), types(p2));
        }
    }

    @Test
    void skippedFrameKeepsPendingSeiForTheNextEncodedFrame() {
        FakeH264Backend backend = new FakeH264Backend(CONFIG).skipCalls(1, 2);
        try (PinnedGopVideoEncoder enc = new PinnedGopVideoEncoder("fake", CONFIG, backend)) {
            assertNotNull(enc.encode(frame(0)));
            enc.sendSei(text("kept"), SeiRepeat.once());
            assertNull(enc.encode(frame(1)));
            assertNull(enc.encode(frame(2)));
            assertEquals(1, enc.pendingSeiCount());
            EncodedVideoFrame au = enc.encode(frame(3));
            assertEquals(List.of(6, 1), types(au));
            assertArrayEquals(text("kept"), SeiUserDataUnregistered.parse(au.nalUnits().get(0)).payload());
            assertEquals(0, enc.pendingSeiCount());
        }
    }

    @Test
    void forcedIdrThatWasSkippedIsForcedAgainOnTheNextFrame() {
        FakeH264Backend backend = new FakeH264Backend(CONFIG).skipCalls(0, 61);
        try (PinnedGopVideoEncoder enc = new PinnedGopVideoEncoder("fake", CONFIG, backend)) {
            assertNull(enc.encode(frame(0)));
            assertTrue(enc.encode(frame(1)).keyframe());
            for (int n = 2; n < 61; n++) {
                assertTrue(!enc.encode(frame(n)).keyframe(), "frame " + n);
            }
            assertNull(enc.encode(frame(61))); // 2.0 s after frame 1: forced, skipped
            assertTrue(enc.encode(frame(62)).keyframe());
            assertEquals(List.of(true, true), List.of(backend.forceFlags().get(61), backend.forceFlags().get(62)));
        }
    }

    @Test
    void idrMadeByTheBackendRestartsTheGop() {
        FakeH264Backend backend = new FakeH264Backend(CONFIG).idrOnItsOwnAtCalls(30);
        try (PinnedGopVideoEncoder enc = new PinnedGopVideoEncoder("fake", CONFIG, backend)) {
            List<Integer> idrs = new ArrayList<>();
            for (int n = 0; n <= 150; n++) {
                if (enc.encode(frame(n)).keyframe()) {
                    idrs.add(n);
                }
            }
            assertEquals(List.of(0, 30, 90, 150), idrs); // 30 came from the backend; 2 s GOPs restart there
        }
    }

    @Test
    void keyframesOnlySeiWaitsForTheNextIdr() {
        FakeH264Backend backend = new FakeH264Backend(CONFIG);
        try (PinnedGopVideoEncoder enc = new PinnedGopVideoEncoder("fake", CONFIG, backend)) {
            enc.encode(frame(0));
            enc.sendSei(text("k"), SeiRepeat.keyframes(1));
            assertEquals(List.of(1), types(enc.encode(frame(1))));
            enc.requestKeyframe();
            EncodedVideoFrame idr = enc.encode(frame(2));
            assertEquals(List.of(7, 8, 6, 5), types(idr));
        }
    }

    @Test
    void bitrateChangeFromAnotherThreadReachesTheBackendBeforeTheNextFrame() throws Exception {
        FakeH264Backend backend = new FakeH264Backend(CONFIG);
        try (PinnedGopVideoEncoder enc = new PinnedGopVideoEncoder("fake", CONFIG, backend)) {
            enc.encode(frame(0));
            Thread t = new Thread(() -> {
                enc.setBitrate(1_000_000);
                enc.setBitrate(600_000);
            });
            t.start();
            t.join();
            assertEquals(600_000, enc.bitrateBps());
            assertTrue(backend.bitrateCalls().isEmpty());
            EncodedVideoFrame au = enc.encode(frame(1));
            assertEquals(List.of(600_000), backend.bitrateCalls());
            assertEquals(600_000 / 30 / 8, au.payloadSize());
            enc.encode(frame(2));
            assertEquals(List.of(600_000), backend.bitrateCalls());
        }
    }

    @Test
    void badBitrateIsRejectedAndLeavesTheEncoderAsItWas() {
        FakeH264Backend backend = new FakeH264Backend(CONFIG);
        try (PinnedGopVideoEncoder enc = new PinnedGopVideoEncoder("fake", CONFIG, backend)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> enc.setBitrate(49_999));
            assertEquals("video bitrate 49999 bps is not allowed (expected 50000..100000000)", e.getMessage());
            assertEquals(CONFIG.bitrateBps(), enc.bitrateBps());
            assertNotNull(enc.encode(frame(0)));
            assertTrue(backend.bitrateCalls().isEmpty());
        }
    }

    @Test
    void frameOfTheWrongSizeIsRejectedNamingBothSizes() {
        try (PinnedGopVideoEncoder enc = new PinnedGopVideoEncoder("fake", CONFIG, new FakeH264Backend(CONFIG));
                VideoFrameHolder wrong = new VideoFrameHolder(VideoFrame.allocate(66, 48, 0))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> enc.encode(wrong.frame));
            assertEquals("frame is 66x48 but encoder fake was configured for 64x48", e.getMessage());
        }
    }

    @Test
    void closeIsIdempotentAndEncodeAfterCloseThrows() {
        FakeH264Backend backend = new FakeH264Backend(CONFIG);
        PinnedGopVideoEncoder enc = new PinnedGopVideoEncoder("fake", CONFIG, backend);
        enc.close();
        enc.close();
        assertEquals(1, backend.closeCount());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> enc.encode(frame(0)));
        assertEquals("encoder fake is closed", e.getMessage());
    }

    @Test
    void seiWithAnotherUuidCanBeSentAndTheSchedulerUuidIsUsedForPlainPayloads() {
        UUID custom = UUID.fromString("a1b2c3d4-e5f6-4711-8899-aabbccddeeff");
        UUID other = UUID.fromString("0f0e0d0c-0b0a-0908-0706-050403020100");
        try (PinnedGopVideoEncoder enc = new PinnedGopVideoEncoder("fake", CONFIG, new FakeH264Backend(CONFIG),
                new SeiScheduler(custom, 8))) {
            enc.sendSei(text("x"), SeiRepeat.once());
            enc.sendSei(SeiUserDataUnregistered.of(other, text("y")), SeiRepeat.once());
            EncodedVideoFrame au = enc.encode(frame(0));
            assertEquals(custom, SeiUserDataUnregistered.parse(au.nalUnits().get(2)).uuid());
            assertEquals(other, SeiUserDataUnregistered.parse(au.nalUnits().get(3)).uuid());
        }
    }

    @Test
    void fullSeiQueueThrowsAndTheQueuedPayloadsStillGoOut() {
        try (PinnedGopVideoEncoder enc = new PinnedGopVideoEncoder("fake", CONFIG, new FakeH264Backend(CONFIG),
                new SeiScheduler(SeiUserDataUnregistered.LIVEPUSH_UUID, 2))) {
            enc.sendSei(text("1"), SeiRepeat.once());
            enc.sendSei(text("2"), SeiRepeat.once());
            assertThrows(IllegalStateException.class, () -> enc.sendSei(text("3"), SeiRepeat.once()));
            assertEquals(List.of(7, 8, 6, 6, 5), types(enc.encode(frame(0))));
        }
    }

    /** Releases a stand-alone frame at the end of a try block. */
    private record VideoFrameHolder(VideoFrame frame) implements AutoCloseable {
        @Override
        public void close() {
            frame.release();
        }
    }
}
