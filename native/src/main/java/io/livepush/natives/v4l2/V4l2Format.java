package io.livepush.natives.v4l2;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.livepush.natives.NativeStruct;

/**
 * {@code struct v4l2_format} (linux/videodev2.h) with its union read as {@code struct v4l2_pix_format},
 * for {@code VIDIOC_G_FMT/S_FMT/TRY_FMT} on a single-planar capture device. The union is 200 bytes
 * aligned to 8 (it holds pointers in {@code v4l2_window}), hence the 4-byte pad after {@code type}.
 */
@Structure.FieldOrder({"type", "pad_", "width", "height", "pixelformat", "field", "bytesperline", "sizeimage", "colorspace", "priv", "flags", "ycbcr_enc", "quantization", "xfer_func", "union_rest_"})
public class V4l2Format extends NativeStruct {
    /** Buffer type, {@link V4l2#V4L2_BUF_TYPE_VIDEO_CAPTURE}. */
    public int type;
    /** Padding to the union's 8-byte alignment. */
    public int pad_;
    /** Image width in pixels. */
    public int width;
    /** Image height in pixels. */
    public int height;
    /** The FourCC. */
    public int pixelformat;
    /** Field order; {@link V4l2#V4L2_FIELD_ANY} asks the driver, {@link V4l2#V4L2_FIELD_NONE} is progressive. */
    public int field;
    /** Bytes per row of the (first) plane. */
    public int bytesperline;
    /** Bytes of a whole image. */
    public int sizeimage;
    /** Colour space. */
    public int colorspace;
    /** Private field ({@code V4L2_PIX_FMT_PRIV_MAGIC} marks the extended fields valid). */
    public int priv;
    /** Format flags. */
    public int flags;
    /** Y'CbCr encoding. */
    public int ycbcr_enc;
    /** Quantization (full or limited range). */
    public int quantization;
    /** Transfer function. */
    public int xfer_func;
    /** The rest of the 200-byte union. */
    public byte[] union_rest_ = new byte[152];

    /** A struct in memory JNA allocates (zeroed). */
    public V4l2Format() {
        super();
    }

    /**
     * A struct over existing memory, e.g. an ioctl argument a test answers into.
     *
     * @param memory native memory of at least {@code size()} bytes, owned and freed by the caller
     */
    public V4l2Format(Pointer memory) {
        super(memory);
    }
}
