package io.livepush.encoder;

/** How an encoder spends bits. */
public enum RateControlMode {
    /** Hold the target bitrate closely, frame by frame: what live ingest wants (the default). */
    CBR,
    /** Aim for the target bitrate on average, letting complex scenes take more. */
    VBR,
    /** Constant quality, bitrate follows content; for recordings and tests, not for live push. */
    QUALITY
}
