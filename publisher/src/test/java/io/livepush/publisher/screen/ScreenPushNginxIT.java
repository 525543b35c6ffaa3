package io.livepush.publisher.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.convert.RgbToI420;
import io.livepush.capture.screen.Screen;
import io.livepush.capture.screen.Xvfb;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.ToneSource;
import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screen pushed live: a private Xvfb with a red and a blue window is captured by {@link Screen}
 * (MIT-SHM, 1280x720, 30 fps), encoded and pushed by {@link LiveStream} to a real nginx-rtmp for 5 s.
 * ffmpeg, the independent reader, decodes the recording cleanly, counts at least 29 frames per second
 * of stream time, and finds the windows' colours where they are.
 */
class ScreenPushNginxIT {
    private static final String KEY = "screen-it-key-5f4e3d2c1b";

    @TempDir
    Path dir;

    @Test
    void fiveSecondsOfTheScreenAt30FpsArriveDecodableAtAtLeast29FpsWithTheWindowsColours() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.require();
        try (Xvfb x = Xvfb.start(dir.resolve("x"), 1280, 720);
                NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null)) {
            x.solidWindow("#ff0000", 100, 80, 320, 200);
            x.solidWindow("#0000ff", 700, 400, 400, 240);
            Thread.sleep(1000); // xlogo maps its windows
            MediaClock clock = new MediaClock();
            LiveStreamConfig config = LiveStreamConfig.builder(nginx.url(KEY)).video(VideoEncoderConfig.builder()
                    .size(1280, 720).fps(30).bitrateBps(2_500_000).gopSeconds(2).build()).build();
            Screen screen = Screen.builder().display(x.display()).frameRate(FrameRate.of(30)).clock(clock).build();
            assertEquals("MIT-SHM", screen.captureMethod(), screen.describe());
            ToneSource tone = ToneSource.builder().format(config.audio().audioFormat()).clock(clock).realtime(true)
                    .build();
            List<Throwable> sourceErrors = new ArrayList<>();
            try (LiveStream stream = LiveStream.create(config, screen, tone, clock, new LiveStreamListener() {
                @Override
                public void onSourceError(Object source, Throwable cause) {
                    sourceErrors.add(cause);
                }
            })) {
                stream.start().get(15, TimeUnit.SECONDS);
                Thread.sleep(5000);
                assertTrue(!stream.done().isDone(), "the stream is still running after 5 s");
            }
            Path rec = nginx.recording(KEY);
            RecordingFiles.awaitSettled(rec);

            assertEquals("", ffmpeg.decodeErrors(rec), "ffmpeg decode errors");
            assertEquals(1280, ffmpeg.streamInfo(rec).width());
            List<Double> pts = packetTimes(rec);
            double span = pts.get(pts.size() - 1) - pts.get(0) + 1.0 / 30;
            double fps = pts.size() / span;
            System.out.printf("[figure] screen push: %d frames over %.3f s of stream time = %.2f fps%n", pts.size(),
                    span, fps);
            assertTrue(span >= 4.5, "stream time " + span + " s");
            assertTrue(fps >= 29, pts.size() + " frames over " + span + " s = " + fps + " fps (expected >= 29)");
            assertTrue(sourceErrors.isEmpty(), "source errors: " + sourceErrors);

            try (Ffmpeg.Frames frames = ffmpeg.decodeFrames(rec, 1280, 720)) {
                byte[] f = null;
                for (int i = 0; i < 60 && frames.hasNext(); i++) {
                    f = frames.next();
                }
                assertTrue(f != null, "decoded frames");
                assertNear(RgbToI420.luma(255, 0, 0), f[180 * 1280 + 260] & 0xff, "red window luma");
                assertNear(RgbToI420.luma(0, 0, 255), f[520 * 1280 + 900] & 0xff, "blue window luma");
                assertNear(16, f[40 * 1280 + 40] & 0xff, "black root luma");
                int u = f[1280 * 720 + 90 * 640 + 130] & 0xff;
                assertNear(RgbToI420.cb(255, 0, 0), u, "red window U");
            }
        }
    }

    private static void assertNear(int expected, int actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 6, what + ": " + actual + " (expected " + expected + " +-6)");
    }

    /** Presentation times of every video packet, in seconds, from ffprobe. */
    private static List<Double> packetTimes(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "packet=pts_time", "-of", "csv=p=0", file.toString()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffprobe: " + out);
        List<Double> t = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank() && !line.startsWith("N/A")) {
                t.add(Double.parseDouble(line.trim().replace(",", "")));
            }
        }
        t.sort(Double::compare);
        return t;
    }
}
