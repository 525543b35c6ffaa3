package io.livepush.natives.v4l2;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.livepush.natives.NativeStruct;

/**
 * {@code struct v4l2_frmsizeenum} (linux/videodev2.h), for {@code VIDIOC_ENUM_FRAMESIZES}. With type
 * {@link V4l2#V4L2_FRMSIZE_TYPE_DISCRETE} the size is ({@code min_width}, {@code max_width}) — the
 * union's {@code discrete.width/height} share the first two words; otherwise all six words are the
 * stepwise range.
 */
@Structure.FieldOrder({"index", "pixel_format", "type", "min_width", "max_width", "step_width", "min_height", "max_height", "step_height", "reserved"})
public class V4l2FrmSizeEnum extends NativeStruct {
    /** Size number, from 0. */
    public int index;
    /** The FourCC asked about. */
    public int pixel_format;
    /** Discrete, continuous or stepwise. */
    public int type;
    /** Stepwise minimum width, or the discrete width. */
    public int min_width;
    /** Stepwise maximum width, or the discrete height. */
    public int max_width;
    /** Stepwise width step. */
    public int step_width;
    /** Stepwise minimum height. */
    public int min_height;
    /** Stepwise maximum height. */
    public int max_height;
    /** Stepwise height step. */
    public int step_height;
    /** Reserved, zero. */
    public int[] reserved = new int[2];

    /** @return the discrete width (the union's first word) */
    public int discreteWidth() {
        return min_width;
    }

    /** @return the discrete height (the union's second word) */
    public int discreteHeight() {
        return max_width;
    }

    /** A struct in memory JNA allocates (zeroed). */
    public V4l2FrmSizeEnum() {
        super();
    }

    /**
     * A struct over existing memory, e.g. an ioctl argument a test answers into.
     *
     * @param memory native memory of at least {@code size()} bytes, owned and freed by the caller
     */
    public V4l2FrmSizeEnum(Pointer memory) {
        super(memory);
    }
}
