package io.livepush.natives.voaacenc;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code VO_CODEC_INIT_USERDATA} from {@code voType.h}: how the codec gets its memory, passed to
 * {@code Init}.
 *
 * <pre>
 * typedef struct {
 *     VO_INIT_MEM_FlAG memflag;    // offset 0, an enum (int), then 4 bytes of padding on LP64
 *     VO_PTR           memData;    // offset 8: a VO_MEM_OPERATOR* when memflag is VO_IMF_USERMEMOPERATOR
 *     VO_U32           reserved1;  // offset 16, unsigned long
 *     VO_U32           reserved2;  // offset 24, unsigned long
 * } VO_CODEC_INIT_USERDATA;        // 32 bytes on LP64
 * </pre>
 */
@Structure.FieldOrder({"memflag", "memData", "reserved1", "reserved2"})
public class VoCodecInitUserData extends Structure {
    /** {@link VoAacEnc#VO_IMF_USERMEMOPERATOR} or {@link VoAacEnc#VO_IMF_PREALLOCATEDBUFFER}. */
    public int memflag;
    /** A {@link VoMemOperator} (or a preallocated buffer). */
    public Pointer memData;
    /** Reserved, zero. */
    public NativeLong reserved1 = new NativeLong(0);
    /** Reserved, zero. */
    public NativeLong reserved2 = new NativeLong(0);

    /** Zeroed user data in its own native memory. */
    public VoCodecInitUserData() {
        super();
    }
}
