package io.livepush.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MediaClockTest {
    private final AtomicLong nanos = new AtomicLong(987_654_321_000L);

    @Test
    void timeStartsAtZeroAndFollowsTheTimeSourceInMicroseconds() {
        MediaClock clock = new MediaClock(nanos::get, 0);
        assertEquals(0, clock.nowUs());
        nanos.addAndGet(1_500_999);
        assertEquals(1_500, clock.nowUs(), "sub-microsecond nanos are truncated");
        nanos.addAndGet(2_000_000_000L);
        assertEquals(2_001_500, clock.nowUs());
    }

    @Test
    void presentationTimeMapsToWallClockByTheOrigin() {
        MediaClock clock = new MediaClock(nanos::get, 1_700_000_000_000_000L);
        assertEquals(1_700_000_000_000_000L, clock.wallClockUs(0));
        assertEquals(1_700_000_000_033_333L, clock.wallClockUs(33_333));
    }

    @Test
    void sleepUntilAPassedTimeReturnsAtOnce() throws Exception {
        MediaClock clock = new MediaClock(nanos::get, 0);
        nanos.addAndGet(10_000_000_000L);
        long t0 = System.nanoTime();
        clock.sleepUntil(5_000_000);
        assertTrue(System.nanoTime() - t0 < 50_000_000L, "returned at once");
    }

    @Test
    void sleepUntilWaitsForTheRemainingTime() throws Exception {
        MediaClock clock = new MediaClock();
        long t0 = System.nanoTime();
        clock.sleepUntil(clock.nowUs() + 40_000);
        assertTrue(System.nanoTime() - t0 >= 39_000_000L, "slept " + (System.nanoTime() - t0) / 1e6 + " ms");
    }

    @Test
    void systemClockStartsNearNowOnTheWallClock() {
        long before = System.currentTimeMillis() * 1000;
        MediaClock clock = new MediaClock();
        long after = System.currentTimeMillis() * 1000;
        long origin = clock.wallClockUs(0);
        assertTrue(origin >= before && origin <= after, "origin " + origin);
        assertTrue(clock.nowUs() >= 0);
    }
}
