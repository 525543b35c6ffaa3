package io.livepush.natives.openh264;

/**
 * Constants of OpenH264's {@code codec_app_def.h} (release 2.3.1), under their C names. The layout
 * test checks each against the C header.
 */
public final class CodecAppDef {
    private CodecAppDef() {
    }

    // Limits.
    /** Temporal layers at most. */
    public static final int MAX_TEMPORAL_LAYER_NUM = 4;
    /** Spatial layers at most: the length of {@code SEncParamExt.sSpatialLayers}. */
    public static final int MAX_SPATIAL_LAYER_NUM = 4;
    /** Quality layers at most. */
    public static final int MAX_QUALITY_LAYER_NUM = 4;
    /** Layer records in {@code SFrameBSInfo.sLayerInfo}. */
    public static final int MAX_LAYER_NUM_OF_FRAME = 128;
    /** NAL units in one layer at most. */
    public static final int MAX_NAL_UNITS_IN_LAYER = 128;
    /** Length of {@code SSliceArgument.uiSliceMbNum}: (128 - (4 * 4 + 1 + 4)) / 3. */
    public static final int MAX_SLICES_NUM_TMP = 35;
    /** "No particular bitrate" for maximum bitrates. */
    public static final int UNSPECIFIED_BIT_RATE = 0;
    /** The encoder picks the number of reference frames. */
    public static final int AUTO_REF_PIC_COUNT = -1;

    // ENCODER_OPTION: the option ids of SetOption/GetOption, and the type their value points to.
    /** int: EVideoFormatType of the input. */
    public static final int ENCODER_OPTION_DATAFORMAT = 0;
    /** int: IDR period in frames; 0 or -1 = only the first frame. */
    public static final int ENCODER_OPTION_IDR_INTERVAL = 1;
    /** SEncParamBase: re-configure. */
    public static final int ENCODER_OPTION_SVC_ENCODE_PARAM_BASE = 2;
    /** SEncParamExt: re-configure. */
    public static final int ENCODER_OPTION_SVC_ENCODE_PARAM_EXT = 3;
    /** float: maximum input frame rate. */
    public static final int ENCODER_OPTION_FRAME_RATE = 4;
    /** SBitrateInfo: target bitrate. */
    public static final int ENCODER_OPTION_BITRATE = 5;
    /** SBitrateInfo: maximum bitrate. */
    public static final int ENCODER_OPTION_MAX_BITRATE = 6;
    /** int: inter-spatial prediction. */
    public static final int ENCODER_OPTION_INTER_SPATIAL_PRED = 7;
    /** int: RC_MODES (not advised while encoding). */
    public static final int ENCODER_OPTION_RC_MODE = 8;
    /** bool: frame skipping by rate control. */
    public static final int ENCODER_OPTION_RC_FRAME_SKIP = 9;
    /** int: 0 = no padding, 1 = padding. */
    public static final int ENCODER_PADDING_PADDING = 10;
    /** SProfileInfo. */
    public static final int ENCODER_OPTION_PROFILE = 11;
    /** SLevelInfo. */
    public static final int ENCODER_OPTION_LEVEL = 12;
    /** int: reference frames. */
    public static final int ENCODER_OPTION_NUMBER_REF = 13;
    /** SDeliveryStatus. */
    public static final int ENCODER_OPTION_DELIVERY_STATUS = 14;
    /** SLTRRecoverRequest. */
    public static final int ENCODER_LTR_RECOVERY_REQUEST = 15;
    /** SLTRMarkingFeedback. */
    public static final int ENCODER_LTR_MARKING_FEEDBACK = 16;
    /** int: LTR marking period. */
    public static final int ENCODER_LTR_MARKING_PERIOD = 17;
    /** SLTRConfig. */
    public static final int ENCODER_OPTION_LTR = 18;
    /** int: ECOMPLEXITY_MODE. */
    public static final int ENCODER_OPTION_COMPLEXITY = 19;
    /** bool: SSEI. */
    public static final int ENCODER_OPTION_ENABLE_SSEI = 20;
    /** bool: prefix NAL units. */
    public static final int ENCODER_OPTION_ENABLE_PREFIX_NAL_ADDING = 21;
    /** int: EParameterSetStrategy. */
    public static final int ENCODER_OPTION_SPS_PPS_ID_STRATEGY = 22;
    /** char*: working directory for dumps. */
    public static final int ENCODER_OPTION_CURRENT_PATH = 23;
    /** SDumpLayer. */
    public static final int ENCODER_OPTION_DUMP_FILE = 24;
    /** int: WELS_LOG_* level of the library's own log (stderr by default). */
    public static final int ENCODER_OPTION_TRACE_LEVEL = 25;
    /** function pointer: {@code void (*)(void* ctx, int level, const char* message)}. */
    public static final int ENCODER_OPTION_TRACE_CALLBACK = 26;
    /** void*: context of the trace callback. */
    public static final int ENCODER_OPTION_TRACE_CALLBACK_CONTEXT = 27;
    /** SEncoderStatistics, read only. */
    public static final int ENCODER_OPTION_GET_STATISTICS = 28;
    /** int: statistics log interval in milliseconds. */
    public static final int ENCODER_OPTION_STATISTICS_LOG_INTERVAL = 29;
    /** bool: lossless link. */
    public static final int ENCODER_OPTION_IS_LOSSLESS_LINK = 30;
    /** int: bit vary percentage. */
    public static final int ENCODER_OPTION_BITS_VARY_PERCENTAGE = 31;

