package io.livepush.natives.voaacenc;

import com.sun.jna.NativeLong;

/**
 * Turns the {@code VO_U32} a vo-aacenc function returns into its 32-bit code and a name. The C
 * type is {@code unsigned long}, so only the low 32 bits are meaningful; the upper half of a
 * 64-bit register is ignored rather than trusted.
 */
public final class VoReturnCode {
    private VoReturnCode() {
    }

    /**
     * @param rc what a vo-aacenc function returned
     * @return its 32-bit code, e.g. {@link VoAacEnc#VO_ERR_INPUT_BUFFER_SMALL}
     */
    public static long of(NativeLong rc) {
        return rc.longValue() & 0xFFFF_FFFFL;
    }

    /**
     * @param code a 32-bit code
     * @return e.g. {@code "VO_ERR_INVALID_ARG (0x80000004)"}
     */
    public static String describe(long code) {
        String name;
        if (code == VoAacEnc.VO_ERR_NONE) {
            name = "VO_ERR_NONE";
        } else if (code == VoAacEnc.VO_ERR_FINISH) {
            name = "VO_ERR_FINISH";
        } else if (code == VoAacEnc.VO_ERR_FAILED) {
            name = "VO_ERR_FAILED";
        } else if (code == VoAacEnc.VO_ERR_OUTOF_MEMORY) {
            name = "VO_ERR_OUTOF_MEMORY";
        } else if (code == VoAacEnc.VO_ERR_NOT_IMPLEMENT) {
            name = "VO_ERR_NOT_IMPLEMENT";
        } else if (code == VoAacEnc.VO_ERR_INVALID_ARG) {
            name = "VO_ERR_INVALID_ARG";
        } else if (code == VoAacEnc.VO_ERR_INPUT_BUFFER_SMALL) {
            name = "VO_ERR_INPUT_BUFFER_SMALL";
        } else if (code == VoAacEnc.VO_ERR_OUTPUT_BUFFER_SMALL) {
            name = "VO_ERR_OUTPUT_BUFFER_SMALL";
        } else if (code == VoAacEnc.VO_ERR_WRONG_STATUS) {
            name = "VO_ERR_WRONG_STATUS";
        } else if (code == VoAacEnc.VO_ERR_WRONG_PARAM_ID) {
            name = "VO_ERR_WRONG_PARAM_ID";
        } else if (code == VoAacEnc.VO_ERR_LICENSE_ERROR) {
            name = "VO_ERR_LICENSE_ERROR";
        } else if (code == VoAacEnc.VO_ERR_AUDIO_UNSCHANNEL) {
            name = "VO_ERR_AUDIO_UNSCHANNEL";
        } else if (code == VoAacEnc.VO_ERR_AUDIO_UNSSAMPLERATE) {
            name = "VO_ERR_AUDIO_UNSSAMPLERATE";
        } else if (code == VoAacEnc.VO_ERR_AUDIO_UNSFEATURE) {
            name = "VO_ERR_AUDIO_UNSFEATURE";
        } else {
            name = "unknown vo-aacenc error";
        }
        return name + " (0x" + String.format("%08X", code) + ")";
    }
}
