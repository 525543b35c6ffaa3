package io.livepush.encoder.h264;

import io.livepush.encoder.sei.EmulationPrevention;

/**
 * Reads a sequence parameter set NAL unit (ISO/IEC 14496-10 §7.3.2.1.1) up to the VUI timing
 * information (Annex E.1.1), with its own Exp-Golomb reader over the RBSP. Stateless and
 * thread-safe.
 */
public final class SpsParser {
    private SpsParser() {
    }

    /**
     * @param nal an SPS NAL unit starting with its header byte, without start code, emulation
     *     prevention bytes still in place
     * @return the parsed fields
     * @throws IllegalArgumentException when it is not an SPS, ends early, or holds a value the spec
     *     does not allow (the message names the syntax element, its value and the allowed range)
     */
    public static SpsInfo parse(byte[] nal) {
        int type = NalUnitType.typeValue(nal);
        if (type != 7) {
            throw new IllegalArgumentException("NAL unit type is " + type + " (expected 7, sequence parameter set)");
        }
        byte[] rbsp = EmulationPrevention.remove(nal, 1, nal.length - 1);
        RbspBitReader r = new RbspBitReader(rbsp, 0, "SPS");
        int profileIdc = (int) r.u(8, "profile_idc");
        int constraintFlags = (int) r.u(8, "constraint_set_flags");
        int levelIdc = (int) r.u(8, "level_idc");
        int spsId = r.ue("seq_parameter_set_id", 0, 31);

        int chromaFormatIdc = 1;
        boolean separateColourPlane = false;
        int bitDepthLuma = 8;
        int bitDepthChroma = 8;
        boolean scalingMatrix = false;
        if (hasChromaInfo(profileIdc)) {
            chromaFormatIdc = r.ue("chroma_format_idc", 0, 3);
            if (chromaFormatIdc == 3) {
                separateColourPlane = r.flag("separate_colour_plane_flag");
            }
            bitDepthLuma = 8 + r.ue("bit_depth_luma_minus8", 0, 6);
            bitDepthChroma = 8 + r.ue("bit_depth_chroma_minus8", 0, 6);
            r.flag("qpprime_y_zero_transform_bypass_flag");
            scalingMatrix = r.flag("seq_scaling_matrix_present_flag");
            if (scalingMatrix) {
                int lists = chromaFormatIdc != 3 ? 8 : 12;
                for (int i = 0; i < lists; i++) {
                    if (r.flag("seq_scaling_list_present_flag")) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        int log2MaxFrameNum = 4 + r.ue("log2_max_frame_num_minus4", 0, 12);
        int pocType = r.ue("pic_order_cnt_type", 0, 2);
        int log2MaxPocLsb = 0;
        if (pocType == 0) {
            log2MaxPocLsb = 4 + r.ue("log2_max_pic_order_cnt_lsb_minus4", 0, 12);
        } else if (pocType == 1) {
            r.flag("delta_pic_order_always_zero_flag");
            r.se("offset_for_non_ref_pic");
            r.se("offset_for_top_to_bottom_field");
            int cycle = r.ue("num_ref_frames_in_pic_order_cnt_cycle", 0, 255);
            for (int i = 0; i < cycle; i++) {
                r.se("offset_for_ref_frame");
            }
        }
        int maxNumRefFrames = r.ue("max_num_ref_frames", 0, 16);
        r.flag("gaps_in_frame_num_value_allowed_flag");
        int widthInMbs = 1 + r.ue("pic_width_in_mbs_minus1", 0, 1023);
        int heightInMapUnits = 1 + r.ue("pic_height_in_map_units_minus1", 0, 1023);
        boolean frameMbsOnly = r.flag("frame_mbs_only_flag");
        if (!frameMbsOnly) {
            r.flag("mb_adaptive_frame_field_flag");
        }
        r.flag("direct_8x8_inference_flag");
        SpsInfo.Cropping cropping = SpsInfo.Cropping.NONE;
        if (r.flag("frame_cropping_flag")) {
            cropping = new SpsInfo.Cropping(r.ue("frame_crop_left_offset", 0, 8192),
                    r.ue("frame_crop_right_offset", 0, 8192), r.ue("frame_crop_top_offset", 0, 8192),
                    r.ue("frame_crop_bottom_offset", 0, 8192));
        }
        SpsInfo.Timing timing = null;
        if (r.flag("vui_parameters_present_flag")) {
            timing = readVuiTiming(r);
        }
        SpsInfo info = new SpsInfo(profileIdc, constraintFlags, levelIdc, spsId, chromaFormatIdc, separateColourPlane,
                bitDepthLuma, bitDepthChroma, scalingMatrix, log2MaxFrameNum, pocType, log2MaxPocLsb, maxNumRefFrames,
                widthInMbs, heightInMapUnits, frameMbsOnly, cropping, timing);
        if (info.width() <= 0 || info.height() <= 0) {
            throw new IllegalArgumentException("SPS frame cropping " + cropping + " leaves a picture of "
                    + info.width() + "x" + info.height() + " (expected a positive size)");
        }
        return info;
    }

    /** The profiles whose SPS codes chroma_format_idc, bit depths and scaling matrices (§7.3.2.1.1). */
    static boolean hasChromaInfo(int profileIdc) {
        switch (profileIdc) {
            case 100: case 110: case 122: case 244: case 44: case 83: case 86: case 118: case 128: case 138:
            case 139: case 134: case 135:
                return true;
            default:
                return false;
        }
    }

    /** scaling_list() of §7.3.2.1.1.1: only the delta_scale values are coded; they are skipped here. */
    private static void skipScalingList(RbspBitReader r, int size) {
        int lastScale = 8;
        int nextScale = 8;
        for (int j = 0; j < size; j++) {
            if (nextScale != 0) {
                long delta = r.se("delta_scale");
                if (delta < -128 || delta > 127) {
                    throw new IllegalArgumentException("SPS delta_scale is " + delta + " (expected -128..127)");
                }
                nextScale = (int) ((lastScale + delta + 256) % 256);
            }
            lastScale = nextScale == 0 ? lastScale : nextScale;
        }
    }

    /** vui_parameters() of Annex E.1.1 up to and including timing_info. */
    private static SpsInfo.Timing readVuiTiming(RbspBitReader r) {
        if (r.flag("aspect_ratio_info_present_flag")) {
            int idc = (int) r.u(8, "aspect_ratio_idc");
            if (idc == 255) { // Extended_SAR
                r.u(16, "sar_width");
                r.u(16, "sar_height");
            }
        }
        if (r.flag("overscan_info_present_flag")) {
            r.flag("overscan_appropriate_flag");
        }
        if (r.flag("video_signal_type_present_flag")) {
            r.u(3, "video_format");
            r.flag("video_full_range_flag");
            if (r.flag("colour_description_present_flag")) {
                r.u(8, "colour_primaries");
                r.u(8, "transfer_characteristics");
                r.u(8, "matrix_coefficients");
            }
        }
        if (r.flag("chroma_loc_info_present_flag")) {
            r.ue("chroma_sample_loc_type_top_field", 0, 5);
            r.ue("chroma_sample_loc_type_bottom_field", 0, 5);
        }
        if (!r.flag("timing_info_present_flag")) {
            return null;
        }
        long units = r.u(32, "num_units_in_tick");
        long scale = r.u(32, "time_scale");
        boolean fixed = r.flag("fixed_frame_rate_flag");
        return new SpsInfo.Timing(units, scale, fixed);
    }
}
