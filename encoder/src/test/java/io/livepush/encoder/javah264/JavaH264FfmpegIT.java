package io.livepush.encoder.javah264;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.testing.Ffmpeg;
import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.MovingContent;
import io.livepush.encoder.RateControlMode;
import io.livepush.encoder.VideoEncoderConfig;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ffmpeg decodes what the Java encoder writes without a single error, and every decoded picture
 * equals the encoder's own reconstruction exactly: 300 frames of moving, noisy content (10 s at
 * 30 fps, an IDR every 2 s), at a size that is not a multiple of 16 (so cropping is exercised),
 * with one and with two slices, and at bitrates that drive rate control through many QPs.
 */
class JavaH264FfmpegIT {
    private static final int FRAMES = 300;
    private static final byte[] START_CODE = {0, 0, 0, 1};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}x{1}, {2} thread(s), {3} bps, noise {4}")
    @CsvSource({"336, 200, 1, 600000, 8", "336, 200, 2, 300000, 24", "176, 144, 2, 2000000, 4", "640, 360, 2, 1500000, 60"})
    void ffmpegDecodesEveryFrameExactlyAsTheEncoderReconstructedIt(int w, int h, int threads, int bps, int noise)
            throws IOException {
        Ffmpeg ffmpeg = Ffmpeg.require();
        MovingContent content = new MovingContent(w + threads, noise);
        VideoFramePool pool = new VideoFramePool(w, h, 2);
        Path file = dir.resolve("java.h264");
        VideoEncoderConfig config = VideoEncoderConfig.builder().size(w, h).fps(30).bitrateBps(bps)
                .rateControl(RateControlMode.VBR).threads(threads).build();
        int frameSize = w * h * 3 / 2;
        List<byte[]> recon = new ArrayList<>();
        List<Integer> idrs = new ArrayList<>();
        try (JavaH264Backend backend = new JavaH264Backend(config);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            assertEquals(threads, backend.sliceCount());
            for (int i = 0; i < FRAMES; i++) {
                VideoFrame frame = content.frame(pool, i, Math.round(i * 1_000_000.0 / 30));
                EncodedVideoFrame au;
                try {
                    au = backend.encode(frame, i % 60 == 0);
                } finally {
                    frame.release();
                }
                assertNotNull(au, "VBR skipped frame " + i);
                if (au.keyframe()) {
                    idrs.add(i);
                }
                for (byte[] nal : au.nalUnits()) {
                    out.write(START_CODE);
                    out.write(nal);
                }
                byte[] r = new byte[frameSize];
                backend.reconstruction(r);
                recon.add(r);
            }
        }
        assertEquals(List.of(0, 60, 120, 180, 240), idrs);
        assertEquals("", ffmpeg.decodeErrors(file, "-framerate", "30"));
        Ffmpeg.StreamInfo info = ffmpeg.streamInfo(file, "-framerate", "30");
        assertEquals("h264", info.codec());
        assertEquals(w, info.width());
        assertEquals(h, info.height());
        assertTrue(info.profile().contains("Baseline"), info.profile());

        int n = 0;
        try (Ffmpeg.Frames frames = ffmpeg.decodeFrames(file, w, h, "-framerate", "30")) {
            while (frames.hasNext()) {
                byte[] decoded = frames.next();
                byte[] mine = recon.get(n);
                for (int i = 0; i < frameSize; i++) {
                    if (decoded[i] != mine[i]) {
                        String plane = i < w * h ? "Y" : i < w * h * 5 / 4 ? "U" : "V";
                        int pw = plane.equals("Y") ? w : w / 2;
                        int off = plane.equals("Y") ? i : plane.equals("U") ? i - w * h : i - w * h * 5 / 4;
                        fail("frame " + n + " differs first at " + plane + "(" + off % pw + ", " + off / pw + "): decoded "
                                + (decoded[i] & 0xFF) + ", reconstructed " + (mine[i] & 0xFF));
                    }
                }
                n++;
            }
        }
        assertEquals(FRAMES, n, "decoded frames");
    }
}
