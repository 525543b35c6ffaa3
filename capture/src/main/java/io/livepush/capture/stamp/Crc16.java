package io.livepush.capture.stamp;

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR), the
 * check value a {@link FrameStamp} carries. It detects every single-bit and every two-bit error in
 * the 96-bit payload, and every burst of up to 16 bits, so a misread cell is rejected instead of
 * yielding a wrong frame number. Check value of ASCII "123456789" is 0x29B1.
 */
final class Crc16 {
    private Crc16() {
    }

    /**
     * @param data the bytes to check
     * @param length how many bytes of {@code data}, from index 0
     * @return the 16-bit CRC in the low bits
     */
    static int of(byte[] data, int length) {
        int crc = 0xFFFF;
        for (int i = 0; i < length; i++) {
            crc ^= (data[i] & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xFFFF;
    }
}
