package io.livepush.natives.openh264;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;
import io.livepush.natives.NativeStruct;

/**
 * {@code SLayerBSInfo} (codec_app_def.h): the NAL units of one layer of an encoded frame. 40 bytes on
 * 64-bit. {@code pBsBuf} holds {@code iNalCount} NAL units back to back, each with its Annex B start
 * code; {@code pNalLengthInByte[i]} is the length of unit {@code i} including its start code.
 */
@FieldOrder({"uiTemporalId", "uiSpatialId", "uiQualityId", "eFrameType", "uiLayerType", "iSubSeqId", "iNalCount",
        "pNalLengthInByte", "pBsBuf"})
public class SLayerBSInfo extends NativeStruct {
    /** unsigned char: temporal id. */
    public byte uiTemporalId;
    /** unsigned char: spatial id. */
    public byte uiSpatialId;
    /** unsigned char: quality id. */
    public byte uiQualityId;
    /** EVideoFrameType of the layer. */
    public int eFrameType;
    /** unsigned char: {@code NON_VIDEO_CODING_LAYER} (SPS/PPS) or {@code VIDEO_CODING_LAYER}. */
    public byte uiLayerType;
    /** Sub-sequence id (H.264 D.2.11). */
    public int iSubSeqId;
    /** Number of NAL units in {@code pBsBuf}. */
    public int iNalCount;
    /** int*: length of each NAL unit in bytes, start code included. */
    public Pointer pNalLengthInByte;
    /** unsigned char*: the NAL units, each starting with a start code. */
    public Pointer pBsBuf;
}
