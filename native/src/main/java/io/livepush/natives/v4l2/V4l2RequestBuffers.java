package io.livepush.natives.v4l2;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.livepush.natives.NativeStruct;

/**
 * {@code struct v4l2_requestbuffers} (linux/videodev2.h), for {@code VIDIOC_REQBUFS}: ask for
 * {@code count} buffers, the driver answers with how many it allocated (0 frees them).
 */
@Structure.FieldOrder({"count", "type", "memory", "capabilities", "flags", "reserved"})
public class V4l2RequestBuffers extends NativeStruct {
    /** Buffers asked for / allocated. */
    public int count;
    /** Buffer type. */
    public int type;
    /** Memory kind, {@link V4l2#V4L2_MEMORY_MMAP}. */
    public int memory;
    /** Buffer capabilities the driver reports. */
    public int capabilities;
    /** Flags (kernel 6.x), else part of reserved. */
    public byte flags;
    /** Reserved, zero. */
    public byte[] reserved = new byte[3];

    /** A struct in memory JNA allocates (zeroed). */
    public V4l2RequestBuffers() {
        super();
    }

    /**
     * A struct over existing memory, e.g. an ioctl argument a test answers into.
     *
     * @param memory native memory of at least {@code size()} bytes, owned and freed by the caller
     */
    public V4l2RequestBuffers(Pointer memory) {
        super(memory);
    }
}
