package io.livepush.natives.v4l2;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.livepush.natives.NativeStruct;

/**
 * {@code struct v4l2_fmtdesc} (linux/videodev2.h), for {@code VIDIOC_ENUM_FMT}: set {@code index} and
 * {@code type}, the driver fills in one pixel format; {@code EINVAL} ends the list.
 */
@Structure.FieldOrder({"index", "type", "flags", "description", "pixelformat", "mbus_code", "reserved"})
public class V4l2FmtDesc extends NativeStruct {
    /** Format number, from 0. */
    public int index;
    /** Buffer type, {@link V4l2#V4L2_BUF_TYPE_VIDEO_CAPTURE}. */
    public int type;
    /** Format flags, e.g. compressed. */
    public int flags;
    /** Human-readable description, NUL-terminated. */
    public byte[] description = new byte[32];
    /** The FourCC, e.g. {@link V4l2#V4L2_PIX_FMT_YUYV}. */
    public int pixelformat;
    /** Media bus code filter (0). */
    public int mbus_code;
    /** Reserved, zero. */
    public int[] reserved = new int[3];

    /** A struct in memory JNA allocates (zeroed). */
    public V4l2FmtDesc() {
        super();
    }

    /**
     * A struct over existing memory, e.g. an ioctl argument a test answers into.
     *
     * @param memory native memory of at least {@code size()} bytes, owned and freed by the caller
     */
    public V4l2FmtDesc(Pointer memory) {
        super(memory);
    }
}
