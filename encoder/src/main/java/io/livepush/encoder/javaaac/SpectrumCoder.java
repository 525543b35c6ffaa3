package io.livepush.encoder.javaaac;

/**
 * Huffman coding of quantized spectral values with books 1..11 (ISO/IEC 14496-3 4.6.3.3): books
 * 1-4 code quadruples, 5-11 pairs; books 1, 2, 5, 6 are signed, the others code magnitudes followed
 * by one sign bit per non-zero value; book 11 codes magnitudes of 16 and more as 16 plus an escape
 * sequence (up to 8191).
 */
final class SpectrumCoder {
    /** The zero codebook: the band is all zeros and nothing is sent for it. */
    static final int ZERO_BOOK = 0;
    /** The escape codebook. */
    static final int ESCAPE_BOOK = 11;
    /** Largest magnitude each book can code (book 11: with escapes). */
    static final int[] LARGEST = {0, 1, 1, 2, 2, 4, 4, 7, 7, 12, 12, 8191};
    private static final boolean[] SIGNED = {false, true, true, false, false, true, true, false, false, false, false, false};
    private static final int[] DIMENSION = {0, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2, 2};
    /** Values per dimension: the radix of the index. */
    private static final int[] RADIX = {0, 3, 3, 3, 3, 9, 9, 8, 8, 13, 13, 17};

    /**
     * [book][index]: codeword length plus, for the unsigned books, one sign bit per non-zero value
     * of the tuple (escape sequences of book 11 not included).
     */
    private static final int[][] COST = new int[12][];

    static {
        for (int book = 1; book <= 11; book++) {
            int[] lengths = AacHuffmanTables.SPECTRAL_LENGTHS[book];
            COST[book] = new int[lengths.length];
            for (int index = 0; index < lengths.length; index++) {
                int signs = 0;
                if (!SIGNED[book]) {
                    for (int rest = index, d = 0; d < DIMENSION[book]; d++, rest /= RADIX[book]) {
                        signs += rest % RADIX[book] != 0 ? 1 : 0;
                    }
                }
                COST[book][index] = lengths[index] + signs;
            }
        }
    }

    private SpectrumCoder() {
    }

    /**
     * @param q quantized values
     * @param start first value
     * @param length how many, a multiple of 4
     * @return the largest magnitude
     */
    static int largest(int[] q, int start, int length) {
        int max = 0;
        for (int i = start; i < start + length; i++) {
            int a = Math.abs(q[i]);
            if (a > max) {
                max = a;
            }
        }
        return max;
    }

    /** @return the first book able to code {@code largest}, or {@link #ZERO_BOOK} for 0 */
    static int firstBook(int largest) {
        for (int b = 0; b < LARGEST.length; b++) {
            if (LARGEST[b] >= largest) {
                return b;
            }
        }
        throw new IllegalArgumentException("quantized magnitude " + largest + " exceeds 8191");
    }

    /**
     * @return the bits {@code book} needs for the values, or {@link Integer#MAX_VALUE} when the book
     *     cannot code them
     */
    static int bits(int book, int[] q, int start, int length) {
        if (book == ZERO_BOOK) {
            return largest(q, start, length) == 0 ? 0 : Integer.MAX_VALUE;
        }
        int[] cost = COST[book];
        int dim = DIMENSION[book];
        int bits = 0;
        for (int i = start; i < start + length; i += dim) {
            int index = index(book, q, i);
            if (index < 0) {
                return Integer.MAX_VALUE;
            }
            bits += cost[index];
            if (book == ESCAPE_BOOK) {
                int a = Math.abs(q[i]);
                int b = Math.abs(q[i + 1]);
                bits += (a >= 16 ? escapeBits(a) : 0) + (b >= 16 ? escapeBits(b) : 0);
            }
        }
        return bits;
    }

    /**
     * Counts an odd book and the next one together: books 1/2, 3/4, 5/6, 7/8 and 9/10 share their
     * tuple indices and differ only in codeword lengths.
     *
     * @param book 1, 3, 5, 7 or 9
     * @param out receives the bits of {@code book} and {@code book + 1} at those indices
     *     ({@link Integer#MAX_VALUE} when the values are out of their range)
     */
    static void bitsOfPair(int book, int[] q, int start, int length, int[] out) {
        int[] costA = COST[book];
        int[] costB = COST[book + 1];
        int dim = DIMENSION[book];
        int a = 0;
        int b = 0;
        for (int i = start; i < start + length; i += dim) {
            int index = index(book, q, i);
            if (index < 0) {
                out[book] = Integer.MAX_VALUE;
                out[book + 1] = Integer.MAX_VALUE;
                return;
            }
            a += costA[index];
            b += costB[index];
        }
        out[book] = a;
        out[book + 1] = b;
    }

    /** Writes the values with {@code book} (which must be able to code them). */
    static void write(BitWriter out, int book, int[] q, int start, int length) {
        if (book == ZERO_BOOK) {
            return;
        }
        int[] lengths = AacHuffmanTables.SPECTRAL_LENGTHS[book];
        int[] codes = AacHuffmanTables.SPECTRAL_CODES[book];
        int dim = DIMENSION[book];
        for (int i = start; i < start + length; i += dim) {
            int index = index(book, q, i);
            if (index < 0) {
                throw new IllegalStateException("book " + book + " cannot code value " + q[i]);
            }
            out.write(codes[index], lengths[index]);
            if (SIGNED[book]) {
                continue;
            }
            for (int d = 0; d < dim; d++) {
                if (q[i + d] != 0) {
                    out.write(q[i + d] < 0 ? 1 : 0, 1);
                }
            }
            if (book == ESCAPE_BOOK) {
                for (int d = 0; d < dim; d++) {
                    int a = Math.abs(q[i + d]);
                    if (a >= 16) {
                        writeEscape(out, a);
                    }
                }
            }
        }
    }

    /** The codebook index of the tuple at {@code i}, or -1 when a value is out of the book's range. */
    private static int index(int book, int[] q, int i) {
        int dim = DIMENSION[book];
        int radix = RADIX[book];
        int index = 0;
        for (int d = 0; d < dim; d++) {
            int v = q[i + d];
            int digit;
            if (SIGNED[book]) {
                int lav = LARGEST[book];
                if (v < -lav || v > lav) {
                    return -1;
                }
                digit = v + lav;
            } else {
                int a = Math.abs(v);
                if (book == ESCAPE_BOOK) {
                    digit = Math.min(a, 16);
                } else if (a > LARGEST[book]) {
                    return -1;
                } else {
                    digit = a;
                }
            }
            index = index * radix + digit;
        }
        return index;
    }

    /** Bits of the escape sequence for a magnitude of 16..8191: N ones, a zero, N + 4 bits. */
    static int escapeBits(int magnitude) {
        int n = 31 - Integer.numberOfLeadingZeros(magnitude) - 4;
        return 2 * n + 5;
    }

    private static void writeEscape(BitWriter out, int magnitude) {
        int n = 31 - Integer.numberOfLeadingZeros(magnitude) - 4;
        for (int i = 0; i < n; i++) {
            out.write(1, 1);
        }
        out.write(0, 1);
        out.write(magnitude - (1 << (n + 4)), n + 4);
    }
}
