package io.livepush.cohost.server.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.stamp.Stamp;
import io.livepush.encoder.gop.GopController;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

class CanvasVideoSourceTest {
    /** No encoder pinning a GOP behind the canvas. */
    private static final LongPredicate NEVER_DUE = pts -> false;
    private static final long INTERVAL_30_NS = 1_000_000_000L / 30;

    @Test
    void aReaderSevenFramesLateEveryTimeStillGetsEachGopsFirstFrameSoKeyframesStayExactlyTwoSecondsApart()
            throws Exception {
        AtomicLong nanos = new AtomicLong(1000);
        MediaClock clock = new MediaClock(nanos::get, 0);
        GopController gop = new GopController(2_000_000);
        List<Long> keyframes = new ArrayList<>();
        long first;
        long last = -1;
        try (CanvasVideoSource src = new CanvasVideoSource(64, 36, 30, clock, c -> Map.of(), (c, s, h) -> { },
                gop::isKeyframeDue)) {
            first = -1;
            for (int i = 0; i < 100; i++) {
                VideoFrame f = src.read();
                if (first < 0) {
                    first = f.ptsUs();
                }
                last = f.ptsUs();
                boolean idr = gop.shouldForceIdr(f.ptsUs()); // encoded as the pinned-GOP encoder does
                gop.onEncoded(f.ptsUs(), idr);
                if (idr) {
                    keyframes.add(f.ptsUs());
                }
                f.release();
                nanos.addAndGet(7 * INTERVAL_30_NS); // the consumer takes seven frame intervals per frame
            }
        }
        assertEquals(first, keyframes.get(0));
        assertTrue(keyframes.size() >= 11, "23 s of canvas hold 12 GOPs: " + keyframes);
        for (int i = 1; i < keyframes.size(); i++) {
            assertEquals(2_000_000, keyframes.get(i) - keyframes.get(i - 1), "keyframes " + keyframes);
        }
        long lagUs = clock.nowUs() - 7 * INTERVAL_30_NS / 1000 - last;
        assertTrue(lagUs <= (CanvasVideoSource.MAX_LAG_FRAMES + 7) * INTERVAL_30_NS / 1000,
                "the other late frames are still skipped; the last one lagged " + lagUs + " us");
    }

    @Test
    void aGopStartNotYetEncodedIsNotFollowedByTheFramesItMakesLookDue() throws Exception {
        AtomicLong nanos = new AtomicLong(1000);
        MediaClock clock = new MediaClock(nanos::get, 0);
        GopController gop = new GopController(2_000_000); // never told of an IDR: every frame looks due
        try (CanvasVideoSource src = new CanvasVideoSource(64, 36, 30, clock, c -> Map.of(), (c, s, h) -> { },
                gop::isKeyframeDue)) {
            VideoFrame gopStart = src.read(); // handed to the encoder, not encoded yet
            nanos.addAndGet(7 * INTERVAL_30_NS);
            VideoFrame next = src.read();
            assertEquals(7 * INTERVAL_30_NS / 1000, next.ptsUs() - gopStart.ptsUs(),
                    "the late reader gets the newest frame, not the next one after the GOP start in flight");
            next.release();
            gopStart.release();
        }
    }
    @Test
    void framesComeOnTheOutputRateGrid() throws Exception {
        MediaClock clock = new MediaClock();
        try (CanvasVideoSource src = new CanvasVideoSource(64, 36, 50, clock, c -> Map.of(), (c, s, h) -> { }, NEVER_DUE)) {
            List<Long> pts = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                VideoFrame f = src.read();
                pts.add(f.ptsUs());
                f.release();
            }
            for (int i = 1; i < pts.size(); i++) {
                assertEquals(20_000, pts.get(i) - pts.get(i - 1));
            }
            assertTrue(clock.nowUs() >= pts.get(4) - 1000, "read() waits until the frame is due");
        }
    }

    @Test
    void thirtyFramesAtThirtyFpsSpanExactlyOneSecondSoTheGopLandsOnWholeSeconds() throws Exception {
        AtomicLong nanos = new AtomicLong();
        MediaClock clock = new MediaClock(nanos::get, 0);
        try (CanvasVideoSource src = new CanvasVideoSource(64, 36, 30, clock, c -> Map.of(), (c, s, h) -> { }, NEVER_DUE)) {
            long first = -1;
            long last = -1;
            for (int i = 0; i <= 60; i++) {
                nanos.set(Math.round(i * 1e9 / 30) + 1000);
                VideoFrame f = src.read();
                if (i == 0) {
                    first = f.ptsUs();
                }
                last = f.ptsUs();
                f.release();
            }
            assertEquals(2_000_000, last - first);
        }
    }

    @Test
    void theHookWaitsUntilEveryEarlierCanvasWasEncoded() throws Exception {
        MediaClock clock = new MediaClock();
        List<VideoFrame> held = new ArrayList<>();
        AtomicBoolean sawPending = new AtomicBoolean();
        List<Boolean> results = new ArrayList<>();
        CanvasVideoSource.FrameHook hook = (canvas, shown, handover) -> {
            if (!held.isEmpty()) {
                VideoFrame earlier = held.get(0);
                sawPending.set(earlier.isLive());
                Thread releaser = new Thread(() -> {
                    sleep(15);
                    earlier.release();
                });
                releaser.start();
                results.add(handover.awaitEncoded());
                assertFalse(earlier.isLive(), "awaitEncoded returned before the earlier canvas was released");
            }
        };
        try (CanvasVideoSource src = new CanvasVideoSource(64, 36, 30, clock, c -> Map.of("host", new Stamp(1, 2)), hook,
                NEVER_DUE)) {
            held.add(src.read());
            src.read().release();
        }
        assertTrue(sawPending.get());
        assertEquals(List.of(true), results);
    }

    @Test
    void awaitEncodedGivesUpAfterTwoFrameIntervals() throws Exception {
        List<Boolean> results = new ArrayList<>();
        List<VideoFrame> kept = new ArrayList<>();
        try (CanvasVideoSource src = new CanvasVideoSource(64, 36, 30, new MediaClock(), c -> Map.of(),
                (c, s, h) -> results.add(h.awaitEncoded()), NEVER_DUE)) {
            kept.add(src.read());
            long t0 = System.nanoTime();
            src.read().release();
            assertTrue(System.nanoTime() - t0 < 200_000_000L);
        }
        assertEquals(List.of(true, false), results);
        kept.forEach(VideoFrame::release);
    }

    @Test
    void closedSourceReturnsNullAndBadRatesAreRefused() throws Exception {
        CanvasVideoSource src = new CanvasVideoSource(64, 36, 30, new MediaClock(), c -> Map.of(), (c, s, h) -> { }, NEVER_DUE);
        src.close();
        assertNull(src.read());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CanvasVideoSource(64, 36, 0, new MediaClock(), c -> Map.of(), (c, s, h) -> { }, NEVER_DUE));
        assertTrue(e.getMessage().contains("0.0 fps"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
