package io.livepush.encoder.sei;

import static io.livepush.encoder.TestBytes.hex;
import static io.livepush.encoder.TestBytes.toHex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmulationPreventionTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // rbsp,                 escaped
        "'01 02 03',             '01 02 03'",
        "'00 00 00 05',          '00 00 03 00 05'",
        "'00 00 01 05',          '00 00 03 01 05'",
        "'00 00 02 05',          '00 00 03 02 05'",
        "'00 00 03 05',          '00 00 03 03 05'",
        "'00 00 04',             '00 00 04'",
        "'00 00 00 00 00 07',    '00 00 03 00 00 03 00 07'",
        "'00 01 00 00 80',       '00 01 00 00 80'",
        // a last RBSP byte of 00 (cabac_zero_word) gets a final 03 (7.4.1)
        "'05 00 00',             '05 00 00 03'",
    })
    void addInsertsThreeAfterTwoZerosFollowedByZeroToThree(String rbsp, String escaped) {
        byte[] out = EmulationPrevention.add(hex(rbsp));
        assertArrayEquals(hex(escaped), out, toHex(out));
        assertArrayEquals(hex(rbsp), EmulationPrevention.remove(out));
    }

    @Test
    void removeDropsTheThreeOfEveryZeroZeroThree() {
        assertArrayEquals(hex("00 00 00 00 01 00 00 03"), EmulationPrevention.remove(hex("00 00 03 00 00 03 01 00 00 03 03")));
    }

    @Test
    void addWorksOnARangeOfTheArray() {
        assertArrayEquals(hex("00 00 03 01"), EmulationPrevention.add(hex("ff 00 00 01 ff"), 1, 3));
    }

    @Test
    void escapedRandomDataNeverHoldsAForbiddenSequenceAndRoundTrips() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            byte[] rbsp = new byte[1 + random.nextInt(64)];
            for (int i = 0; i < rbsp.length; i++) {
                rbsp[i] = (byte) (random.nextBoolean() ? 0 : random.nextInt(5));
            }
            rbsp[rbsp.length - 1] = (byte) 0x80;
            byte[] ebsp = EmulationPrevention.add(rbsp);
            for (int i = 0; i + 2 < ebsp.length; i++) {
                if (ebsp[i] == 0 && ebsp[i + 1] == 0 && (ebsp[i + 2] & 0xFF) <= 2) {
                    fail("forbidden sequence at " + i + " in " + toHex(ebsp));
                }
            }
            assertArrayEquals(rbsp, EmulationPrevention.remove(ebsp), toHex(rbsp));
        }
    }

    @Test
    void rangeOutsideTheArrayIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> EmulationPrevention.add(new byte[4], 2, 3));
    }
}
