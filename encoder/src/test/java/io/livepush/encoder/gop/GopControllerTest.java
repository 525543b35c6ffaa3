package io.livepush.encoder.gop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GopControllerTest {
    private static final long GOP_US = 2_000_000;
    private static final int FRAMES = 1000;

    private static long[] regular(double fps) {
        long[] pts = new long[FRAMES];
        for (int n = 0; n < FRAMES; n++) {
            pts[n] = Math.round(n * 1_000_000.0 / fps);
        }
        return pts;
    }

    /** 29.97 fps: frame n at round(n * 1001 / 30000 s), in microseconds. */
    private static long[] ntsc() {
        long[] pts = new long[FRAMES];
        for (int n = 0; n < FRAMES; n++) {
            pts[n] = Math.round(n * 1_001_000_000.0 / 30_000.0);
        }
        return pts;
    }

    /** 30 fps with seeded +-10 ms jitter, kept monotonic. */
    private static long[] jittered(long seed) {
        Random random = new Random(seed);
        long[] pts = new long[FRAMES];
        long prev = -1;
        for (int n = 0; n < FRAMES; n++) {
            long t = Math.round(n * 1_000_000.0 / 30) + random.nextInt(20_001) - 10_000;
            pts[n] = Math.max(t, prev + 1);
            prev = pts[n];
        }
        return pts;
    }

    /** 30 fps with a seeded 20 % of frames dropped, and a 700 ms stall. */
    private static long[] dropped(long seed) {
        Random random = new Random(seed);
        List<Long> out = new ArrayList<>();
        for (int n = 0; out.size() < FRAMES; n++) {
            boolean stall = n >= 130 && n < 151;
            if (!stall && random.nextInt(5) != 0) {
                out.add(Math.round(n * 1_000_000.0 / 30));
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    static Stream<Arguments> timelines() {
        return Stream.of(
                // name, timestamps, the frame indices of the first IDRs (null: checked by the rule only)
                Arguments.of("30 fps", regular(30), new int[] {0, 60, 120, 180}),
                Arguments.of("24 fps", regular(24), new int[] {0, 48, 96, 144}),
                Arguments.of("29.97 fps", ntsc(), new int[] {0, 60, 120, 180}),
                Arguments.of("60 fps", regular(60), new int[] {0, 120, 240}),
                Arguments.of("30 fps jitter +-10 ms seed 1", jittered(1), null),
                Arguments.of("30 fps jitter +-10 ms seed 2", jittered(2), null),
                Arguments.of("30 fps dropped frames seed 3", dropped(3), null),
                Arguments.of("30 fps dropped frames seed 4", dropped(4), null));
    }

    private static List<Integer> run(GopController gop, long[] pts) {
        List<Integer> idrs = new ArrayList<>();
        for (int n = 0; n < pts.length; n++) {
            boolean idr = gop.shouldForceIdr(pts[n]);
            gop.onEncoded(pts[n], idr);
            if (idr) {
                idrs.add(n);
            }
        }
        return idrs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timelines")
    void everyIdrIsTheFirstFrameAtLeastOneGopAfterThePreviousOne(String name, long[] pts, int[] firstIdrs) {
        List<Integer> idrs = run(new GopController(GOP_US), pts);
        if (firstIdrs != null) {
            for (int i = 0; i < firstIdrs.length; i++) {
                assertEquals(firstIdrs[i], idrs.get(i), "IDR #" + i);
            }
        }
        assertEquals(0, idrs.get(0));
        // Independent check of the rule over the whole timeline.
        int expected = 0;
        List<Integer> oracle = new ArrayList<>();
        oracle.add(0);
        for (int n = 1; n < pts.length; n++) {
            if (pts[n] - pts[expected] >= GOP_US) {
                oracle.add(n);
                expected = n;
            }
        }
        assertEquals(oracle, idrs);
        for (int i = 1; i < idrs.size(); i++) {
            long gap = pts[idrs.get(i)] - pts[idrs.get(i - 1)];
            if (gap < GOP_US) {
                fail(name + ": IDR at frame " + idrs.get(i) + " only " + gap + " us after the previous one");
            }
            long previousFrameGap = pts[idrs.get(i) - 1] - pts[idrs.get(i - 1)];
            if (previousFrameGap >= GOP_US) {
                fail(name + ": IDR at frame " + idrs.get(i) + " is late; frame " + (idrs.get(i) - 1) + " was already "
                        + previousFrameGap + " us after the previous IDR");
            }
        }
        assertTrue(idrs.size() >= (pts[pts.length - 1] - pts[0]) / GOP_US, "too few IDRs: " + idrs);
    }

    @Test
    void keyframeDueIsTheTimeRuleAsSeenFromAnotherThreadIgnoringRequests() {
        GopController gop = new GopController(2_000_000);
        assertTrue(gop.isKeyframeDue(5_000), "the first frame is always due");
        gop.onEncoded(0, true);
        assertFalse(gop.isKeyframeDue(1_999_999));
        assertTrue(gop.isKeyframeDue(2_000_000));
        assertTrue(gop.isKeyframeDue(-1), "a timestamp before the last IDR restarts the GOP");
        gop.requestKeyframe();
        assertFalse(gop.isKeyframeDue(1_000_000), "a request is satisfied by any frame; none is kept for it");
        gop.onEncoded(1_000_000, false);
        assertFalse(gop.isKeyframeDue(1_999_999), "an inter frame does not move the GOP");
    }

    @Test
    void keyframeRequestForcesTheNextFrameAndRestartsTheGop() {
        GopController gop = new GopController(GOP_US);
        long[] pts = regular(30);
        List<Integer> idrs = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            if (n == 45) {
                gop.requestKeyframe();
            }
            boolean idr = gop.shouldForceIdr(pts[n]);
            gop.onEncoded(pts[n], idr);
            if (idr) {
                idrs.add(n);
            }
        }
        assertEquals(List.of(0, 45, 105, 165), idrs);
    }

    @Test
    void idrMadeByTheBackendRestartsTheGop() {
        GopController gop = new GopController(GOP_US);
        gop.onEncoded(0, gop.shouldForceIdr(0));
        assertFalse(gop.shouldForceIdr(1_000_000));
        gop.onEncoded(1_000_000, true); // the backend chose an IDR on its own
        assertEquals(1_000_000, gop.lastIdrPtsUs());
        assertFalse(gop.shouldForceIdr(2_999_999));
        assertTrue(gop.shouldForceIdr(3_000_000));
    }

    @Test
    void forcedFrameThatWasNotEncodedKeepsTheNextFrameForced() {
        GopController gop = new GopController(GOP_US);
        assertTrue(gop.shouldForceIdr(0));
        // frame 0 skipped: no onEncoded
        assertTrue(gop.shouldForceIdr(33_333));
        gop.onEncoded(33_333, true);
        assertFalse(gop.shouldForceIdr(66_667));
    }

    @Test
    void keyframeRequestSurvivesAFrameThatCameOutAsAnIdrAnyway() {
        GopController gop = new GopController(GOP_US);
        assertTrue(gop.shouldForceIdr(0));
        gop.requestKeyframe(); // arrives from another thread while frame 0 is being encoded
        gop.onEncoded(0, true);
        assertTrue(gop.shouldForceIdr(33_333));
        gop.onEncoded(33_333, true);
        assertFalse(gop.shouldForceIdr(66_667));
    }

    @Test
    void timestampGoingBackBeforeTheLastIdrForcesAnIdr() {
        GopController gop = new GopController(GOP_US);
        gop.onEncoded(5_000_000, gop.shouldForceIdr(5_000_000));
        assertTrue(gop.shouldForceIdr(0));
    }

    @Test
    void gopBelowOneMicrosecondIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GopController(0));
        assertEquals("GOP of 0 us is not allowed (expected at least 1 us)", e.getMessage());
    }
}
