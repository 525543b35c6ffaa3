package io.livepush.encoder.javaaac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Codebook data, bit counting that matches what is written, escapes and legal window switching. */
class SpectrumCoderTest {
    @Test
    void everyCodebookIsACompletePrefixCode() {
        assertEquals(121, AacHuffmanTables.SCALEFACTOR_LENGTHS.length);
        int[] sizes = {0, 81, 81, 81, 81, 81, 81, 64, 64, 169, 169, 289};
        for (int book = 1; book <= 11; book++) {
            assertEquals(sizes[book], AacHuffmanTables.SPECTRAL_LENGTHS[book].length, "book " + book);
        }
        assertEquals(1, AacHuffmanTables.SCALEFACTOR_LENGTHS[60], "a zero scalefactor difference is one bit");
        assertThrows(IllegalStateException.class,
                () -> AacHuffmanTables.checkBook(new int[] {1, 2, 2}, new int[] {0, 2, 2}, "broken"));
    }

    @Test
    void countedBitsEqualWrittenBitsForEveryBookThatCanCodeTheValues() {
        Random r = new Random(5);
        int[] q = new int[64];
        for (int trial = 0; trial < 200; trial++) {
            int lav = new int[] {1, 2, 4, 7, 12, 40, 8191}[trial % 7];
            for (int i = 0; i < q.length; i++) {
                q[i] = r.nextInt(3) == 0 ? 0 : r.nextInt(2 * lav + 1) - lav;
            }
            int largest = SpectrumCoder.largest(q, 0, q.length);
            for (int book = SpectrumCoder.firstBook(largest); book <= 11; book++) {
                int counted = SpectrumCoder.bits(book, q, 0, q.length);
                if (counted == Integer.MAX_VALUE) {
                    continue;
                }
                BitWriter w = new BitWriter(4096);
                SpectrumCoder.write(w, book, q, 0, q.length);
                assertEquals(counted, w.bitCount(), "book " + book + " largest " + largest);
            }
        }
    }

    @Test
    void escapeSequencesGrowTwoBitsPerDoubling() {
        assertEquals(5, SpectrumCoder.escapeBits(16));
        assertEquals(5, SpectrumCoder.escapeBits(31));
        assertEquals(7, SpectrumCoder.escapeBits(32));
        assertEquals(2 * 8 + 5, SpectrumCoder.escapeBits(8191));
        assertEquals(11, SpectrumCoder.firstBook(8191));
        assertThrows(IllegalArgumentException.class, () -> SpectrumCoder.firstBook(8192));
    }

    @Test
    void blockSwitchingOnlyMakesTransitionsTheStandardAllows() {
        WindowSequence s = WindowSequence.ONLY_LONG;
        boolean[] attacks = {false, false, true, false, false, true, true, false, true, false, false, false};
        for (int i = 0; i < attacks.length - 1; i++) {
            WindowSequence next = WindowSequence.next(s, attacks[i], attacks[i + 1]);
            boolean shortRight = s == WindowSequence.LONG_START || s == WindowSequence.EIGHT_SHORT;
            boolean shortLeft = next == WindowSequence.LONG_STOP || next == WindowSequence.EIGHT_SHORT;
            assertEquals(shortRight, shortLeft, s + " -> " + next);
            if (attacks[i]) {
                assertEquals(WindowSequence.EIGHT_SHORT, next, "block " + i + " holds an attack");
            }
            s = next;
        }
    }

    @Test
    void shortBlockGroupingGivesTheAttackWindowAGroupOfItsOwn() {
        BandLayout layout = BandLayout.shortBlock(48_000, 3);
        assertEquals(3, layout.groups());
        assertEquals(0b1100111, layout.grouping(), "windows 1, 2 join window 0; 3 and 4 start groups; 5-7 join 4");
        assertEquals(3 * 4, layout.width(0));
        assertEquals(14, layout.bands());
        assertEquals(128 * 3, layout.start(14));
    }
}
