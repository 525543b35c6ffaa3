package io.livepush.natives.openh264;

import com.sun.jna.Structure.FieldOrder;
import io.livepush.natives.NativeStruct;

/** {@code SSpatialLayerConfig} (codec_app_def.h): one spatial layer's size, rate and VUI. 200 bytes. */
@FieldOrder({"iVideoWidth", "iVideoHeight", "fFrameRate", "iSpatialBitrate", "iMaxSpatialBitrate",
        "uiProfileIdc", "uiLevelIdc", "iDLayerQp", "sSliceArgument", "bVideoSignalTypePresent", "uiVideoFormat",
        "bFullRange", "bColorDescriptionPresent", "uiColorPrimaries", "uiTransferCharacteristics", "uiColorMatrix",
        "bAspectRatioPresent", "eAspectRatio", "sAspectRatioExtWidth", "sAspectRatioExtHeight"})
public class SSpatialLayerConfig extends NativeStruct {
    /** Luma width of the layer in pixels. */
    public int iVideoWidth;
    /** Luma height of the layer in pixels. */
    public int iVideoHeight;
    /** Frame rate of the layer. */
    public float fFrameRate;
    /** Target bitrate of the layer, bits per second. */
    public int iSpatialBitrate;
    /** Maximum bitrate of the layer, bits per second; {@code UNSPECIFIED_BIT_RATE} (0) = the level's. */
    public int iMaxSpatialBitrate;
    /** EProfileIdc: {@code PRO_UNKNOWN} lets the encoder choose. */
    public int uiProfileIdc;
    /** ELevelIdc: {@code LEVEL_UNKNOWN} lets the encoder choose. */
    public int uiLevelIdc;
    /** Fixed QP of the layer when rate control is off. */
    public int iDLayerQp;
    /** Slicing of the layer. */
    public SSliceArgument sSliceArgument;
    /** bool: write video_signal_type (the next three members) into the VUI. */
    public byte bVideoSignalTypePresent;
    /** unsigned char: EVideoFormatSPS. */
    public byte uiVideoFormat;
    /** bool: full range [0, 255] instead of [16, 235]. */
    public byte bFullRange;
    /** bool: write the next three members into the VUI. */
    public byte bColorDescriptionPresent;
    /** unsigned char: EColorPrimaries. */
    public byte uiColorPrimaries;
    /** unsigned char: ETransferCharacteristics. */
    public byte uiTransferCharacteristics;
    /** unsigned char: EColorMatrix. */
    public byte uiColorMatrix;
    /** bool: write the aspect ratio into the VUI. */
    public byte bAspectRatioPresent;
    /** ESampleAspectRatio. */
    public int eAspectRatio;
    /** unsigned short: SAR width when {@code eAspectRatio} is ASP_EXT_SAR. */
    public short sAspectRatioExtWidth;
    /** unsigned short: SAR height when {@code eAspectRatio} is ASP_EXT_SAR. */
    public short sAspectRatioExtHeight;
}
