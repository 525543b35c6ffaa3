package io.livepush.natives.openh264;

/**
 * Constants of OpenH264's {@code codec_def.h} (release 2.3.1), under their C names. The layout test
 * checks each against the C header.
 */
public final class CodecDef {
    private CodecDef() {
    }

    // EVideoFormatType
    /** Planar YUV 4:2:0 (IYUV): the only input format the encoder accepts. */
    public static final int videoFormatI420 = 23;

    // EVideoFrameType
    /** Encoder not ready, or invalid parameters. */
    public static final int videoFrameTypeInvalid = 0;
    /** An IDR picture. */
    public static final int videoFrameTypeIDR = 1;
    /** A non-IDR intra picture. */
    public static final int videoFrameTypeI = 2;
    /** A predicted picture. */
    public static final int videoFrameTypeP = 3;
    /** Rate control skipped the picture: nothing was produced. */
    public static final int videoFrameTypeSkip = 4;
    /** Mixed I and P slices (not produced by this encoder). */
    public static final int videoFrameTypeIPMixed = 5;

    // CM_RETURN
    /** Success. */
    public static final int cmResultSuccess = 0;
    /** Invalid parameters. */
    public static final int cmInitParaError = 1;
    /** Unknown reason. */
    public static final int cmUnknownReason = 2;
    /** Out of memory. */
    public static final int cmMallocMemeError = 3;
    /** Initialize first. */
    public static final int cmInitExpected = 4;
    /** Unsupported input. */
    public static final int cmUnsupportedData = 5;

    /**
     * @param code a value an encoder call returned
     * @return the C name of a CM_RETURN code, e.g. {@code cmInitParaError}, or the number
     */
    public static String resultName(int code) {
        return switch (code) {
            case cmResultSuccess -> "cmResultSuccess";
            case cmInitParaError -> "cmInitParaError";
            case cmUnknownReason -> "cmUnknownReason";
            case cmMallocMemeError -> "cmMallocMemeError";
            case cmInitExpected -> "cmInitExpected";
            case cmUnsupportedData -> "cmUnsupportedData";
            default -> Integer.toString(code);
        };
    }
}
