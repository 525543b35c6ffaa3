package io.livepush.encoder.h264;

/**
 * {@code nal_unit_type} values of ISO/IEC 14496-10 Table 7-1, named after the spec's content
 * descriptions. Values the spec reserves map to {@link #RESERVED}, unspecified ones to
 * {@link #UNSPECIFIED}.
 */
public enum NalUnitType {
    /** 0 and 24..31: unspecified. */
    UNSPECIFIED(0),
    /** 1: coded slice of a non-IDR picture. */
    CODED_SLICE_NON_IDR(1),
    /** 2: coded slice data partition A. */
    CODED_SLICE_DATA_PARTITION_A(2),
    /** 3: coded slice data partition B. */
    CODED_SLICE_DATA_PARTITION_B(3),
    /** 4: coded slice data partition C. */
    CODED_SLICE_DATA_PARTITION_C(4),
    /** 5: coded slice of an IDR picture. */
    CODED_SLICE_IDR(5),
    /** 6: supplemental enhancement information (SEI). */
    SEI(6),
    /** 7: sequence parameter set. */
    SEQ_PARAMETER_SET(7),
    /** 8: picture parameter set. */
    PIC_PARAMETER_SET(8),
    /** 9: access unit delimiter. */
    ACCESS_UNIT_DELIMITER(9),
    /** 10: end of sequence. */
    END_OF_SEQUENCE(10),
    /** 11: end of stream. */
    END_OF_STREAM(11),
    /** 12: filler data. */
    FILLER_DATA(12),
    /** 13: sequence parameter set extension. */
    SEQ_PARAMETER_SET_EXTENSION(13),
    /** 14: prefix NAL unit. */
    PREFIX_NAL_UNIT(14),
    /** 15: subset sequence parameter set. */
    SUBSET_SEQ_PARAMETER_SET(15),
    /** 16: depth parameter set. */
    DEPTH_PARAMETER_SET(16),
    /** 17, 18, 22, 23: reserved. */
    RESERVED(17),
    /** 19: coded slice of an auxiliary coded picture without partitioning. */
    CODED_SLICE_AUXILIARY(19),
    /** 20: coded slice extension. */
    CODED_SLICE_EXTENSION(20),
    /** 21: coded slice extension for a depth view component or a 3D-AVC texture view component. */
    CODED_SLICE_EXTENSION_DEPTH(21);

    private static final NalUnitType[] BY_VALUE = new NalUnitType[32];

    static {
        for (int v = 0; v < 32; v++) {
            BY_VALUE[v] = v <= 16 || (v >= 19 && v <= 21) ? find(v) : (v == 17 || v == 18 || v == 22 || v == 23)
                    ? RESERVED : UNSPECIFIED;
        }
    }

    private final int value;

    NalUnitType(int value) {
        this.value = value;
    }

    private static NalUnitType find(int v) {
        for (NalUnitType t : values()) {
            if (t.value == v) {
                return t;
            }
        }
        throw new AssertionError(v);
    }

    /** @return the {@code nal_unit_type} value (for RESERVED and UNSPECIFIED, the first such value) */
    public int value() {
        return value;
    }

    /** @return true for the VCL types a primary coded picture is made of, 1..5 */
    public boolean isSlice() {
        return value >= 1 && value <= 5;
    }

    /**
     * @param nalUnitType 0..31
     * @return the type
     * @throws IllegalArgumentException outside 0..31
     */
    public static NalUnitType of(int nalUnitType) {
        if (nalUnitType < 0 || nalUnitType > 31) {
            throw new IllegalArgumentException("nal_unit_type " + nalUnitType + " is not allowed (expected 0..31)");
        }
        return BY_VALUE[nalUnitType];
    }

    /**
     * @param nal a NAL unit starting with its header byte
     * @return the type in its low five bits
     * @throws IllegalArgumentException for a null or empty array
     */
    public static NalUnitType of(byte[] nal) {
        return of(typeValue(nal));
    }

    /**
     * @param nal a NAL unit starting with its header byte
     * @return {@code nal_unit_type}, 0..31
     * @throws IllegalArgumentException for a null or empty array
     */
    public static int typeValue(byte[] nal) {
        if (nal == null || nal.length == 0) {
            throw new IllegalArgumentException("NAL unit is " + (nal == null ? "null" : "empty")
                    + " (expected at least the header byte)");
        }
        return nal[0] & 0x1F;
    }
}
