package io.livepush.natives.voaacenc;

import com.sun.jna.Callback;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;

/**
 * {@code VO_AUDIO_CODECAPI} from {@code voAudio.h}: the function table that
 * {@code voGetAACEncAPI} fills.
 *
 * <pre>
 * typedef struct VO_AUDIO_CODECAPI {
 *     VO_U32 (*Init)(VO_HANDLE *phCodec, VO_AUDIO_CODINGTYPE vType, VO_CODEC_INIT_USERDATA *pUserData); // 0
 *     VO_U32 (*SetInputData)(VO_HANDLE hCodec, VO_CODECBUFFER *pInput);                                 // 8
 *     VO_U32 (*GetOutputData)(VO_HANDLE hCodec, VO_CODECBUFFER *pOutBuffer, VO_AUDIO_OUTPUTINFO *pOutInfo); // 16
 *     VO_U32 (*SetParam)(VO_HANDLE hCodec, VO_S32 uParamID, VO_PTR pData);                              // 24
 *     VO_U32 (*GetParam)(VO_HANDLE hCodec, VO_S32 uParamID, VO_PTR pData);                              // 32
 *     VO_U32 (*Uninit)(VO_HANDLE hCodec);                                                               // 40
 * } VO_AUDIO_CODECAPI;  // 48 bytes on LP64
 * </pre>
 *
 * The return type {@code VO_U32} and the parameter id {@code VO_S32} are C {@code long}s
 * ({@link NativeLong}: 64-bit on Linux x86_64); {@code VO_HANDLE} is a pointer. Compare return
 * codes with {@link VoReturnCode#of(NativeLong)}, which looks at the low 32 bits only.
 */
@Structure.FieldOrder({"Init", "SetInputData", "GetOutputData", "SetParam", "GetParam", "Uninit"})
public class VoAudioCodecApi extends Structure {
    /** {@code Init}: creates a codec instance and stores its handle in {@code phCodec}. */
    public interface InitFunction extends Callback {
        /**
         * @param phCodec receives the handle
         * @param vType {@link VoAacEnc#VO_AUDIO_CODING_AAC}
         * @param pUserData the memory operator
         * @return a {@code VO_ERR_*} code
         */
        NativeLong invoke(PointerByReference phCodec, int vType, VoCodecInitUserData pUserData);
    }

    /** {@code SetInputData}: hands the codec a PCM buffer (it keeps the pointer, not a copy). */
    public interface SetInputDataFunction extends Callback {
        /**
         * @param hCodec the handle
         * @param pInput interleaved s16 PCM
         * @return a {@code VO_ERR_*} code
         */
        NativeLong invoke(Pointer hCodec, VoCodecBuffer pInput);
    }

    /** {@code GetOutputData}: encodes one frame from the pending input, if there is enough. */
    public interface GetOutputDataFunction extends Callback {
        /**
         * @param hCodec the handle
         * @param pOutBuffer capacity in, bytes written out
         * @param pOutInfo format and input used
         * @return {@link VoAacEnc#VO_ERR_NONE}, or {@link VoAacEnc#VO_ERR_INPUT_BUFFER_SMALL} when
         *     more input is needed
         */
        NativeLong invoke(Pointer hCodec, VoCodecBuffer pOutBuffer, VoAudioOutputInfo pOutInfo);
    }

    /** {@code SetParam} and {@code GetParam}: reads or writes a parameter by id. */
    public interface ParamFunction extends Callback {
        /**
         * @param hCodec the handle
         * @param uParamID e.g. {@link VoAacEnc#VO_PID_AAC_ENCPARAM}
         * @param pData the parameter's memory, e.g. an {@link AacEncParam}
         * @return a {@code VO_ERR_*} code
         */
        NativeLong invoke(Pointer hCodec, NativeLong uParamID, Pointer pData);
    }

    /** {@code Uninit}: frees the codec instance. */
    public interface UninitFunction extends Callback {
        /**
         * @param hCodec the handle
         * @return a {@code VO_ERR_*} code
         */
        NativeLong invoke(Pointer hCodec);
    }

    /** Creates a codec instance. */
    public InitFunction Init;
    /** Sets the input PCM. */
    public SetInputDataFunction SetInputData;
    /** Encodes one frame. */
    public GetOutputDataFunction GetOutputData;
    /** Sets a parameter. */
    public ParamFunction SetParam;
    /** Reads a parameter. */
    public ParamFunction GetParam;
    /** Frees a codec instance. */
    public UninitFunction Uninit;

    /** An empty table in its own native memory, to be filled by {@code voGetAACEncAPI}. */
    public VoAudioCodecApi() {
        super();
    }
}
