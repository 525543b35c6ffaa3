package io.livepush.natives.openh264;

import com.sun.jna.Structure.FieldOrder;
import io.livepush.natives.NativeStruct;

/** {@code SEncParamBase} (codec_app_def.h): the short parameter set of {@code Initialize}. 24 bytes. */
@FieldOrder({"iUsageType", "iPicWidth", "iPicHeight", "iTargetBitrate", "iRCMode", "fMaxFrameRate"})
public class SEncParamBase extends NativeStruct {
    /** EUsageType. */
    public int iUsageType;
    /** Luma width in pixels. */
    public int iPicWidth;
    /** Luma height in pixels. */
    public int iPicHeight;
    /** Target bitrate, bits per second. */
    public int iTargetBitrate;
    /** RC_MODES. */
    public int iRCMode;
    /** Maximum input frame rate (the encoder clips it to 1..60). */
    public float fMaxFrameRate;
}
