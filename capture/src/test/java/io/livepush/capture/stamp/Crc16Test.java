package io.livepush.capture.stamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc16Test {
    @Test
    void matchesTheCatalogueCheckValueForCcittFalse() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        // CRC-16/CCITT-FALSE catalogue entry: check = 0x29B1
        assertEquals(0x29B1, Crc16.of(check, check.length));
    }

    @Test
    void ofNothingIsTheInitialValue() {
        assertEquals(0xFFFF, Crc16.of(new byte[0], 0));
    }

    @Test
    void everySingleBitFlipChangesTheCrc() {
        byte[] data = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        int crc = Crc16.of(data, data.length);
        for (int bit = 0; bit < data.length * 8; bit++) {
            data[bit / 8] ^= (byte) (1 << (bit % 8));
            assertNotEquals(crc, Crc16.of(data, data.length), "bit " + bit);
            data[bit / 8] ^= (byte) (1 << (bit % 8));
        }
    }
}
