package io.livepush.capture.y4m;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.testing.Interop;
import io.livepush.capture.testing.PeerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Y4M interop with ffmpeg in both directions: its files read by us, ours read by it, byte for byte. */
class Y4mFfmpegIT {
    private static String ffmpeg;
    @TempDir
    Path dir;

    @BeforeAll
    static void needFfmpeg() {
        ffmpeg = Interop.requireExecutable("ffmpeg", "ffmpeg");
    }

    @Test
    void readsTheY4mFfmpegWritesFrameForFrame() throws Exception {
        Path y4m = dir.resolve("x.y4m");
        Path raw = dir.resolve("x.yuv");
        String src = "testsrc=size=320x240:rate=30";
        run(List.of(ffmpeg, "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", src, "-frames:v", "10", "-pix_fmt", "yuv420p",
                y4m.toString()));
        run(List.of(ffmpeg, "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", src, "-frames:v", "10", "-pix_fmt", "yuv420p",
                "-f", "rawvideo", raw.toString()));
        byte[] expected = Files.readAllBytes(raw);
        int size = 320 * 240 * 3 / 2;
        try (Y4mFileSource in = Y4mFileSource.builder(y4m).paced(false).build()) {
            assertEquals(320, in.header().width());
            assertEquals(240, in.header().height());
            assertEquals(FrameRate.of(30), in.header().frameRate());
            int n = 0;
            for (VideoFrame f = in.read(); f != null; f = in.read(), n++) {
                byte[] got = Y4mFileSourceTest.bytes(f);
                assertArrayEquals(Arrays.copyOfRange(expected, n * size, (n + 1) * size), got, "frame " + n);
                // a pixel: testsrc's luma at (100, 50) as ffmpeg's raw output has it
                assertEquals(expected[n * size + 50 * 320 + 100], got[50 * 320 + 100]);
                f.release();
            }
            assertEquals(10, n);
            assertNull(in.read());
        }
    }

    @Test
    void ffmpegReadsTheY4mWeWriteByteForByte() throws Exception {
        Path y4m = dir.resolve("ours.y4m");
        List<byte[]> written = Y4mFileSourceTest.writePattern(y4m, 320, 180, new FrameRate(30000, 1001), 7);
        Path raw = dir.resolve("back.yuv");
        run(List.of(ffmpeg, "-nostdin", "-v", "error", "-y", "-i", y4m.toString(), "-f", "rawvideo", "-pix_fmt", "yuv420p",
                raw.toString()));
        byte[] back = Files.readAllBytes(raw);
        int size = 320 * 180 * 3 / 2;
        assertEquals(7 * size, back.length, "ffmpeg decoded 7 frames");
        for (int n = 0; n < 7; n++) {
            assertArrayEquals(written.get(n), Arrays.copyOfRange(back, n * size, (n + 1) * size), "frame " + n);
        }
        Path probeLog = dir.resolve("probe.log");
        String ffprobe = Interop.requireExecutable("ffprobe", "ffmpeg");
        try (PeerProcess p = PeerProcess.start(List.of(ffprobe, "-v", "error", "-select_streams", "v", "-show_entries",
                "stream=width,height,pix_fmt,r_frame_rate", "-of", "default=nw=1", y4m.toString()), probeLog)) {
            assertEquals(0, p.waitFor(30, TimeUnit.SECONDS));
            String out = p.output();
            assertEquals(List.of("width=320", "height=180", "pix_fmt=yuv420p", "r_frame_rate=30000/1001"),
                    out.lines().sorted((a, b) -> order(a) - order(b)).toList());
        }
    }

    private static int order(String line) {
        return List.of("width", "height", "pix_fmt", "r_frame_rate").indexOf(line.substring(0, line.indexOf('=')));
    }

    private void run(List<String> command) throws Exception {
        Path log = Files.createTempFile(dir, "ffmpeg", ".log");
        try (PeerProcess p = PeerProcess.start(command, log)) {
            assertEquals(0, p.waitFor(60, TimeUnit.SECONDS), "ffmpeg failed: " + command + "\n" + p.output());
        }
    }
}
