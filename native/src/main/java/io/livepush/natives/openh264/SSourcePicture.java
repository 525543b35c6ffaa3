package io.livepush.natives.openh264;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;
import io.livepush.natives.NativeStruct;

/** {@code SSourcePicture} (codec_app_def.h): the raw picture handed to {@code EncodeFrame}. 72 bytes. */
@FieldOrder({"iColorFormat", "iStride", "pData", "iPicWidth", "iPicHeight", "uiTimeStamp"})
public class SSourcePicture extends NativeStruct {
    /** EVideoFormatType: {@link CodecDef#videoFormatI420}. */
    public int iColorFormat;
    /** Row pitch in bytes of each plane. */
    public int[] iStride = new int[4];
    /** unsigned char*[4]: the planes (Y, U, V for I420). */
    public Pointer[] pData = new Pointer[4];
    /** Luma width in pixels. */
    public int iPicWidth;
    /** Luma height in pixels. */
    public int iPicHeight;
    /** long long: timestamp in milliseconds. */
    public long uiTimeStamp;

    /** A picture in memory JNA allocates. */
    public SSourcePicture() {
        super();
    }

    /**
     * A picture over memory its owner allocates and frees (at least {@code size()} bytes).
     *
     * @param memory native memory of at least {@code size()} bytes, owned and freed by the caller
     */
    public SSourcePicture(Pointer memory) {
        super(memory);
    }
}
