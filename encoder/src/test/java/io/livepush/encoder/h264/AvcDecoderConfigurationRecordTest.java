package io.livepush.encoder.h264;

import static io.livepush.encoder.TestBytes.hex;
import static io.livepush.encoder.TestBytes.toHex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected bytes are what ffmpeg 5.1 writes as the FLV AVC sequence header for the same SPS/PPS. */
class AvcDecoderConfigurationRecordTest {
    @Test
    void baselineRecordMatchesFfmpegByteForByte() {
        byte[] record = AvcDecoderConfigurationRecord.of(H264Vectors.BASELINE_720P_SPS, H264Vectors.BASELINE_720P_PPS).toBytes();
        byte[] expected = hex("01" // configurationVersion
                + "42 c0 1f" // AVCProfileIndication 66, profile_compatibility c0, AVCLevelIndication 31
                + "ff" // 111111 + lengthSizeMinusOne 3
                + "e1" // 111 + numOfSequenceParameterSets 1
                + "00 19" // sequenceParameterSetLength 25
                + "67 42 c0 1f d9 00 50 05 bb 01 10 00 00 03 00 10 00 00 03 03 c0 f1 83 24 80" // SPS
                + "01" // numOfPictureParameterSets
                + "00 05" // pictureParameterSetLength
                + "68 cb 83 cb 20"); // PPS; no extension for profile 66
        assertArrayEquals(expected, record, toHex(record));
    }

    @Test
    void highRecordCarriesTheChromaAndBitDepthExtensionLikeFfmpeg() {
        byte[] record = AvcDecoderConfigurationRecord.of(H264Vectors.HIGH_720P_SPS, H264Vectors.HIGH_720P_PPS).toBytes();
        byte[] expected = hex("01" // configurationVersion
                + "64 00 1f" // profile 100, compatibility 0, level 31
                + "ff e1" // 4-byte lengths, one SPS
                + "00 1a 67 64 00 1f ac d9 40 50 05 bb 01 10 00 00 03 00 10 00 00 03 03 c0 f1 83 19 60" // SPS
                + "01 00 06 68 eb e3 cb 22 c0" // one PPS
                + "fd" // 111111 + chroma_format 1 (4:2:0)
                + "f8" // 11111 + bit_depth_luma_minus8 0
                + "f8" // 11111 + bit_depth_chroma_minus8 0
                + "00"); // numOfSequenceParameterSetExt
        assertArrayEquals(expected, record, toHex(record));
    }

    @Test
    void mainProfile1080pRecordMatchesFfmpeg() {
        byte[] record = AvcDecoderConfigurationRecord.of(H264Vectors.MAIN_1080P_SPS, H264Vectors.MAIN_1080P_PPS).toBytes();
        assertArrayEquals(hex("01 4d 40 28 ff e1 00 1a"
                + "67 4d 40 28 ec a0 3c 01 13 f2 e0 22 00 00 03 00 02 00 00 03 00 78 1e 30 63 2c"
                + "01 00 05 68 eb e3 cb 20"), record, toHex(record));
    }

    @Test
    void parseReadsBackWhatWasWritten() {
        AvcDecoderConfigurationRecord built = AvcDecoderConfigurationRecord.of(H264Vectors.HIGH_720P_SPS, H264Vectors.HIGH_720P_PPS);
        AvcDecoderConfigurationRecord back = AvcDecoderConfigurationRecord.parse(built.toBytes());
        assertEquals(100, back.profileIdc());
        assertEquals(0, back.profileCompatibility());
        assertEquals(31, back.levelIdc());
        assertEquals(4, back.nalLengthSize());
        assertArrayEquals(H264Vectors.HIGH_720P_SPS, back.spsList().get(0));
        assertArrayEquals(H264Vectors.HIGH_720P_PPS, back.ppsList().get(0));
        assertTrue(back.hasHighProfileExtension());
        assertEquals(1, back.chromaFormat());
        assertArrayEquals(built.toBytes(), back.toBytes());
    }

    @Test
    void parseAcceptsAHighProfileRecordWithoutTheExtension() {
        byte[] noExt = hex("01 64 00 1f ff e1 00 1a 67 64 00 1f ac d9 40 50 05 bb 01 10 00 00 03 00 10 00 00 03 03 c0 f1 83 19 60"
                + "01 00 06 68 eb e3 cb 22 c0");
        AvcDecoderConfigurationRecord r = AvcDecoderConfigurationRecord.parse(noExt);
        assertFalse(r.hasHighProfileExtension());
        assertArrayEquals(noExt, r.toBytes());
    }

    @Test
    void parseRejectsASetLongerThanTheRecord() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AvcDecoderConfigurationRecord.parse(hex("01 42 c0 1f ff e1 00 40 67 42")));
        assertEquals("AVCDecoderConfigurationRecord SPS 0 claims 64 bytes but 2 remain", e.getMessage());
    }

    @Test
    void buildingRejectsAPpsWhereAnSpsBelongs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AvcDecoderConfigurationRecord.of(List.of(H264Vectors.HIGH_720P_PPS), List.of(H264Vectors.HIGH_720P_PPS)));
        assertEquals("SPS NAL unit has type 8 (expected 7)", e.getMessage());
    }
}
