package io.livepush.encoder.javah264;

/**
 * The sequence and picture parameter sets this encoder writes (ISO/IEC 14496-10 §7.3.2.1.1 and
 * §7.3.2.2), both with id 0: Constrained Baseline (profile_idc 66, constraint_set0 and
 * constraint_set1), the lowest level whose frame size and macroblock rate fit (Table A-1), 8-bit
 * frame_num, picture order count type 2 (output order is decoding order), one reference frame,
 * frame macroblocks only, cropping to the configured size, no VUI; CAVLC, one slice group, initial
 * QP 26, deblocking control present so each slice header can set the filter.
 */
final class ParameterSets {
    /** log2_max_frame_num_minus4 written in the SPS; frame_num takes 8 bits. */
    static final int LOG2_MAX_FRAME_NUM = 8;

    /** Levels (level_idc, MaxFS in macroblocks, MaxMBPS) from Table A-1, lowest first. */
    private static final int[][] LEVELS = {
        {10, 99, 1485}, {11, 396, 3000}, {12, 396, 6000}, {13, 396, 11880}, {20, 396, 11880},
        {21, 792, 19800}, {22, 1620, 20250}, {30, 1620, 40500}, {31, 3600, 108000},
        {32, 5120, 216000}, {40, 8192, 245760}, {42, 8704, 522240}, {50, 22080, 589824},
        {51, 36864, 983040}, {52, 36864, 2073600},
    };

    private ParameterSets() {
    }

    /** @return the lowest level_idc whose MaxFS and MaxMBPS hold this size at this rate (52 when none) */
    static int levelIdc(int mbWidth, int mbHeight, double fps) {
        int mbs = mbWidth * mbHeight;
        double mbps = mbs * fps;
        for (int[] level : LEVELS) {
            if (mbs <= level[1] && mbps <= level[2]) {
                return level[0];
            }
        }
        return 52;
    }

    /** Writes the SPS NAL unit (nal_ref_idc 3, type 7). */
    static byte[] sps(BitWriter w, int width, int height, int mbWidth, int mbHeight, double fps) {
        w.reset();
        w.put(8, 66); // profile_idc: Baseline
        w.put(1, 1); // constraint_set0_flag
        w.put(1, 1); // constraint_set1_flag: Constrained Baseline
        w.put(1, 0); // constraint_set2_flag
        w.put(1, 0); // constraint_set3_flag
        w.put(4, 0); // constraint_set4/5_flag, reserved_zero_2bits
        w.put(8, levelIdc(mbWidth, mbHeight, fps));
        w.ue(0); // seq_parameter_set_id
        w.ue(LOG2_MAX_FRAME_NUM - 4); // log2_max_frame_num_minus4
        w.ue(2); // pic_order_cnt_type
        w.ue(1); // max_num_ref_frames
        w.flag(false); // gaps_in_frame_num_value_allowed_flag
        w.ue(mbWidth - 1); // pic_width_in_mbs_minus1
        w.ue(mbHeight - 1); // pic_height_in_map_units_minus1
        w.flag(true); // frame_mbs_only_flag
        w.flag(true); // direct_8x8_inference_flag
        int cropRight = (mbWidth * 16 - width) / 2; // CropUnitX = 2 for 4:2:0
        int cropBottom = (mbHeight * 16 - height) / 2; // CropUnitY = 2 for 4:2:0 frames
        boolean crop = cropRight != 0 || cropBottom != 0;
        w.flag(crop); // frame_cropping_flag
        if (crop) {
            w.ue(0);
            w.ue(cropRight);
            w.ue(0);
            w.ue(cropBottom);
        }
        w.flag(false); // vui_parameters_present_flag
        w.trailingBits();
        return w.toNal(0x67);
    }

    /** Writes the PPS NAL unit (nal_ref_idc 3, type 8). */
    static byte[] pps(BitWriter w) {
        w.reset();
        w.ue(0); // pic_parameter_set_id
        w.ue(0); // seq_parameter_set_id
        w.flag(false); // entropy_coding_mode_flag: CAVLC
        w.flag(false); // bottom_field_pic_order_in_frame_present_flag
        w.ue(0); // num_slice_groups_minus1
        w.ue(0); // num_ref_idx_l0_default_active_minus1
        w.ue(0); // num_ref_idx_l1_default_active_minus1
        w.flag(false); // weighted_pred_flag
        w.put(2, 0); // weighted_bipred_idc
        w.se(0); // pic_init_qp_minus26
        w.se(0); // pic_init_qs_minus26
        w.se(0); // chroma_qp_index_offset
        w.flag(true); // deblocking_filter_control_present_flag
        w.flag(false); // constrained_intra_pred_flag
        w.flag(false); // redundant_pic_cnt_present_flag
        w.trailingBits();
        return w.toNal(0x68);
    }

    /**
     * Writes a slice header (§7.3.3) for this encoder's streams into {@code w}, which the slice data
     * then follows.
     *
     * @param idr true for an IDR picture (slice_type I, nal_unit_type 5)
     * @param intra true for an I slice, false for a P slice
     * @param deblockIdc disable_deblocking_filter_idc: 0 filter all edges, 2 not across slice edges
     */
    static void sliceHeader(BitWriter w, int firstMb, boolean idr, boolean intra, int frameNum, int idrPicId,
            int qp, int deblockIdc) {
        w.ue(firstMb); // first_mb_in_slice
        w.ue(intra ? 7 : 5); // slice_type: all slices of the picture share the type
        w.ue(0); // pic_parameter_set_id
        w.put(LOG2_MAX_FRAME_NUM, frameNum); // frame_num
        if (idr) {
            w.ue(idrPicId); // idr_pic_id
        }
        if (!intra) {
            w.flag(false); // num_ref_idx_active_override_flag
            w.flag(false); // ref_pic_list_modification_flag_l0
        }
        if (idr) {
            w.flag(false); // no_output_of_prior_pics_flag
            w.flag(false); // long_term_reference_flag
        } else {
            w.flag(false); // adaptive_ref_pic_marking_mode_flag: sliding window
        }
        w.se(qp - 26); // slice_qp_delta
        w.ue(deblockIdc); // disable_deblocking_filter_idc
        if (deblockIdc != 1) {
            w.se(0); // slice_alpha_c0_offset_div2
            w.se(0); // slice_beta_offset_div2
        }
    }
}
