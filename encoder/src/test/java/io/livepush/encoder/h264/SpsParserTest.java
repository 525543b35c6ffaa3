package io.livepush.encoder.h264;

import static io.livepush.encoder.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpsParserTest {
    static Stream<Arguments> vectors() {
        return Stream.of(
                // name, sps, profile, constraint byte, level, chroma, poc type, refs, mbs w x h, frameMbsOnly, width, height, fps
                Arguments.of("baseline 720p", H264Vectors.BASELINE_720P_SPS, 66, 0xc0, 31, 1, 2, 3, 80, 45, true, 1280, 720, 30.0),
                Arguments.of("high 720p", H264Vectors.HIGH_720P_SPS, 100, 0x00, 31, 1, 0, 4, 80, 45, true, 1280, 720, 30.0),
                Arguments.of("main 1080p cropped", H264Vectors.MAIN_1080P_SPS, 77, 0x40, 40, 1, 0, 4, 120, 68, true, 1920, 1080, 30.0),
                Arguments.of("high interlaced scaling lists", H264Vectors.SCALING_LIST_INTERLACED_SPS, 100, 0x00, 40, 1, 1, 1,
                        120, 34, false, 1920, 1080, Double.NaN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void readsTheFieldsFfmpegReads(String name, byte[] sps, int profile, int constraints, int level, int chroma, int pocType,
            int refs, int mbsWide, int mapUnitsHigh, boolean frameMbsOnly, int width, int height, double fps) {
        SpsInfo info = SpsParser.parse(sps);
        assertEquals(profile, info.profileIdc());
        assertEquals(constraints, info.constraintFlags());
        assertEquals(level, info.levelIdc());
        assertEquals(0, info.seqParameterSetId());
        assertEquals(chroma, info.chromaFormatIdc());
        assertEquals(8, info.bitDepthLuma());
        assertEquals(8, info.bitDepthChroma());
        assertEquals(pocType, info.picOrderCntType());
        assertEquals(refs, info.maxNumRefFrames());
        assertEquals(mbsWide, info.picWidthInMbs());
        assertEquals(mapUnitsHigh, info.picHeightInMapUnits());
        assertEquals(frameMbsOnly, info.frameMbsOnly());
        assertEquals(width, info.width());
        assertEquals(height, info.height());
        assertEquals(fps, info.frameRate(), 1e-9);
    }

    @Test
    void baselineHasConstraintSets0And1AndPocType2() {
        SpsInfo info = SpsParser.parse(H264Vectors.BASELINE_720P_SPS);
        assertTrue(info.constraintSet(0));
        assertTrue(info.constraintSet(1));
        assertFalse(info.constraintSet(2));
        assertEquals(4, info.log2MaxFrameNum());
        assertEquals(0, info.log2MaxPicOrderCntLsb());
        assertEquals(new SpsInfo.Timing(1, 60, false), info.timing());
        assertEquals("avc1.42c01f", info.codecString());
    }

    @Test
    void highProfileReadsPocLsbLength() {
        SpsInfo info = SpsParser.parse(H264Vectors.HIGH_720P_SPS);
        assertEquals(6, info.log2MaxPicOrderCntLsb()); // log2_max_pic_order_cnt_lsb_minus4 = 2
        assertFalse(info.scalingMatrixPresent());
        assertEquals("avc1.64001f", info.codecString());
    }

    @Test
    void croppingOf1080pIsFourCropUnitsAtTheBottom() {
        SpsInfo info = SpsParser.parse(H264Vectors.MAIN_1080P_SPS);
        assertEquals(new SpsInfo.Cropping(0, 0, 0, 4), info.cropping());
        assertEquals(1088, info.picHeightInMapUnits() * 16);
    }

    @Test
    void scalingListsAreSkippedSoTheFieldsAfterThemAreRight() {
        SpsInfo info = SpsParser.parse(H264Vectors.SCALING_LIST_INTERLACED_SPS);
        assertTrue(info.scalingMatrixPresent());
        assertEquals(new SpsInfo.Cropping(0, 0, 0, 2), info.cropping());
        assertNull(info.timing());
    }

    @Test
    void nonSpsNalUnitIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpsParser.parse(H264Vectors.HIGH_720P_PPS));
        assertEquals("NAL unit type is 8 (expected 7, sequence parameter set)", e.getMessage());
    }

    @Test
    void truncatedSpsNamesTheElementItEndedIn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpsParser.parse(hex("67 42 c0")));
        assertEquals("SPS ends after 2 bytes while reading level_idc", e.getMessage());
    }

    @Test
    void outOfRangeValueIsRejectedWithItsRange() {
        // profile 66, flags 0, level 30, seq_parameter_set_id ue = 32 (000001 00001)
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpsParser.parse(hex("67 42 00 1e 04 20")));
        assertEquals("SPS seq_parameter_set_id is 32 (expected 0..31)", e.getMessage());
    }
}
