package io.livepush.encoder.h264;

import static io.livepush.encoder.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnnexBTest {
    @Test
    void splitsOnThreeAndFourByteStartCodes() {
        byte[] stream = hex("00 00 00 01 67 42 c0 1f" // 4-byte start code, SPS
                + "00 00 01 68 cb 83" // 3-byte start code, PPS
                + "00 00 00 01 65 88 84 00 00 03 01" // IDR slice holding an escaped 00 00 03 01
                + "00 00"); // trailing_zero_8bits
        List<byte[]> nals = AnnexB.split(stream);
        assertEquals(3, nals.size());
        assertArrayEquals(hex("67 42 c0 1f"), nals.get(0));
        assertArrayEquals(hex("68 cb 83"), nals.get(1));
        assertArrayEquals(hex("65 88 84 00 00 03 01"), nals.get(2));
    }

    @Test
    void joinWritesFourByteStartCodesAndSplitReadsThemBack() {
        List<byte[]> nals = List.of(hex("09 f0"), hex("67 42"), hex("06 05 11"), hex("65 88 ff"));
        byte[] stream = AnnexB.join(nals);
        assertArrayEquals(hex("00 00 00 01 09 f0 00 00 00 01 67 42 00 00 00 01 06 05 11 00 00 00 01 65 88 ff"), stream);
        List<byte[]> back = AnnexB.split(stream);
        for (int i = 0; i < nals.size(); i++) {
            assertArrayEquals(nals.get(i), back.get(i));
        }
    }

    @Test
    void realX264StreamSplitsIntoSpsPpsSeiAndIdr() {
        byte[] stream = io.livepush.encoder.TestBytes.concat(hex("00 00 00 01"), H264Vectors.HIGH_720P_SPS,
                hex("00 00 00 01"), H264Vectors.HIGH_720P_PPS, hex("00 00 01 65 b8 00 04"));
        List<byte[]> nals = AnnexB.split(stream);
        assertEquals(List.of(NalUnitType.SEQ_PARAMETER_SET, NalUnitType.PIC_PARAMETER_SET, NalUnitType.CODED_SLICE_IDR),
                nals.stream().map(NalUnitType::of).toList());
        assertArrayEquals(H264Vectors.HIGH_720P_SPS, nals.get(0));
    }

    @Test
    void emptyNalUnitsBetweenStartCodesAreSkipped() {
        assertEquals(1, AnnexB.split(hex("00 00 01 00 00 01 41 9a")).size());
    }

    @Test
    void garbageBeforeTheFirstStartCodeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnnexB.split(hex("12 00 00 01 41")));
        assertEquals("byte stream has 1 bytes before its first start code (expected only zero bytes there)", e.getMessage());
    }

    @Test
    void emptyNalUnitCannotBeJoined() {
        assertThrows(IllegalArgumentException.class, () -> AnnexB.join(List.of(hex("67"), new byte[0])));
    }
}
