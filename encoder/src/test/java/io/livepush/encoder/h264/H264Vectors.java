package io.livepush.encoder.h264;

import static io.livepush.encoder.TestBytes.hex;

/**
 * Real parameter sets, made on Debian 12 with ffmpeg 5.1 / libx264-164 and cross-checked field by
 * field with {@code ffmpeg -bsf:v trace_headers}.
 */
final class H264Vectors {
    private H264Vectors() {
    }

    /**
     * {@code ffmpeg -f lavfi -i testsrc=size=1280x720:rate=30 -frames:v 1 -pix_fmt yuv420p -c:v libx264
     * -profile:v baseline -f h264 baseline.h264}: profile 66, constraint_set0+1, level 3.1, POC type 2,
     * 3 refs, 80x45 MBs, no cropping, VUI timing 1/60.
     */
    static final byte[] BASELINE_720P_SPS = hex("67 42 c0 1f d9 00 50 05 bb 01 10 00 00 03 00 10 00 00 03 03 c0 f1 83 24 80");
    static final byte[] BASELINE_720P_PPS = hex("68 cb 83 cb 20");

    /** The same with {@code -profile:v high}: profile 100, chroma_format_idc 1, POC type 0, 4 refs. */
    static final byte[] HIGH_720P_SPS = hex("67 64 00 1f ac d9 40 50 05 bb 01 10 00 00 03 00 10 00 00 03 03 c0 f1 83 19 60");
    static final byte[] HIGH_720P_PPS = hex("68 eb e3 cb 22 c0");

    /**
     * 1920x1080 with {@code -profile:v main}: profile 77, constraint_set1, level 4.0, 120x68 MBs
     * (1088 rows) cropped by frame_crop_bottom_offset 4 (x2 rows) to 1080.
     */
    static final byte[] MAIN_1080P_SPS = hex("67 4d 40 28 ec a0 3c 01 13 f2 e0 22 00 00 03 00 02 00 00 03 00 78 1e 30 63 2c");
    static final byte[] MAIN_1080P_PPS = hex("68 eb e3 cb 20");

    /**
     * Hand-made High-profile SPS (no encoder here writes SPS scaling lists), accepted by ffmpeg's
     * parser with the same values: seq_scaling_matrix_present_flag 1 with list 1 (sixteen
     * delta_scale 1) and list 6 (delta_scale -8 = use default), POC type 1 with a 2-entry cycle,
     * frame_mbs_only_flag 0 with MBAFF, 120x34 map units (1088 rows) cropped by
     * frame_crop_bottom_offset 2 (x4 rows for interlaced 4:2:0) to 1920x1080, no VUI.
     */
    static final byte[] SCALING_LIST_INTERLACED_SPS = hex("67 64 00 28 ad 52 49 24 92 49 24 82 11 50 a6 62 87 a0 1e 01 13 f6 80");
}