    // LAYER_NUM
    /** The first spatial layer. */
    public static final int SPATIAL_LAYER_0 = 0;
    /** All spatial layers (the bitrate is shared out in their current ratio). */
    public static final int SPATIAL_LAYER_ALL = 4;

    // LAYER_TYPE (SLayerBSInfo.uiLayerType)
    /** A layer of parameter sets (SPS, PPS). */
    public static final int NON_VIDEO_CODING_LAYER = 0;
    /** A layer of slices. */
    public static final int VIDEO_CODING_LAYER = 1;

    // RC_MODES
    /** Quality first; bitrate follows content. */
    public static final int RC_QUALITY_MODE = 0;
    /** Bitrate first. */
    public static final int RC_BITRATE_MODE = 1;
    /** No bitrate control, buffer status only. */
    public static final int RC_BUFFERBASED_MODE = 2;
    /** Rate control from the input timestamps. */
    public static final int RC_TIMESTAMP_MODE = 3;
    /** Bitrate mode with post-skip (experimental in the library). */
    public static final int RC_BITRATE_MODE_POST_SKIP = 4;
    /** Rate control off: fixed QP. */
    public static final int RC_OFF_MODE = -1;

    // EProfileIdc (selection)
    /** Let the encoder choose. */
    public static final int PRO_UNKNOWN = 0;
    /** Baseline. */
    public static final int PRO_BASELINE = 66;
    /** Main. */
    public static final int PRO_MAIN = 77;
    /** High. */
    public static final int PRO_HIGH = 100;

    // ELevelIdc (selection)
    /** Let the encoder choose. */
    public static final int LEVEL_UNKNOWN = 0;
    /** Level 3.1 (720p30). */
    public static final int LEVEL_3_1 = 31;
    /** Level 4.0 (1080p30). */
    public static final int LEVEL_4_0 = 40;
    /** Level 4.1. */
    public static final int LEVEL_4_1 = 41;
    /** Level 5.2, the highest. */
    public static final int LEVEL_5_2 = 52;

    // Log levels (ENCODER_OPTION_TRACE_LEVEL)
    /** Nothing. */
    public static final int WELS_LOG_QUIET = 0x00;
    /** Errors. */
    public static final int WELS_LOG_ERROR = 1;
    /** Warnings (the library's default). */
    public static final int WELS_LOG_WARNING = 1 << 1;
    /** Information. */
    public static final int WELS_LOG_INFO = 1 << 2;
    /** Debug. */
    public static final int WELS_LOG_DEBUG = 1 << 3;
    /** Per frame and packet. */
    public static final int WELS_LOG_DETAIL = 1 << 4;

    // SliceModeEnum
    /** One slice per picture. */
    public static final int SM_SINGLE_SLICE = 0;
    /** {@code uiSliceNum} slices (lets threads work in parallel). */
    public static final int SM_FIXEDSLCNUM_SLICE = 1;
    /** Slices of {@code uiSliceMbNum} macroblocks. */
    public static final int SM_RASTER_SLICE = 2;
    /** Slices of at most {@code uiSliceSizeConstraint} bytes. */
    public static final int SM_SIZELIMITED_SLICE = 3;

    // EUsageType
    /** Camera video for real-time communication. */
    public static final int CAMERA_VIDEO_REAL_TIME = 0;
    /** Screen content, real time. */
    public static final int SCREEN_CONTENT_REAL_TIME = 1;
    /** Camera video, not real time. */
    public static final int CAMERA_VIDEO_NON_REAL_TIME = 2;
    /** Screen content, not real time. */
    public static final int SCREEN_CONTENT_NON_REAL_TIME = 3;

    // ECOMPLEXITY_MODE
    /** Fastest. */
    public static final int LOW_COMPLEXITY = 0;
    /** Medium speed and quality. */
    public static final int MEDIUM_COMPLEXITY = 1;
    /** Slowest, best quality. */
    public static final int HIGH_COMPLEXITY = 2;

    // EParameterSetStrategy
    /** SPS and PPS keep id 0 at every IDR (what RTMP's one AVC sequence header wants). */
    public static final int CONSTANT_ID = 0;
    /** SPS/PPS ids increase at each IDR (the library's default). */
    public static final int INCREASING_ID = 0x01;
    /** Reuse an SPS from the list where possible. */
    public static final int SPS_LISTING = 0x02;
    /** SPS listing, PPS increasing. */
    public static final int SPS_LISTING_AND_PPS_INCREASING = 0x03;
    /** SPS and PPS listing. */
    public static final int SPS_PPS_LISTING = 0x06;
}
