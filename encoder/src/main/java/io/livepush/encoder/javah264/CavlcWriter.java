package io.livepush.encoder.javah264;

/**
 * Writes one residual block with CAVLC ({@code residual_block_cavlc()}, ISO/IEC 14496-10 §7.3.5.3.2
 * and §9.2): coeff_token, the trailing-ones signs, the levels with the adaptive suffix length, then
 * total_zeros and the run_before values, from the coefficients in scan order. Holds only scratch
 * arrays; one per slice thread.
 */
final class CavlcWriter {
    /** Largest level magnitude the Baseline level_prefix (at most 15) can carry with any suffix length. */
    static final int MAX_LEVEL = 2063;

    private final int[] levels = new int[16];
    private final int[] runs = new int[16];

    /**
     * Writes a block.
     *
     * @param coeffs levels in scan order, {@code coeffs[start .. start+maxNumCoeff-1]}
     * @param nC the coeff_token context (-1 for chroma DC)
     * @return TotalCoeff of the block
     */
    int write(BitWriter w, int[] coeffs, int start, int maxNumCoeff, int nC) {
        int end = start + maxNumCoeff;
        int last = -1;
        int total = 0;
        for (int i = start; i < end; i++) {
            if (coeffs[i] != 0) {
                last = i;
                total++;
            }
        }
        int table = CavlcTables.tokenTable(nC);
        if (total == 0) {
            w.put(CavlcTables.TOKEN_LEN[table][0], CavlcTables.TOKEN_CODE[table][0]);
            return 0;
        }
        // Levels from the highest frequency down, with the run of zeros below each.
        int trailingOnes = 0;
        boolean onesOpen = true;
        int n = 0;
        int run = 0;
        for (int i = last; i >= start; i--) {
            int c = coeffs[i];
            if (c == 0) {
                run++;
                continue;
            }
            if (n > 0) {
                runs[n - 1] = run;
            }
            run = 0;
            levels[n++] = c;
        }
        runs[n - 1] = run; // the zeros below the lowest-frequency coefficient are not coded
        for (int i = 0; i < n && i < 3 && onesOpen; i++) {
            if (levels[i] == 1 || levels[i] == -1) {
                trailingOnes++;
            } else {
                onesOpen = false;
            }
        }
        int tok = CavlcTables.tokenIndex(total, trailingOnes);
        w.put(CavlcTables.TOKEN_LEN[table][tok], CavlcTables.TOKEN_CODE[table][tok]);
        for (int i = 0; i < trailingOnes; i++) {
            w.put(1, levels[i] < 0 ? 1 : 0); // trailing_ones_sign_flag
        }
        int suffixLength = total > 10 && trailingOnes < 3 ? 1 : 0;
        for (int i = trailingOnes; i < n; i++) {
            int level = levels[i];
            int levelCode = level > 0 ? 2 * level - 2 : -2 * level - 1;
            if (i == trailingOnes && trailingOnes < 3) {
                levelCode -= 2;
            }
            writeLevel(w, levelCode, suffixLength);
            if (suffixLength == 0) {
                suffixLength = 1;
            }
            if (Math.abs(level) > (3 << (suffixLength - 1)) && suffixLength < 6) {
                suffixLength++;
            }
        }
        int totalZeros = last + 1 - start - total;
        if (total < maxNumCoeff) {
            if (nC < 0) {
                w.put(CavlcTables.TZ_DC_LEN[total - 1][totalZeros], CavlcTables.TZ_DC_CODE[total - 1][totalZeros]);
            } else {
                w.put(CavlcTables.TZ_LEN[total - 1][totalZeros], CavlcTables.TZ_CODE[total - 1][totalZeros]);
            }
        }
        int zerosLeft = totalZeros;
        for (int i = 0; i < n - 1 && zerosLeft > 0; i++) {
            int t = Math.min(zerosLeft, 7) - 1;
            w.put(CavlcTables.RUN_LEN[t][runs[i]], CavlcTables.RUN_CODE[t][runs[i]]);
            zerosLeft -= runs[i];
        }
        return total;
    }

    /** level_prefix (unary, §9.2.2.1) and level_suffix for a levelCode at a suffix length. */
    private static void writeLevel(BitWriter w, int levelCode, int suffixLength) {
        if (suffixLength == 0) {
            if (levelCode < 14) {
                w.put(levelCode + 1, 1);
            } else if (levelCode < 30) {
                w.put(15, 1); // prefix 14
                w.put(4, levelCode - 14);
            } else {
                w.put(16, 1); // prefix 15
                w.put(12, levelCode - 30);
            }
        } else if (levelCode < (15 << suffixLength)) {
            w.put((levelCode >> suffixLength) + 1, 1);
            w.put(suffixLength, levelCode & ((1 << suffixLength) - 1));
        } else {
            w.put(16, 1); // prefix 15
            w.put(12, levelCode - (15 << suffixLength));
        }
    }
}
