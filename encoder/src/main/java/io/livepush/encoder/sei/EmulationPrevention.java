package io.livepush.encoder.sei;

import java.io.ByteArrayOutputStream;

/**
 * Emulation prevention (ISO/IEC 14496-10 §7.3.1 and §7.4.1): inside a NAL unit the byte sequences
 * {@code 00 00 00}, {@code 00 00 01}, {@code 00 00 02} and {@code 00 00 03} must not appear, so a
 * writer inserts {@code emulation_prevention_three_byte} (0x03) after every {@code 00 00} that is
 * followed by a byte in 0x00..0x03, and a reader drops the 0x03 of every {@code 00 00 03}.
 *
 * <p>Both directions work on the NAL unit's payload: the bytes after the one-byte NAL header.
 * Stateless and thread-safe.
 */
public final class EmulationPrevention {
    private EmulationPrevention() {
    }

    /**
     * Turns RBSP bytes into NAL payload bytes (an EBSP) by inserting 0x03 where needed. When the
     * RBSP ends with 0x00 (only possible after {@code cabac_zero_word}s) a final 0x03 is appended,
     * as §7.4.1 requires.
     *
     * @param rbsp the raw byte sequence payload
     * @param offset first byte to escape
     * @param length number of bytes to escape
     * @return a new array holding the escaped bytes
     */
    public static byte[] add(byte[] rbsp, int offset, int length) {
        checkRange(rbsp, offset, length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + length / 64 + 4);
        int zeros = 0;
        for (int i = offset; i < offset + length; i++) {
            int b = rbsp[i] & 0xFF;
            if (zeros >= 2 && b <= 0x03) {
                out.write(0x03);
                zeros = 0;
            }
            out.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        if (length > 0 && rbsp[offset + length - 1] == 0) {
            out.write(0x03);
        }
        return out.toByteArray();
    }

    /**
     * @param rbsp the raw bytes to escape, never null
     * @return {@link #add(byte[], int, int)} over the whole array
     */
    public static byte[] add(byte[] rbsp) {
        return add(rbsp, 0, rbsp.length);
    }

    /**
     * Turns NAL payload bytes back into RBSP bytes by dropping the 0x03 of every {@code 00 00 03}.
     *
     * @param ebsp the escaped bytes
     * @param offset first byte to read (usually 1, after the NAL header)
     * @param length number of bytes to read
     * @return a new array holding the RBSP
     */
    public static byte[] remove(byte[] ebsp, int offset, int length) {
        checkRange(ebsp, offset, length);
        byte[] out = new byte[length];
        int n = 0;
        int zeros = 0;
        for (int i = offset; i < offset + length; i++) {
            int b = ebsp[i] & 0xFF;
            if (zeros >= 2 && b == 0x03) {
                zeros = 0;
                continue;
            }
            out[n++] = (byte) b;
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return n == length ? out : java.util.Arrays.copyOf(out, n);
    }

    /**
     * @param ebsp the escaped bytes, never null
     * @return {@link #remove(byte[], int, int)} over the whole array
     */
    public static byte[] remove(byte[] ebsp) {
        return remove(ebsp, 0, ebsp.length);
    }

    private static void checkRange(byte[] a, int offset, int length) {
        if (a == null) {
            throw new IllegalArgumentException("byte array is null (expected an array)");
        }
        if (offset < 0 || length < 0 || offset > a.length - length) {
            throw new IllegalArgumentException("range offset " + offset + " length " + length
                    + " does not fit an array of " + a.length + " bytes");
        }
    }
}
