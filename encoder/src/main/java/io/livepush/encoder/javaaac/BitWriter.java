package io.livepush.encoder.javaaac;

import java.util.Arrays;

/**
 * Writes bits most significant first into one reused byte array (AAC bitstreams are MSB first,
 * ISO/IEC 14496-3 1.5.1). Sized once for the largest frame; {@link #reset()} starts the next frame
 * without allocating.
 */
final class BitWriter {
    private final byte[] buffer;
    private int bitPosition;

    /**
     * @param capacityBytes the most bytes one frame may take
     */
    BitWriter(int capacityBytes) {
        this.buffer = new byte[capacityBytes];
    }

    /** Starts an empty frame. */
    void reset() {
        Arrays.fill(buffer, 0, (bitPosition + 7) >>> 3, (byte) 0);
        bitPosition = 0;
    }

    /**
     * @param value the bits, right-aligned
     * @param count 0..31 bits
     */
    void write(int value, int count) {
        if (bitPosition + count > buffer.length * 8) {
            throw new IllegalStateException("AAC frame exceeds " + buffer.length + " bytes");
        }
        for (int i = count - 1; i >= 0; i--) {
            if ((value >>> i & 1) != 0) {
                buffer[bitPosition >>> 3] |= (byte) (0x80 >>> (bitPosition & 7));
            }
            bitPosition++;
        }
    }

    /** Pads with zero bits to the next byte boundary. */
    void byteAlign() {
        bitPosition = (bitPosition + 7) & ~7;
    }

    /** @return bits written since {@link #reset()} */
    int bitCount() {
        return bitPosition;
    }

    /** @return a copy of the written bytes (the last one zero-padded) */
    byte[] toByteArray() {
        return Arrays.copyOf(buffer, (bitPosition + 7) >>> 3);
    }
}
