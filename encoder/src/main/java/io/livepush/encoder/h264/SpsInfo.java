package io.livepush.encoder.h264;

/**
 * The fields of a sequence parameter set (ISO/IEC 14496-10 §7.3.2.1.1, semantics §7.4.2.1.1) that
 * the stream's consumers need: profile and level for the decoder configuration record, the picture
 * size for metadata, and the VUI frame rate when present. Read one with {@link SpsParser#parse}.
 *
 * @param profileIdc {@code profile_idc}, e.g. 66 Baseline, 77 Main, 100 High
 * @param constraintFlags the byte holding {@code constraint_set0_flag} (bit 7) .. {@code
 *     constraint_set5_flag} (bit 2) and {@code reserved_zero_2bits}: the AVC "profile compatibility"
 * @param levelIdc {@code level_idc}, ten times the level number (31 = level 3.1)
 * @param seqParameterSetId {@code seq_parameter_set_id}, 0..31
 * @param chromaFormatIdc {@code chroma_format_idc}: 0 monochrome, 1 4:2:0, 2 4:2:2, 3 4:4:4
 *     (1 when the profile does not code it)
 * @param separateColourPlane {@code separate_colour_plane_flag}
 * @param bitDepthLuma luma bit depth, {@code bit_depth_luma_minus8 + 8}
 * @param bitDepthChroma chroma bit depth, {@code bit_depth_chroma_minus8 + 8}
 * @param scalingMatrixPresent {@code seq_scaling_matrix_present_flag}
 * @param log2MaxFrameNum {@code log2_max_frame_num_minus4 + 4}
 * @param picOrderCntType {@code pic_order_cnt_type}, 0..2
 * @param log2MaxPicOrderCntLsb {@code log2_max_pic_order_cnt_lsb_minus4 + 4} for type 0, else 0
 * @param maxNumRefFrames {@code max_num_ref_frames}
 * @param picWidthInMbs {@code pic_width_in_mbs_minus1 + 1}
 * @param picHeightInMapUnits {@code pic_height_in_map_units_minus1 + 1}
 * @param frameMbsOnly {@code frame_mbs_only_flag}
 * @param cropping the frame cropping offsets (all zero when {@code frame_cropping_flag} is 0)
 * @param timing the VUI timing information, or {@code null} when absent
 */
public record SpsInfo(int profileIdc, int constraintFlags, int levelIdc, int seqParameterSetId, int chromaFormatIdc,
        boolean separateColourPlane, int bitDepthLuma, int bitDepthChroma, boolean scalingMatrixPresent,
        int log2MaxFrameNum, int picOrderCntType, int log2MaxPicOrderCntLsb, int maxNumRefFrames, int picWidthInMbs,
        int picHeightInMapUnits, boolean frameMbsOnly, Cropping cropping, Timing timing) {

    /**
     * {@code frame_crop_left/right/top/bottom_offset}, in crop units (§7.4.2.1.1: 2 luma samples
     * horizontally and vertically for 4:2:0 progressive video).
     *
     * @param left frame_crop_left_offset
     * @param right frame_crop_right_offset
     * @param top frame_crop_top_offset
     * @param bottom frame_crop_bottom_offset
     */
    public record Cropping(int left, int right, int top, int bottom) {
        /** No cropping. */
        public static final Cropping NONE = new Cropping(0, 0, 0, 0);
    }

    /**
     * VUI {@code timing_info} (Annex E.1.1): a frame lasts {@code 2 * numUnitsInTick / timeScale}
     * seconds for progressive video.
     *
     * @param numUnitsInTick num_units_in_tick
     * @param timeScale time_scale
     * @param fixedFrameRate fixed_frame_rate_flag
     */
    public record Timing(long numUnitsInTick, long timeScale, boolean fixedFrameRate) {
    }

    /**
     * @param i which flag, 0..5
     * @return true when {@code constraint_set<i>_flag} is set, {@code i} 0..5
     * @throws IllegalArgumentException for {@code i} outside 0..5
     */
    public boolean constraintSet(int i) {
        if (i < 0 || i > 5) {
            throw new IllegalArgumentException("constraint set " + i + " does not exist (expected 0..5)");
        }
        return (constraintFlags >>> (7 - i) & 1) == 1;
    }

    /** @return {@code ChromaArrayType}: 0 when the colour planes are coded separately, else chroma_format_idc */
    public int chromaArrayType() {
        return separateColourPlane ? 0 : chromaFormatIdc;
    }

    /** @return the displayed width in luma samples: the macroblock width minus the cropping (7-19, 7-20) */
    public int width() {
        int cropUnitX = chromaArrayType() == 0 ? 1 : subWidthC();
        return picWidthInMbs * 16 - cropUnitX * (cropping.left() + cropping.right());
    }

    /** @return the displayed height in luma samples: the frame height in macroblocks minus the cropping */
    public int height() {
        int fieldFactor = frameMbsOnly ? 1 : 2;
        int cropUnitY = chromaArrayType() == 0 ? fieldFactor : subHeightC() * fieldFactor;
        return fieldFactor * picHeightInMapUnits * 16 - cropUnitY * (cropping.top() + cropping.bottom());
    }

    /** @return frames per second from the VUI timing, or {@link Double#NaN} when there is none */
    public double frameRate() {
        if (timing == null || timing.numUnitsInTick() == 0) {
            return Double.NaN;
        }
        return timing.timeScale() / (2.0 * timing.numUnitsInTick());
    }

    /** @return the RFC 6381 codec string, e.g. {@code avc1.64001f} */
    public String codecString() {
        return String.format("avc1.%02x%02x%02x", profileIdc, constraintFlags, levelIdc);
    }

    private int subWidthC() {
        return chromaFormatIdc == 3 ? 1 : 2;
    }

    private int subHeightC() {
        return chromaFormatIdc == 1 ? 2 : 1;
    }
}
