package io.livepush.natives.v4l2;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.livepush.natives.NativeStruct;

/**
 * {@code struct v4l2_streamparm} (linux/videodev2.h) with its union read as {@code struct v4l2_captureparm},
 * for {@code VIDIOC_G_PARM/S_PARM}: the frame interval ({@code numerator/denominator} seconds).
 */
@Structure.FieldOrder({"type", "capability", "capturemode", "numerator", "denominator", "extendedmode", "readbuffers", "union_rest_"})
public class V4l2StreamParm extends NativeStruct {
    /** Buffer type. */
    public int type;
    /** {@link V4l2#V4L2_CAP_TIMEPERFRAME} when the frame interval can be set. */
    public int capability;
    /** Capture mode flags. */
    public int capturemode;
    /** Frame interval numerator (seconds). */
    public int numerator;
    /** Frame interval denominator. */
    public int denominator;
    /** Driver-specific. */
    public int extendedmode;
    /** Read buffers (read() I/O only). */
    public int readbuffers;
    /** The rest of the 200-byte union. */
    public byte[] union_rest_ = new byte[176];

    /** A struct in memory JNA allocates (zeroed). */
    public V4l2StreamParm() {
        super();
    }

    /**
     * A struct over existing memory, e.g. an ioctl argument a test answers into.
     *
     * @param memory native memory of at least {@code size()} bytes, owned and freed by the caller
     */
    public V4l2StreamParm(Pointer memory) {
        super(memory);
    }
}
