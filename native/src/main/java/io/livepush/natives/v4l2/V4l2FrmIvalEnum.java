package io.livepush.natives.v4l2;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.livepush.natives.NativeStruct;

/**
 * {@code struct v4l2_frmivalenum} (linux/videodev2.h), for {@code VIDIOC_ENUM_FRAMEINTERVALS}: the frame
 * intervals (seconds as a fraction) of one format and size. With type
 * {@link V4l2#V4L2_FRMIVAL_TYPE_DISCRETE} the interval is {@code min_numerator/min_denominator}.
 */
@Structure.FieldOrder({"index", "pixel_format", "width", "height", "type", "min_numerator", "min_denominator", "max_numerator", "max_denominator", "step_numerator", "step_denominator", "reserved"})
public class V4l2FrmIvalEnum extends NativeStruct {
    /** Interval number, from 0. */
    public int index;
    /** The FourCC asked about. */
    public int pixel_format;
    /** Width asked about. */
    public int width;
    /** Height asked about. */
    public int height;
    /** Discrete, continuous or stepwise. */
    public int type;
    /** Discrete interval numerator, or the stepwise minimum's. */
    public int min_numerator;
    /** Discrete interval denominator, or the stepwise minimum's. */
    public int min_denominator;
    /** Stepwise maximum numerator. */
    public int max_numerator;
    /** Stepwise maximum denominator. */
    public int max_denominator;
    /** Stepwise step numerator. */
    public int step_numerator;
    /** Stepwise step denominator. */
    public int step_denominator;
    /** Reserved, zero. */
    public int[] reserved = new int[2];

    /** A struct in memory JNA allocates (zeroed). */
    public V4l2FrmIvalEnum() {
        super();
    }

    /**
     * A struct over existing memory, e.g. an ioctl argument a test answers into.
     *
     * @param memory native memory of at least {@code size()} bytes, owned and freed by the caller
     */
    public V4l2FrmIvalEnum(Pointer memory) {
        super(memory);
    }
}
