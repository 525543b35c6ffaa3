package io.livepush.natives.openh264;

import com.sun.jna.Structure.FieldOrder;
import io.livepush.natives.NativeStruct;

/** {@code SBitrateInfo} (codec_app_def.h): the option value of {@code ENCODER_OPTION_BITRATE}. 8 bytes. */
@FieldOrder({"iLayer", "iBitrate"})
public class SBitrateInfo extends NativeStruct {
    /** LAYER_NUM: a spatial layer, or {@code SPATIAL_LAYER_ALL}. */
    public int iLayer;
    /** Bitrate in bits per second. */
    public int iBitrate;
}
