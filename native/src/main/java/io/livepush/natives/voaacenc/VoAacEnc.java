package io.livepush.natives.voaacenc;

/**
 * Constants of the vo-aacenc API ({@code voIndex.h}, {@code voType.h}, {@code voAudio.h},
 * {@code voAAC.h}, libvo-aacenc 0.1.3). Error codes are given as their 32-bit values; see
 * {@link VoReturnCode} for comparing them with what the library returns.
 */
public final class VoAacEnc {
    private VoAacEnc() {
    }

    /** Success. */
    public static final long VO_ERR_NONE = 0x00000000L;
    /** Finished. */
    public static final long VO_ERR_FINISH = 0x00000001L;
    /** Generic failure. */
    public static final long VO_ERR_FAILED = 0x80000001L;
    /** Out of memory. */
    public static final long VO_ERR_OUTOF_MEMORY = 0x80000002L;
    /** Not implemented. */
    public static final long VO_ERR_NOT_IMPLEMENT = 0x80000003L;
    /** Invalid argument. */
    public static final long VO_ERR_INVALID_ARG = 0x80000004L;
    /** Not enough input for a frame: give more input before the next call. */
    public static final long VO_ERR_INPUT_BUFFER_SMALL = 0x80000005L;
    /** The output buffer is too small for a frame. */
    public static final long VO_ERR_OUTPUT_BUFFER_SMALL = 0x80000006L;
    /** Called in the wrong state. */
    public static final long VO_ERR_WRONG_STATUS = 0x80000007L;
    /** Unknown parameter id. */
    public static final long VO_ERR_WRONG_PARAM_ID = 0x80000008L;
    /** License error. */
    public static final long VO_ERR_LICENSE_ERROR = 0x80000009L;
    /** Unsupported channel count ({@code VO_ERR_AUDIO_BASE | 1}). */
    public static final long VO_ERR_AUDIO_UNSCHANNEL = 0x82000001L;
    /** Unsupported sample rate ({@code VO_ERR_AUDIO_BASE | 2}). */
    public static final long VO_ERR_AUDIO_UNSSAMPLERATE = 0x82000002L;
    /** Unsupported feature ({@code VO_ERR_AUDIO_BASE | 3}). */
    public static final long VO_ERR_AUDIO_UNSFEATURE = 0x82000003L;

    /** {@code VO_AUDIO_CodingAAC}, the coding type passed to {@code Init}. */
    public static final int VO_AUDIO_CODING_AAC = 8;

    /** {@code VO_IMF_USERMEMOPERATOR}: {@code memData} points to a {@link VoMemOperator}. */
    public static final int VO_IMF_USERMEMOPERATOR = 0;
    /** {@code VO_IMF_PREALLOCATEDBUFFER}: {@code memData} is preallocated memory. */
    public static final int VO_IMF_PREALLOCATEDBUFFER = 1;

    /** {@code VO_PID_AAC_ENCPARAM} = {@code VO_PID_AAC_Mdoule | 0x0040}: get/set {@link AacEncParam}. */
    public static final int VO_PID_AAC_ENCPARAM = 0x42211000 | 0x0040;

    /** {@code VOAAC_RAWDATA}: frames without a header ({@code adtsUsed = 0}). */
    public static final int VOAAC_RAWDATA = 0;
    /** {@code VOAAC_ADTS}: frames with an ADTS header ({@code adtsUsed = 1}). */
    public static final int VOAAC_ADTS = 1;

    /** Samples per channel in one AAC-LC frame. */
    public static final int FRAME_SAMPLES = 1024;
    /** Largest raw AAC frame per channel: 6144 bits (ISO/IEC 14496-3 4.5.3.2). */
    public static final int MAX_FRAME_BYTES_PER_CHANNEL = 6144 / 8;
}
