package io.livepush.publisher.congestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The dynamic bitrate rule of SPECS.md, driven with a synthetic clock and byte counter. */
class BitrateControllerTest {
    private static final long MS = 1_000_000L;

    /** Feeds {@code seconds} of a link taking {@code linkBps}, every 250 ms; returns the last decision. */
    private static int run(BitrateController c, long[] clock, long[] bytes, double seconds, long linkBps, long queueMs) {
        int last = -1;
        for (int i = 0; i < seconds * 4; i++) {
            clock[0] += 250 * MS;
            bytes[0] += linkBps / 8 / 4;
            int r = c.update(clock[0], queueMs, bytes[0]);
            if (r > 0) {
                last = r;
            }
        }
        return last;
    }

    @Test
    void aQueueOfTwoHundredMillisecondsLowersTheBitrateToTheThroughputLeftAfterAudio() {
        BitrateController c = new BitrateController(2_500_000, 128_000, 4000);
        long[] clock = {0};
        long[] bytes = {0};
        assertEquals(-1, run(c, clock, bytes, 2, 1_000_000, 150), "under 200 ms queued nothing changes");
        int lowered = run(c, clock, bytes, 1.5, 1_000_000, 200);
        assertEquals(1_000_000 * 0.9 - 128_000, lowered, 2000);
        assertEquals(lowered, c.currentBps());
        assertEquals(1, c.lowerings());
    }

    @Test
    void itRecoversByTenPercentOfTheOriginalEveryFourSecondsUpToTheOriginal() {
        BitrateController c = new BitrateController(2_000_000, 0, 4000);
        long[] clock = {0};
        long[] bytes = {0};
        run(c, clock, bytes, 1.5, 800_000, 500);
        int low = c.currentBps();
        assertEquals(720_000, low, 2000);
        // Lowered at 1.25 s (the first decision with a second of history); quiet from 1.5 s.
        run(c, clock, bytes, 3.5, 2_000_000, 0);
        assertEquals(low, c.currentBps(), "no step before 4 s");
        run(c, clock, bytes, 0.5, 2_000_000, 0);
        assertEquals(low + 200_000, c.currentBps());
        run(c, clock, bytes, 60, 2_000_000, 0);
        assertEquals(2_000_000, c.currentBps(), "never above the original");
    }

    @Test
    void aDeadLinkLowersToTheFloorOfFiftyKilobits() {
        BitrateController c = new BitrateController(2_500_000, 128_000, 4000);
        long[] clock = {0};
        long[] bytes = {0};
        run(c, clock, bytes, 3, 0, 2000);
        assertEquals(BitrateController.FLOOR_BPS, c.currentBps());
    }

    @Test
    void resetForgetsTheHistorySoAReconnectIsNotReadAsCongestion() {
        BitrateController c = new BitrateController(2_500_000, 0, 4000);
        long[] clock = {0};
        long[] bytes = {5_000_000};
        run(c, clock, bytes, 2, 2_500_000, 0);
        c.reset();
        // A new connection counts from zero again; the first second decides nothing.
        bytes[0] = 0;
        assertEquals(-1, run(c, clock, bytes, 0.75, 0, 1000));
        assertEquals(2_500_000, c.currentBps());
    }

    @Test
    void badSettingsAreRefusedNamingTheAllowedRange() {
        assertEquals("video bitrate is 10000 bps (expected at least 50000)",
                assertThrows(IllegalArgumentException.class, () -> new BitrateController(10_000, 0, 4000)).getMessage());
        assertEquals("recover interval is 50 ms (expected 100..60000)",
                assertThrows(IllegalArgumentException.class, () -> new BitrateController(100_000, 0, 50)).getMessage());
    }
}
