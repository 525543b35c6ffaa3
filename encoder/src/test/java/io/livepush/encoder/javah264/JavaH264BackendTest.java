package io.livepush.encoder.javah264;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.testing.Ffmpeg;
import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.MovingContent;
import io.livepush.encoder.RateControlMode;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.h264.SpsInfo;
import io.livepush.encoder.h264.SpsParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Java backend on its own: parameter sets, slices, skip blocks, reconstruction quality, lifecycle. */
class JavaH264BackendTest {
    private static VideoEncoderConfig config(int w, int h, int threads) {
        return VideoEncoderConfig.builder().size(w, h).fps(30).bitrateBps(1_000_000).rateControl(RateControlMode.VBR)
                .threads(threads).build();
    }

    @ParameterizedTest(name = "{0}x{1} at 30 fps: level {2}")
    @CsvSource({"640, 360, 30", "1280, 720, 31", "1920, 1080, 40", "176, 144, 11", "2, 2, 10"})
    void spsIsConstrainedBaselineWithTheSizeCroppedAndTheLowestLevelThatFits(int w, int h, int level) {
        try (JavaH264Backend backend = new JavaH264Backend(config(w, h, 1))) {
            VideoFramePool pool = new VideoFramePool(w, h, 1);
            VideoFrame f = new MovingContent(1, 0).frame(pool, 0, 0);
            EncodedVideoFrame au;
            try {
                au = backend.encode(f, true);
            } finally {
                f.release();
            }
            SpsInfo sps = SpsParser.parse(au.firstNal(7));
            assertEquals(66, sps.profileIdc());
            assertTrue(sps.constraintSet(1), "constraint_set1_flag (Constrained Baseline)");
            assertEquals(level, sps.levelIdc());
            assertEquals(w, sps.width());
            assertEquals(h, sps.height());
            assertEquals(2, sps.picOrderCntType());
            assertEquals(1, sps.maxNumRefFrames());
        }
    }

    @Test
    void eachThreadCodesOneSliceOfWholeMacroblockRows() {
        try (JavaH264Backend backend = new JavaH264Backend(config(320, 240, 3))) {
            assertEquals(3, backend.sliceCount());
            VideoFramePool pool = new VideoFramePool(320, 240, 1);
            MovingContent content = new MovingContent(2, 8);
            for (int i = 0; i < 3; i++) {
                VideoFrame f = content.frame(pool, i, i * 33_333L);
                try {
                    EncodedVideoFrame au = backend.encode(f, i == 0);
                    int sliceType = i == 0 ? 5 : 1;
                    long slices = au.nalUnits().stream().filter(n -> (n[0] & 0x1F) == sliceType).count();
                    assertEquals(3, slices, "slices in frame " + i);
                } finally {
                    f.release();
                }
            }
        }
        try (JavaH264Backend oneRow = new JavaH264Backend(config(64, 16, 4))) {
            assertEquals(1, oneRow.sliceCount(), "never more slices than macroblock rows");
        }
        try (JavaH264Backend auto = new JavaH264Backend(config(640, 360, 0))) {
            assertEquals(Math.min(23, Runtime.getRuntime().availableProcessors()), auto.sliceCount());
        }
    }

    @Test
    void anUnchangedPictureCostsAlmostNothingBecauseEveryMacroblockIsSkipped() {
        // At 100 kbps there is no budget to refine the picture further, so nothing is left to code.
        VideoEncoderConfig lowRate = config(320, 240, 1).toBuilder().bitrateBps(100_000).build();
        try (JavaH264Backend backend = new JavaH264Backend(lowRate)) {
            VideoFramePool pool = new VideoFramePool(320, 240, 1);
            MovingContent content = new MovingContent(3, 6);
            int idrSize = 0;
            int pSize = 0;
            for (int i = 0; i < 10; i++) {
                VideoFrame f = content.frame(pool, 0, i * 33_333L); // the same picture every time
                try {
                    EncodedVideoFrame au = backend.encode(f, i == 0);
                    if (i == 0) {
                        idrSize = au.payloadSize();
                    } else {
                        pSize = au.payloadSize();
                    }
                } finally {
                    f.release();
                }
            }
            // 300 macroblocks skipped: slice header plus one mb_skip_run, a handful of bytes.
            assertTrue(pSize < 16, "P picture of an unchanged frame is " + pSize + " bytes (IDR " + idrSize + ")");
        }
    }

    @Test
    void reconstructionIsCloseToTheSourceAtAModerateBitrate() {
        int w = 320;
        int h = 240;
        try (JavaH264Backend backend = new JavaH264Backend(config(w, h, 2))) {
            VideoFramePool pool = new VideoFramePool(w, h, 1);
            MovingContent content = new MovingContent(4, 4);
            byte[] recon = new byte[w * h * 3 / 2];
            byte[] src = new byte[w * h];
            for (int i = 0; i < 30; i++) {
                VideoFrame f = content.frame(pool, i, i * 33_333L);
                try {
                    assertNotNull(backend.encode(f, i == 0));
                    for (int y = 0; y < h; y++) {
                        f.data().get(f.planeOffset(0) + y * f.stride(0), src, y * w, w);
                    }
                } finally {
                    f.release();
                }
                backend.reconstruction(recon);
                byte[] y = java.util.Arrays.copyOf(recon, w * h);
                double psnr = Ffmpeg.psnrY(src, y, w, h);
                assertTrue(psnr > 32, "frame " + i + " Y-PSNR " + psnr + " dB at QP " + backend.lastQp());
            }
        }
    }

    @Test
    void wrongSizeAndBadBitrateAreRefusedAndEncodingGoesOn() {
        try (JavaH264Backend backend = new JavaH264Backend(config(320, 240, 1))) {
            VideoFrame wrong = VideoFrame.allocate(160, 120, 0);
            try {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backend.encode(wrong, true));
                assertTrue(e.getMessage().contains("160x120") && e.getMessage().contains("320x240"), e.getMessage());
            } finally {
                wrong.release();
            }
            assertThrows(IllegalArgumentException.class, () -> backend.setBitrate(49_999));
            assertEquals(1_000_000, backend.bitrateBps());
            VideoFrame f = VideoFrame.allocate(320, 240, 0);
            try {
                assertTrue(backend.encode(f, false).keyframe(), "the first picture is an IDR even when not forced");
            } finally {
                f.release();
            }
        }
    }

    @Test
    void closeIsIdempotentAndEncodingAfterCloseThrows() {
        JavaH264Backend backend = new JavaH264Backend(config(64, 64, 2));
        backend.close();
        backend.close();
        VideoFrame f = VideoFrame.allocate(64, 64, 0);
        try {
            assertThrows(IllegalStateException.class, () -> backend.encode(f, true));
        } finally {
            f.release();
        }
        assertFalse(backend.toString().isEmpty());
    }
}
