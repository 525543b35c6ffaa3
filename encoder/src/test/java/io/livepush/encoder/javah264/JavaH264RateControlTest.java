package io.livepush.encoder.javah264;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.MovingContent;
import io.livepush.encoder.RateControlMode;
import io.livepush.encoder.VideoEncoderConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rate control holds the target bitrate within 10 % over 10 s (300 frames at 30 fps, an IDR every
 * 2 s, everything counted: SPS, PPS and all slices). Run at 320x240 with noisy moving content so
 * that 4 Mbps is reachable and the test stays fast; the same controller runs at every size, since
 * its model works in bits per picture.
 */
class JavaH264RateControlTest {
    private static final int W = 320;
    private static final int H = 240;

    @ParameterizedTest(name = "{0} at {1} bps")
    @CsvSource({"VBR, 1000000", "VBR, 2500000", "VBR, 4000000", "CBR, 1000000", "CBR, 2500000", "CBR, 4000000"})
    void bitrateOverTenSecondsIsWithinTenPercentOfTheTarget(RateControlMode mode, int bps) {
        VideoFramePool pool = new VideoFramePool(W, H, 2);
        MovingContent content = new MovingContent(bps, 28);
        VideoEncoderConfig config = VideoEncoderConfig.builder().size(W, H).fps(30).bitrateBps(bps).rateControl(mode)
                .threads(2).build();
        long bits = 0;
        try (JavaH264Backend backend = new JavaH264Backend(config)) {
            for (int i = 0; i < 300; i++) {
                VideoFrame f = content.frame(pool, i, Math.round(i * 1_000_000.0 / 30));
                try {
                    EncodedVideoFrame au = backend.encode(f, i % 60 == 0);
                    bits += au == null ? 0 : au.payloadSize() * 8L;
                } finally {
                    f.release();
                }
            }
        }
        double ratio = bits / 10.0 / bps;
        assertTrue(Math.abs(ratio - 1) <= 0.10, mode + " at " + bps + " bps gave " + bits / 10 + " bps ("
                + Math.round(ratio * 100) + " % of the target)");
    }

    @ParameterizedTest(name = "{0} bps to {1} bps")
    @CsvSource({"4000000, 1000000", "1000000, 2500000"})
    void aNewBitrateIsHeldFromTheNextSecondsOn(int from, int to) {
        VideoFramePool pool = new VideoFramePool(W, H, 2);
        MovingContent content = new MovingContent(7, 28);
        VideoEncoderConfig config = VideoEncoderConfig.builder().size(W, H).fps(30).bitrateBps(from)
                .rateControl(RateControlMode.VBR).build();
        long bits = 0;
        try (JavaH264Backend backend = new JavaH264Backend(config)) {
            for (int i = 0; i < 300; i++) {
                if (i == 60) {
                    backend.setBitrate(to);
                }
                VideoFrame f = content.frame(pool, i, Math.round(i * 1_000_000.0 / 30));
                try {
                    EncodedVideoFrame au = backend.encode(f, i % 60 == 0);
                    if (i >= 120) {
                        bits += au.payloadSize() * 8L;
                    }
                } finally {
                    f.release();
                }
            }
        }
        double ratio = bits / 6.0 / to;
        assertTrue(Math.abs(ratio - 1) <= 0.10, "seconds 4..10 after " + from + " -> " + to + " bps gave " + bits / 6
                + " bps (" + Math.round(ratio * 100) + " %)");
    }
}
