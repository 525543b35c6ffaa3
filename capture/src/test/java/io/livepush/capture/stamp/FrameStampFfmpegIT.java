package io.livepush.capture.stamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.testing.Interop;
import io.livepush.capture.testing.PeerProcess;
import io.livepush.capture.y4m.Y4mFileWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stamps survive real lossy coding: test-pattern frames go through ffmpeg's libx264 at 1 Mbps,
 * are decoded by ffmpeg, and every decoded frame's stamp must read back (at full size, and found
 * by search after scaling to half size and padding into a larger picture).
 */
class FrameStampFfmpegIT {
    private static final int W = 1280;
    private static final int H = 720;
    private static final int FRAMES = 90;
    private static final long WALL = 1_717_171_717_000_000L;
    private static String ffmpeg;

    @TempDir
    Path dir;

    @BeforeAll
    static void needFfmpeg() {
        ffmpeg = Interop.requireExecutable("ffmpeg", "ffmpeg");
    }

    @Test
    void everyStampReadsBackAfterX264AtOneMegabit() throws Exception {
        Path h264 = encodePattern();
        Path raw = dir.resolve("dec.yuv");
        run(List.of(ffmpeg, "-nostdin", "-v", "error", "-y", "-i", h264.toString(), "-f", "rawvideo", "-pix_fmt", "yuv420p",
                raw.toString()));
        List<Optional<Stamp>> stamps = readAll(raw, W, H, luma -> FrameStamp.read(luma, W, W, H, 0, 0));
        assertEquals(FRAMES, stamps.size());
        for (int n = 0; n < FRAMES; n++) {
            assertEquals(Optional.of(new Stamp(n, WALL + FrameRate.of(30).ptsUs(n))), stamps.get(n), "decoded frame " + n);
        }
    }

    @Test
    void everyStampIsFoundAfterScalingToHalfSizeIntoALargerPicture() throws Exception {
        Path h264 = encodePattern();
        Path raw = dir.resolve("mix.yuv");
        run(List.of(ffmpeg, "-nostdin", "-v", "error", "-y", "-i", h264.toString(), "-vf",
                "scale=640:360,pad=1280:720:301:117:gray", "-f", "rawvideo", "-pix_fmt", "yuv420p", raw.toString()));
        List<Optional<StampMatch>> found = readAll(raw, W, H, luma -> FrameStamp.search(LumaPlane.of(luma, W, W, H), 8.0));
        int read = 0;
        for (int n = 0; n < FRAMES; n++) {
            Optional<StampMatch> m = found.get(n);
            assertTrue(m.isPresent(), "no stamp found in scaled frame " + n);
            assertEquals(new Stamp(n, WALL + FrameRate.of(30).ptsUs(n)), m.get().stamp(), "scaled frame " + n);
            assertTrue(Math.abs(m.get().x() - 301) <= 3 && Math.abs(m.get().y() - 117) <= 3, "found at " + m.get());
            read++;
        }
        System.out.println("[figure] FrameStamp after x264 1 Mbps 720p, scaled 0.5 and padded: " + read + "/" + FRAMES + " found");
    }

    private Path encodePattern() throws Exception {
        Path y4m = dir.resolve("pattern.y4m");
        MediaClock clock = new MediaClock(() -> 0L, WALL);
        try (TestPatternSource src = TestPatternSource.builder().size(W, H).clock(clock).realtime(false).build();
                Y4mFileWriter out = new Y4mFileWriter(y4m, W, H, FrameRate.of(30))) {
            for (int n = 0; n < FRAMES; n++) {
                VideoFrame f = src.read();
                out.write(f);
                f.release();
            }
        }
        Path h264 = dir.resolve("pattern.h264");
        run(List.of(ffmpeg, "-nostdin", "-v", "error", "-y", "-i", y4m.toString(), "-c:v", "libx264", "-b:v", "1M",
                "-pix_fmt", "yuv420p", h264.toString()));
        return h264;
    }

    private void run(List<String> command) throws Exception {
        Path log = Files.createTempFile(dir, "ffmpeg", ".log");
        try (PeerProcess p = PeerProcess.start(command, log)) {
            int exit = p.waitFor(120, TimeUnit.SECONDS);
            assertEquals(0, exit, "ffmpeg failed: " + command + "\n" + p.output());
        }
    }

    private static <T> List<T> readAll(Path raw, int w, int h, java.util.function.Function<byte[], T> reader) throws Exception {
        List<T> out = new ArrayList<>();
        byte[] frame = new byte[w * h * 3 / 2];
        try (InputStream in = Files.newInputStream(raw)) {
            while (in.readNBytes(frame, 0, frame.length) == frame.length) {
                out.add(reader.apply(frame));
            }
        }
        return out;
    }
}
