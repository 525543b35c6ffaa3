package io.livepush.natives.openh264;

import com.sun.jna.Pointer;
import com.sun.jna.Structure.FieldOrder;
import io.livepush.natives.NativeStruct;

/**
 * {@code SFrameBSInfo} (codec_app_def.h): what {@code EncodeFrame} produced for one picture. 5144
 * bytes on 64-bit: {@code MAX_LAYER_NUM_OF_FRAME} (128) layer records, of which the first
 * {@code iLayerNum} are filled. The buffers the layers point at belong to the encoder and stay valid
 * until its next call.
 */
@FieldOrder({"iLayerNum", "sLayerInfo", "eFrameType", "iFrameSizeInBytes", "uiTimeStamp"})
public class SFrameBSInfo extends NativeStruct {
    /** Number of filled entries in {@code sLayerInfo}. */
    public int iLayerNum;
    /** SLayerBSInfo[MAX_LAYER_NUM_OF_FRAME]. */
    public SLayerBSInfo[] sLayerInfo = new SLayerBSInfo[CodecAppDef.MAX_LAYER_NUM_OF_FRAME];
    /** EVideoFrameType of the frame: IDR, I, P, or Skip when rate control dropped it. */
    public int eFrameType;
    /** Total size of all layers in bytes. */
    public int iFrameSizeInBytes;
    /** long long: timestamp of the source picture in milliseconds. */
    public long uiTimeStamp;

    /** A frame record in memory JNA allocates. */
    public SFrameBSInfo() {
        super();
    }

    /**
     * A frame record over memory its owner allocates and frees (at least {@code size()} bytes).
     *
     * @param memory native memory of at least {@code size()} bytes, owned and freed by the caller
     */
    public SFrameBSInfo(Pointer memory) {
        super(memory);
    }
}
