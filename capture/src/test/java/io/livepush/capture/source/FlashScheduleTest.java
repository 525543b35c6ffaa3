package io.livepush.capture.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlashScheduleTest {
    @Test
    void atThirtyFpsEveryThirtiethFrameFlashesExactlyOnTheSecond() {
        FrameRate rate = FrameRate.of(30);
        for (long n = 0; n < 300; n++) {
            assertEquals(n % 30 == 0, FlashSchedule.EVERY_SECOND.isFlashFrame(rate, n), "frame " + n);
        }
        assertEquals(2_000_000L, rate.ptsUs(60));
    }

    @ParameterizedTest
    @CsvSource({"30000, 1001", "24000, 1001", "25, 1", "60, 1", "7, 1", "240, 1"})
    void exactlyOneFrameFlashesPerInstantAndItIsWithinOneIntervalAfterIt(int num, int den) {
        FrameRate rate = new FrameRate(num, den);
        FlashSchedule s = new FlashSchedule(1_000_000L);
        long interval = Math.round(1e6 * den / num) + 1;
        int flashes = 0;
        for (long n = 0; rate.ptsUs(n) < 20_000_000L; n++) {
            if (s.isFlashFrame(rate, n)) {
                long k = Math.floorDiv(rate.ptsUs(n), 1_000_000L);
                long offset = rate.ptsUs(n) - s.instantUs(k);
                assertEquals(flashes, k, "flash frame " + n + " belongs to instant " + k);
                assertTrue(offset >= 0 && offset < interval, "offset " + offset + " at frame " + n);
                flashes++;
            }
        }
        assertEquals(20, flashes);
    }

    @Test
    void beepOnsetIsTheFirstSampleAtOrAfterTheInstant() {
        FlashSchedule s = new FlashSchedule(1_000_000L);
        assertEquals(48_000L * 7, s.onsetSample(7, 48_000));
        FlashSchedule odd = new FlashSchedule(1_001_000L);
        // 1.001 s * 44100 = 44144.1 samples -> the first sample at or after is 44145
        assertEquals(44_145L, odd.onsetSample(1, 44_100));
        assertEquals(1, odd.lastInstantAtOrBefore(44_145L, 44_100));
        assertEquals(0, odd.lastInstantAtOrBefore(44_144L, 44_100));
        assertFalse(odd.lastInstantAtOrBefore(-1, 44_100) >= 0);
    }

    @Test
    void periodOutsideTheAllowedRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FlashSchedule(5));
        assertEquals("flash period 5 us is not allowed (expected 10000..3600000000 us, 10 ms to 1 h)", e.getMessage());
    }
}
