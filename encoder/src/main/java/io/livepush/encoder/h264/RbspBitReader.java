package io.livepush.encoder.h264;

/**
 * Reads the bit-level syntax elements of ISO/IEC 14496-10 §7.2 from an RBSP (emulation prevention
 * already removed): {@code u(n)} fixed-length, {@code ue(v)} and {@code se(v)} Exp-Golomb (§9.1).
 * Not thread-safe; one per parse.
 */
public final class RbspBitReader {
    private final byte[] data;
    private final String what;
    private long bitPos;

    /**
     * @param rbsp the RBSP bytes
     * @param offset the byte to start at
     * @param what what is being read, for error messages (e.g. "SPS")
     */
    public RbspBitReader(byte[] rbsp, int offset, String what) {
        this.data = rbsp;
        this.bitPos = 8L * offset;
        this.what = what;
    }

    /**
     * @param element the syntax element's name, for the error message
     * @return the next bit as a flag, {@code u(1)}
     * @throws IllegalArgumentException when the data ends first
     */
    public boolean flag(String element) {
        return u(1, element) == 1;
    }

    /**
     * Reads {@code u(n)}.
     *
     * @param n 1..32 bits
     * @param element the syntax element's name, for the error message
     * @return the next {@code n} bits as an unsigned value, most significant first
     * @throws IllegalArgumentException when the data ends first
     */
    public long u(int n, String element) {
        if (bitPos + n > 8L * data.length) {
            throw new IllegalArgumentException(what + " ends after " + data.length + " bytes while reading " + element);
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            int bit = (data[(int) (bitPos >>> 3)] >>> (7 - (int) (bitPos & 7))) & 1;
            v = (v << 1) | bit;
            bitPos++;
        }
        return v;
    }

    /**
     * Reads {@code ue(v)}: leading zero bits, a one, then that many bits (§9.1).
     *
     * @param element the syntax element's name, for the error message
     * @return the decoded value, 0..2^32 - 2
     * @throws IllegalArgumentException when the data ends first or the code is longer than 32 bits
     */
    public long ue(String element) {
        int zeros = 0;
        while (u(1, element) == 0) {
            zeros++;
            if (zeros > 32) {
                throw new IllegalArgumentException(what + " has an Exp-Golomb code longer than 32 bits at " + element);
            }
        }
        return zeros == 0 ? 0 : (1L << zeros) - 1 + u(zeros, element);
    }

    /**
     * Reads {@code ue(v)} and checks its range.
     *
     * @param element the syntax element's name, for the error message
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the decoded value, {@code min..max}
     * @throws IllegalArgumentException e.g. "SPS pic_order_cnt_type is 5 (expected 0..2)"
     */
    public int ue(String element, int min, int max) {
        long v = ue(element);
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " " + element + " is " + v + " (expected " + min + ".." + max + ")");
        }
        return (int) v;
    }

    /**
     * @param element the syntax element's name, for the error message
     * @return {@code se(v)}: ue mapped to 0, 1, -1, 2, -2, ... (§9.1.1)
     * @throws IllegalArgumentException when the data ends first or the code is longer than 32 bits
     */
    public long se(String element) {
        long k = ue(element);
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }

    /** @return how many bits have been read from the start of the array */
    public long bitPosition() {
        return bitPos;
    }

    /** @return bits left in the data */
    public long bitsLeft() {
        return 8L * data.length - bitPos;
    }
}
