package io.livepush.natives.voaacenc;

import com.sun.jna.NativeLong;
import com.sun.jna.Structure;

/**
 * {@code VO_AUDIO_OUTPUTINFO} from {@code voAudio.h}: filled by {@code GetOutputData}.
 *
 * <pre>
 * typedef struct {
 *     VO_AUDIO_FORMAT Format;     // offset 0, 24 bytes on LP64
 *     VO_U32          InputUsed;  // offset 24: total input bytes consumed since SetInputData
 *     VO_U32          Resever;    // offset 32 (sic)
 * } VO_AUDIO_OUTPUTINFO;          // 40 bytes on LP64
 * </pre>
 */
@Structure.FieldOrder({"Format", "InputUsed", "Resever"})
public class VoAudioOutputInfo extends Structure {
    /** The format of the encoded audio. */
    public VoAudioFormat Format = new VoAudioFormat();
    /** Input bytes used since the last {@code SetInputData}. */
    public NativeLong InputUsed = new NativeLong(0);
    /** Reserved (spelled as in the header). */
    public NativeLong Resever = new NativeLong(0);

    /** A zeroed output info in its own native memory. */
    public VoAudioOutputInfo() {
        super();
    }
}
