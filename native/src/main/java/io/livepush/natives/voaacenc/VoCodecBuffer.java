package io.livepush.natives.voaacenc;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code VO_CODECBUFFER} from {@code voType.h}: a general data buffer used for the PCM input and
 * the AAC output of the encoder.
 *
 * <pre>
 * typedef struct {
 *     VO_PBYTE Buffer;   // offset 0, a pointer
 *     VO_U32   Length;   // offset 8 on LP64: VO_U32 is "unsigned long", 64-bit on Linux x86_64
 *     VO_S64   Time;     // offset 16
 * } VO_CODECBUFFER;      // 24 bytes on LP64
 * </pre>
 *
 * {@code Length} is mapped to {@link NativeLong} so it is 64-bit where {@code long} is (Linux,
 * macOS) and 32-bit where it is not (Windows).
 */
@Structure.FieldOrder({"Buffer", "Length", "Time"})
public class VoCodecBuffer extends Structure {
    /** The data. */
    public Pointer Buffer;
    /** Size of the data in bytes (on output: the capacity going in, the bytes written coming back). */
    public NativeLong Length = new NativeLong(0);
    /** The time of the buffer; not used by the AAC encoder. */
    public long Time;

    /** An empty buffer descriptor in its own native memory. */
    public VoCodecBuffer() {
        super();
    }

    /**
     * Points this descriptor at {@code length} bytes of {@code buffer}.
     *
     * @param buffer the data
     * @param length size in bytes
     */
    public void set(Pointer buffer, long length) {
        this.Buffer = buffer;
        this.Length = new NativeLong(length);
        this.Time = 0;
    }
}
