package io.livepush.natives.voaacenc;

import com.sun.jna.NativeLong;
import com.sun.jna.Structure;

/**
 * {@code VO_AUDIO_FORMAT} from {@code voAudio.h}: the format the codec reports back.
 *
 * <pre>
 * typedef struct {
 *     VO_S32 SampleRate;  // offset 0: VO_S32 is "signed long", 64-bit on LP64
 *     VO_S32 Channels;    // offset 8
 *     VO_S32 SampleBits;  // offset 16
 * } VO_AUDIO_FORMAT;      // 24 bytes on LP64
 * </pre>
 */
@Structure.FieldOrder({"SampleRate", "Channels", "SampleBits"})
public class VoAudioFormat extends Structure {
    /** Samples per second. */
    public NativeLong SampleRate = new NativeLong(0);
    /** Channel count. */
    public NativeLong Channels = new NativeLong(0);
    /** Bits per sample. */
    public NativeLong SampleBits = new NativeLong(0);

    /** A zeroed format in its own native memory. */
    public VoAudioFormat() {
        super();
    }
}
