package io.livepush.encoder.javah264;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exp-Golomb codes (§9.1), trailing bits and emulation prevention of the RBSP writer. */
class BitWriterTest {
    private static String bits(BitWriter w) {
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

    @ParameterizedTest(name = "ue({0}) = {1}")
    @CsvSource({"0, 1", "1, 010", "2, 011", "3, 00100", "6, 00111", "7, 0001000", "254, 000000011111111"})
    void unsignedExpGolombCodesMatchTable9_2(int value, String code) {
        BitWriter w = new BitWriter();
        w.ue(value);
        assertEquals(code, bits(w));
        assertEquals(code.length(), BitWriter.ueBits(value));
    }

    @ParameterizedTest(name = "se({0}) = {1}")
    @CsvSource({"0, 1", "1, 010", "-1, 011", "2, 00100", "-2, 00101", "-3, 00111"})
    void signedExpGolombCodesMapPositiveToOddCodeNumbers(int value, String code) {
        BitWriter w = new BitWriter();
        w.se(value);
        assertEquals(code, bits(w));
        assertEquals(code.length(), BitWriter.seBits(value));
    }

    @Test
    void largeUnsignedValuesUseMoreThan32BitsOfCode() {
        BitWriter w = new BitWriter();
        w.ue(100_000); // 100001 needs 17 bits: 16 zeros, then the 17-bit value
        assertEquals("0".repeat(16) + Integer.toBinaryString(100_001), bits(w));
    }

    @Test
    void trailingBitsAreAOneThenZerosToTheByteBoundary() {
        BitWriter w = new BitWriter();
        w.put(3, 0b101);
        w.trailingBits();
        assertArrayEquals(new byte[] {0x67, (byte) 0b1011_0000}, w.toNal(0x67));
    }

    @Test
    void emulationPreventionBytesGoAfterEveryTwoZerosBeforeAByteUpTo3() {
        BitWriter w = new BitWriter();
        for (int b : new int[] {0, 0, 1, 0, 0, 0, 0, 0, 3, 0, 0, 4}) {
            w.put(8, b);
        }
        assertArrayEquals(new byte[] {0x65, 0, 0, 3, 1, 0, 0, 3, 0, 0, 3, 0, 3, 0, 0, 4}, w.toNal(0x65));
    }

    @Test
    void anRbspThatIsNotByteAlignedIsRefused() {
        BitWriter w = new BitWriter();
        w.put(3, 1);
        assertThrows(IllegalStateException.class, () -> w.toNal(0x65));
    }
}
