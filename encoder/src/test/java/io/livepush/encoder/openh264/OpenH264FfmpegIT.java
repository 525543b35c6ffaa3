package io.livepush.encoder.openh264;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.Interop;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What OpenH264 makes through this backend is read back by ffmpeg: 10 s of 720p at 30 fps with an
 * IDR forced every 60 frames, written as Annex B. VBR, so rate control skips no frame and the raw
 * stream's frame-counted times are the real ones.
 */
class OpenH264FfmpegIT {
    private static final int W = 1280;
    private static final int H = 720;
    private static final int FRAMES = 300;
    private static final byte[] START_CODE = {0, 0, 0, 1};

    @TempDir
    Path dir;

    @Test
    void ffmpegDecodesTheStreamCleanlyWithKeyframesEveryTwoSeconds() throws IOException {
        OpenH264Provider provider = new OpenH264Provider();
        Interop.assumePeer(provider.unavailableReason() == null, "libopenh264 (" + provider.unavailableReason() + ")");
        Ffmpeg ffmpeg = Ffmpeg.require();
        MovingContent content = new MovingContent(7, 8);
        VideoFramePool pool = new VideoFramePool(W, H, 2);
        Path file = dir.resolve("openh264.h264");
        VideoEncoderConfig config = VideoEncoderConfig.builder().size(W, H).fps(30).bitrateBps(2_500_000)
                .rateControl(RateControlMode.VBR).build();
        List<Integer> idrs = new ArrayList<>();
        try (OpenH264Backend backend = (OpenH264Backend) provider.open(config);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
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
            }
        }
        assertEquals(List.of(0, 60, 120, 180, 240), idrs);

        assertEquals("", ffmpeg.decodeErrors(file, "-framerate", "30"));
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0), ffmpeg.keyframeTimes(file, "-framerate", "30"));
        assertEquals(FRAMES, ffmpeg.videoPacketCount(file, "-framerate", "30"));
        Ffmpeg.StreamInfo info = ffmpeg.streamInfo(file, "-framerate", "30");
        assertEquals("h264", info.codec());
        assertEquals(W, info.width());
        assertEquals(H, info.height());

        // The decoded pictures are the ones that went in: each frame's luma within a few dB of the source.
        VideoFrame source = VideoFrame.allocate(W, H, 0);
        byte[] expected = new byte[source.byteSize()];
        double worst = Double.POSITIVE_INFINITY;
        int decoded = 0;
        try (Ffmpeg.Frames frames = ffmpeg.decodeFrames(file, W, H, "-framerate", "30")) {
            while (frames.hasNext()) {
                content.paint(source, decoded);
                source.data().get(0, expected);
                worst = Math.min(worst, Ffmpeg.psnrY(expected, frames.next(), W, H));
                decoded++;
            }
        } finally {
            source.release();
        }
        System.out.println("[openh264] 720p VBR 2.5 Mbps: worst luma PSNR " + String.format("%.1f", worst) + " dB");
        assertEquals(FRAMES, decoded);
        assertTrue(worst > 30, "worst luma PSNR " + worst + " dB");
    }
}
