package io.livepush.encoder.h264;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NalUnitTypeTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"0, UNSPECIFIED", "1, CODED_SLICE_NON_IDR", "5, CODED_SLICE_IDR", "6, SEI", "7, SEQ_PARAMETER_SET",
        "8, PIC_PARAMETER_SET", "9, ACCESS_UNIT_DELIMITER", "12, FILLER_DATA", "17, RESERVED", "18, RESERVED",
        "19, CODED_SLICE_AUXILIARY", "20, CODED_SLICE_EXTENSION", "23, RESERVED", "24, UNSPECIFIED", "31, UNSPECIFIED"})
    void mapsTable71Values(int value, NalUnitType type) {
        assertEquals(type, NalUnitType.of(value));
    }

    @Test
    void readsTheTypeFromTheHeaderByteIgnoringNalRefIdc() {
        assertEquals(NalUnitType.CODED_SLICE_IDR, NalUnitType.of(new byte[] {0x65}));
        assertEquals(NalUnitType.SEQ_PARAMETER_SET, NalUnitType.of(new byte[] {0x27}));
    }

    @Test
    void onlyTypesOneToFiveAreSlices() {
        assertTrue(NalUnitType.CODED_SLICE_NON_IDR.isSlice());
        assertTrue(NalUnitType.CODED_SLICE_IDR.isSlice());
        assertFalse(NalUnitType.SEI.isSlice());
        assertFalse(NalUnitType.CODED_SLICE_EXTENSION.isSlice());
    }

    @Test
    void valueOutsideFiveBitsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NalUnitType.of(32));
        assertEquals("nal_unit_type 32 is not allowed (expected 0..31)", e.getMessage());
    }
}
