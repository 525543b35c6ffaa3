package io.livepush.encoder.javah264;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CAVLC residual blocks (§9.2) written bit for bit, checked against codes worked out from the tables. */
class CavlcWriterTest {
    private static String write(int[] coeffs, int start, int max, int nC) {
        BitWriter w = new BitWriter();
        new CavlcWriter().write(w, coeffs, start, max, nC);
        long n = w.bitCount();
        w.put((int) ((8 - n % 8) % 8), 0);
        byte[] nal = w.toNal(0);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < nal.length; i++) {
            String b = Integer.toBinaryString(nal[i] & 0xFF);
            sb.append("0".repeat(8 - b.length())).append(b);
        }
        return sb.substring(0, (int) n);
    }

    @Test
    void emptyBlockIsTheSingleTokenOfItsTable() {
        assertEquals("1", write(new int[16], 0, 16, 0));
        assertEquals("11", write(new int[16], 0, 16, 2));
        assertEquals("1111", write(new int[16], 0, 16, 4));
        assertEquals("000011", write(new int[16], 0, 16, 8));
        assertEquals("01", write(new int[4], 0, 4, -1));
    }

    @Test
    void blockWithThreeTrailingOnesTwoLevelsAndRunsIsCodedFieldByField() {
        // Scan order 0, 3, -1, 0, 0, -1, 1, 0, 1: TotalCoeff 5, TrailingOnes 3, total_zeros 4, nC 0.
        int[] c = {0, 3, -1, 0, 0, -1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0};
        String expected = "0000100" // coeff_token (5, 3), Table 9-5 column 0 <= nC < 2
                + "001" // trailing ones, highest frequency first: +1, +1, -1
                + "01" // level -1: levelCode 1, suffixLength 0 -> level_prefix 1
                + "0010" // level +3: levelCode 4, suffixLength 1 -> prefix 2, suffix 0
                + "110" // total_zeros 4 for TotalCoeff 5 (Table 9-7)
                + "10" // run_before 1 with zerosLeft 4 (Table 9-10)
                + "11" // run_before 0 with zerosLeft 3
                + "01" // run_before 2 with zerosLeft 3
                + "1"; // run_before 0 with zerosLeft 1; the lowest coefficient's run is implied
        assertEquals(expected, write(c, 0, 16, 0));
    }

    @Test
    void firstLevelAfterFewerThanThreeTrailingOnesIsCodedOneSmaller() {
        // 2 then +1 (one trailing one): the level 2 is written as levelCode 2 - 2 = 0 -> prefix "1".
        int[] c = {2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals("000100" + "0" + "1" + "111", write(c, 0, 16, 0)); // token (2,1), sign +, level, total_zeros 0
    }

    @Test
    void largeLevelUsesTheEscapePrefix15() {
        int[] c = new int[16];
        c[0] = 100; // levelCode 198 - 2 = 196 at suffixLength 0: prefix 15, 12-bit suffix 166
        String suffix = String.format("%12s", Integer.toBinaryString(196 - 30)).replace(' ', '0');
        assertEquals("000101" + "0000000000000001" + suffix + "1", write(c, 0, 16, 0));
    }

    @Test
    void acBlocksSkipTheDcPosition() {
        int[] c = new int[16];
        c[0] = 5; // not part of an AC block
        c[1] = -1;
        assertEquals("01" + "1" + "1", write(c, 1, 15, 0)); // token (1,1), sign -, total_zeros 0
    }

    @Test
    void chromaDcUsesItsOwnTokenAndTotalZerosTables() {
        int[] c = {0, 0, 1, 0};
        assertEquals("1" + "0" + "001", write(c, 0, 4, -1)); // token (1,1), sign +, total_zeros 2 (TotalCoeff 1)
    }
}
