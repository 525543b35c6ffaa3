package io.livepush.encoder.javaaac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bit reservoir: bounded borrowing, more bits for demanding frames, fill that keeps the average. */
class BitReservoirTest {
    @Test
    void aFrameNeverGetsMoreThanTheMeanPlusWhatWasSavedNorMoreThan6144BitsPerChannel() {
        BitReservoir r = new BitReservoir(128_000, 48_000, 2);
        double mean = r.meanBits();
        assertEquals(2730.7, mean, 0.1);
        assertTrue(r.budget(true, 1e9) <= mean, "nothing saved yet: at most the mean");
        for (int i = 0; i < 50; i++) {
            r.commit(100); // quiet frames save bits
        }
        int budget = r.budget(true, 1e9);
        assertTrue(budget > 2 * mean && budget <= 6144 * 2 - 8, "a transient may borrow the savings: " + budget);
    }

    @Test
    void aFrameWithMorePerceptualEntropyThanUsualGetsMoreBits() {
        BitReservoir r = new BitReservoir(128_000, 48_000, 2);
        for (int i = 0; i < 20; i++) {
            r.commit(r.budget(false, 1000));
        }
        int usual = r.budget(false, 1000);
        assertTrue(r.budget(false, 1800) > usual, "a harder frame gets more than " + usual);
    }

    @Test
    void fillKeepsTheAverageOnTargetWhenFramesNeedLittle() {
        BitReservoir r = new BitReservoir(96_000, 44_100, 1);
        long total = 0;
        int frames = 400;
        for (int i = 0; i < frames; i++) {
            int used = 64;
            int fill = r.fillAfter(used);
            r.commit(used + fill);
            total += used + fill;
        }
        assertEquals(r.meanBits(), total / (double) frames, r.meanBits() * 0.05, "average bits per frame");
    }
}
