package io.livepush.encoder.javah264;

import java.util.Arrays;

/**
 * Writes the bits of one RBSP (ISO/IEC 14496-10 §7.2): fixed-length fields, Exp-Golomb codes
 * ({@code ue(v)}, {@code se(v)}, §9.1) and the trailing bits, then turns the RBSP into a NAL unit
 * with emulation prevention (§7.4.1). Reused from one NAL unit to the next: {@link #reset()} keeps
 * the buffer. One thread at a time.
 */
final class BitWriter {
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private long acc;
    private int bits;

    /** Starts a new RBSP, keeping the buffer. */
    void reset() {
        pos = 0;
        acc = 0;
        bits = 0;
    }

    /** Writes the low {@code n} bits of {@code value}, most significant first; {@code n} is 0..32. */
    void put(int n, int value) {
        if (n == 0) {
            return;
        }
        acc = (acc << n) | (value & (0xFFFFFFFFL >>> (32 - n)));
        bits += n;
        if (bits >= 8) {
            if (pos + 8 > buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            while (bits >= 8) {
                bits -= 8;
                buf[pos++] = (byte) (acc >>> bits);
            }
        }
    }

    /** One flag bit. */
    void flag(boolean set) {
        put(1, set ? 1 : 0);
    }

    /** Unsigned Exp-Golomb code {@code ue(v)} of a value 0..2^31-2. */
    void ue(int value) {
        int v = value + 1;
        int len = 32 - Integer.numberOfLeadingZeros(v);
        if (len > 16) {
            put(len - 1, 0);
            put(len, v);
        } else {
            put(2 * len - 1, v);
        }
    }

    /** Signed Exp-Golomb code {@code se(v)}: k maps to 2k-1 when positive, -2k when not. */
    void se(int value) {
        ue(value <= 0 ? -2 * value : 2 * value - 1);
    }

    /** @return the number of bits of an {@code ue(v)} code for {@code value} */
    static int ueBits(int value) {
        return 2 * (32 - Integer.numberOfLeadingZeros(value + 1)) - 1;
    }

    /** @return the number of bits of an {@code se(v)} code for {@code value} */
    static int seBits(int value) {
        return ueBits(value <= 0 ? -2 * value : 2 * value - 1);
    }

    /** {@code rbsp_trailing_bits()}: a one bit, then zero bits up to the byte boundary. */
    void trailingBits() {
        put(1, 1);
        if (bits > 0) {
            put(8 - bits, 0);
        }
    }

    /** @return bits written since the last {@link #reset()} */
    long bitCount() {
        return pos * 8L + bits;
    }

    /**
     * The NAL unit: the header byte, then the RBSP written so far (which must end byte-aligned)
     * with an {@code emulation_prevention_three_byte} after every {@code 00 00} that is followed by
     * a byte 0..3.
     */
    byte[] toNal(int header) {
        if (bits != 0) {
            throw new IllegalStateException("RBSP is not byte-aligned (" + bits + " bits pending)");
        }
        int extra = 0;
        int zeros = 0;
        for (int i = 0; i < pos; i++) {
            int b = buf[i] & 0xFF;
            if (zeros >= 2 && b <= 3) {
                extra++;
                zeros = 0;
            }
            zeros = b == 0 ? zeros + 1 : 0;
        }
        byte[] out = new byte[1 + pos + extra];
        out[0] = (byte) header;
        int o = 1;
        zeros = 0;
        for (int i = 0; i < pos; i++) {
            int b = buf[i] & 0xFF;
            if (zeros >= 2 && b <= 3) {
                out[o++] = 3;
                zeros = 0;
            }
            out[o++] = (byte) b;
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return out;
    }
}
