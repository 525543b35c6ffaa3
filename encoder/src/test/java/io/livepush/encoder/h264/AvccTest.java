package io.livepush.encoder.h264;

import static io.livepush.encoder.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AvccTest {
    @Test
    void joinPrefixesEachNalUnitWithItsFourByteLength() {
        byte[] avcc = Avcc.join(List.of(hex("06 05 11"), hex("65 88 84 21")));
        assertArrayEquals(hex("00 00 00 03" // length 3
                + "06 05 11" // SEI
                + "00 00 00 04" // length 4
                + "65 88 84 21"), avcc); // IDR slice
    }

    @Test
    void splitReadsFourTwoAndOneByteLengths() {
        assertEquals(2, Avcc.split(hex("00 00 00 02 67 42 00 00 00 01 68")).size());
        List<byte[]> two = Avcc.split(hex("00 02 67 42 00 01 68"), 2);
        assertArrayEquals(hex("67 42"), two.get(0));
        assertArrayEquals(hex("68"), two.get(1));
        assertArrayEquals(hex("41 9a"), Avcc.split(hex("02 41 9a"), 1).get(0));
    }

    @Test
    void roundTripKeepsTheNalUnits() {
        List<byte[]> nals = List.of(H264Vectors.MAIN_1080P_SPS, H264Vectors.MAIN_1080P_PPS);
        List<byte[]> back = Avcc.split(Avcc.join(nals));
        assertArrayEquals(nals.get(0), back.get(0));
        assertArrayEquals(nals.get(1), back.get(1));
    }

    @Test
    void lengthRunningPastTheEndIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Avcc.split(hex("00 00 00 09 65 88")));
        assertEquals("AVCC NAL unit at offset 0 claims 9 bytes but only 2 remain", e.getMessage());
    }

    @Test
    void lengthSizeOfThreeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Avcc.join(List.of(hex("65")), 3));
        assertEquals("NAL length size 3 is not allowed (expected 1, 2 or 4)", e.getMessage());
    }

    @Test
    void nalUnitTooLongForATwoByteLengthIsRejected() {
        byte[] big = new byte[70_000];
        big[0] = 0x65;
        assertThrows(IllegalArgumentException.class, () -> Avcc.join(List.of(big), 2));
    }
}
