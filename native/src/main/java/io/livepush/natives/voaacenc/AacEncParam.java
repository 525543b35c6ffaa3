package io.livepush.natives.voaacenc;

import com.sun.jna.Structure;

/**
 * {@code AACENC_PARAM} from {@code voAAC.h}: the encoder settings, set with
 * {@code SetParam(handle, VO_PID_AAC_ENCPARAM, &param)}. Plain {@code int}/{@code short}: no
 * platform-sized fields here.
 *
 * <pre>
 * typedef struct {
 *     int   sampleRate;  // offset 0
 *     int   bitRate;     // offset 4, bits per second
 *     short nChannels;   // offset 8, 1 or 2
 *     short adtsUsed;    // offset 10, 1 = ADTS header before each frame, 0 = raw frames
 * } AACENC_PARAM;        // 12 bytes
 * </pre>
 */
@Structure.FieldOrder({"sampleRate", "bitRate", "nChannels", "adtsUsed"})
public class AacEncParam extends Structure {
    /** Input sample rate in Hz. */
    public int sampleRate;
    /** Target bitrate in bits per second. */
    public int bitRate;
    /** Number of input channels, 1 or 2. */
    public short nChannels;
    /** 1 to write an ADTS header before each frame, 0 for raw frames. */
    public short adtsUsed;

    /** Zeroed parameters in their own native memory. */
    public AacEncParam() {
        super();
    }
}
