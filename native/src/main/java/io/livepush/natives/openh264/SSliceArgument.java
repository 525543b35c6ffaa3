package io.livepush.natives.openh264;

import com.sun.jna.Structure.FieldOrder;
import io.livepush.natives.NativeStruct;

/** {@code SSliceArgument} (codec_app_def.h): how a picture is cut into slices. 152 bytes. */
@FieldOrder({"uiSliceMode", "uiSliceNum", "uiSliceMbNum", "uiSliceSizeConstraint"})
public class SSliceArgument extends NativeStruct {
    /** SliceModeEnum: {@code SM_SINGLE_SLICE} by default; see {@link CodecAppDef}. */
    public int uiSliceMode;
    /** unsigned int: slice count for {@code SM_FIXEDSLCNUM_SLICE}; 0 = one per CPU core. */
    public int uiSliceNum;
    /** unsigned int[MAX_SLICES_NUM_TMP]: macroblocks per slice for {@code SM_RASTER_SLICE}. */
    public int[] uiSliceMbNum = new int[CodecAppDef.MAX_SLICES_NUM_TMP];
    /** unsigned int: maximum slice size in bytes for {@code SM_SIZELIMITED_SLICE}. */
    public int uiSliceSizeConstraint;
}
