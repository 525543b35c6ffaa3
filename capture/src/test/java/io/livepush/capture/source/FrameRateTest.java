package io.livepush.capture.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameRateTest {
    @ParameterizedTest
    @CsvSource({
        "30, 1, 0, 0", "30, 1, 1, 33333", "30, 1, 2, 66667", "30, 1, 30, 1000000",
        "30000, 1001, 1, 33367", "30000, 1001, 30000, 1001000000", "30000, 1001, 29999, 1000966633",
        "25, 1, 7, 280000", "60000, 1001, 3, 50050",
    })
    void framePtsIsTheRoundedExactFraction(int num, int den, long n, long ptsUs) {
        assertEquals(ptsUs, new FrameRate(num, den).ptsUs(n));
    }

    @Test
    void ntscTimestampsDoNotDriftOverADay() {
        FrameRate ntsc = new FrameRate(30000, 1001);
        // every 30000 frames are exactly 1001 s; 86 of those blocks are just under a day
        long n = 30000L * 86;
        assertEquals(86_086_000_000L, ntsc.ptsUs(n));
        for (long i = n - 100; i < n + 100; i++) {
            long step = ntsc.ptsUs(i + 1) - ntsc.ptsUs(i);
            assertTrue(step == 33_366 || step == 33_367, "step " + step + " after frame " + i);
        }
    }

    @Test
    void frameAtOrAfterInvertsThePtsGrid() {
        FrameRate ntsc = new FrameRate(30000, 1001);
        for (long n = 0; n < 5000; n++) {
            long pts = ntsc.ptsUs(n);
            assertEquals(n, ntsc.frameAtOrAfter(pts), "at pts of " + n);
            assertEquals(n + 1, ntsc.frameAtOrAfter(pts + 1), "just after " + n);
        }
        assertEquals(0, ntsc.frameAtOrAfter(-5));
    }

    @Test
    void decimalRatesMapToExactFractions() {
        assertEquals(new FrameRate(30000, 1001), FrameRate.of(29.97));
        assertEquals(new FrameRate(24000, 1001), FrameRate.of(23.976));
        assertEquals(new FrameRate(60000, 1001), FrameRate.of(59.94));
        assertEquals(new FrameRate(25, 1), FrameRate.of(25.0));
        assertEquals(new FrameRate(25, 2), FrameRate.of(12.5));
    }

    @Test
    void unusableRatesAreRejectedWithTheAllowedRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FrameRate(0, 1));
        assertEquals("frame rate 0/1 is not allowed (expected a fraction of positive integers up to 1000000, at most 240 fps)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FrameRate(241, 1));
        assertThrows(IllegalArgumentException.class, () -> FrameRate.of(0.0));
        assertThrows(IllegalArgumentException.class, () -> new FrameRate(30, 1).ptsUs(-1));
    }
}
