package io.livepush.examples.desktop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BitrateHistoryTest {
    @Test
    void keepsTheNewestSamplesOldestFirstOnceFull() {
        BitrateHistory h = new BitrateHistory(3);
        h.add(1);
        h.add(2);
        assertArrayEquals(new double[] {1, 2}, h.values());
        h.add(3);
        h.add(4);
        h.add(5);
        assertArrayEquals(new double[] {3, 4, 5}, h.values());
        assertEquals(5, h.latest());
        assertEquals(5, h.max());
    }

    @Test
    void clearStartsOver() {
        BitrateHistory h = new BitrateHistory(4);
        h.add(900);
        h.clear();
        assertEquals(0, h.values().length);
        assertEquals(0, h.latest());
        assertEquals(100, h.scaleTop());
    }

    @ParameterizedTest(name = "max {0} kbps -> top {1}")
    @CsvSource({"0, 100", "99, 100", "100, 100", "101, 200", "350, 500", "1000, 1000", "1001, 2000", "2600, 5000",
        "5100, 10000"})
    void theScaleTopIsTheNextOneTwoOrFiveTimesAPowerOfTen(double max, double top) {
        BitrateHistory h = new BitrateHistory(10);
        h.add(max / 2);
        h.add(max);
        assertEquals(top, h.scaleTop());
    }

    @Test
    void negativeOrNonFiniteSamplesAndSillyCapacitiesAreRefused() {
        BitrateHistory h = new BitrateHistory(2);
        for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.add(bad));
            assertTrue(e.getMessage().contains("expected a finite value >= 0"), e.getMessage());
        }
        assertEquals(0, h.values().length);
        assertThrows(IllegalArgumentException.class, () -> new BitrateHistory(1));
        assertThrows(IllegalArgumentException.class, () -> new BitrateHistory(3601));
    }
}
