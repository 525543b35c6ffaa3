package io.livepush.encoder.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SampleClockTest {
    @ParameterizedTest(name = "{0} Hz sample {1} -> {2} us after the first")
    @CsvSource({
        "48000, 0, 0",
        "48000, 1024, 21333",      // 21333.33 rounds down
        "48000, 2048, 42667",      // 42666.67 rounds up
        "48000, 3072, 64000",
        "44100, 1024, 23220",      // 23219.95
        "44100, 441, 10000",
        "48000, 1, 21",            // 20.83
        "44100, 158760000, 3600000000", // one hour, exact
    })
    void timestampsAreTheSampleCountInMicrosecondsRoundedToNearest(int rate, long sample, long expectedOffset) {
        assertEquals(1_000_000L + expectedOffset, new SampleClock(rate, 1_000_000L).ptsUs(sample));
    }

    @Test
    void aDayOfFramesDoesNotDriftFromTheSampleCount() {
        SampleClock c = new SampleClock(48_000, 0);
        long frames = 24L * 3600 * 48_000 / 1024; // 4,050,000 frames, a whole number of seconds
        assertEquals(86_400_000_000L, c.ptsUs(frames * 1024));
    }

    @Test
    void rejectsANegativeSampleIndex() {
        assertEquals("sample index -1 is negative (expected 0 or more)",
                assertThrows(IllegalArgumentException.class, () -> new SampleClock(48_000, 0).ptsUs(-1)).getMessage());
    }
}
