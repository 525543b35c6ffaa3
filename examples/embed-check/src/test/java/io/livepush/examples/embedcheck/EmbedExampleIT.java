package io.livepush.examples.embedcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.Interop;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.PeerProcess;
import io.livepush.capture.testing.RecordingFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding example as a user builds and runs it: {@code examples/embed}, built by
 * maven-invoker-plugin against this build's SDK artifacts (see this module's POM), runs in its own
 * JVM from its shaded jar, streaming a 6.5 s Y4M + WAV file to a private nginx-rtmp with an SEI
 * event each second. ffmpeg then reads nginx's recording.
 */
class EmbedExampleIT {
    /**
     * 6.5 s: the last event (at 6 s) is sent while frames are still read; an event sent after the
     * file's last frame would have no frame left to ride on.
     */
    private static final int FRAMES = 195;
    private static final int FPS = 30;
    private static final double SECONDS = FRAMES / (double) FPS;

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private static Path exampleJar() {
        Path jar = Path.of(System.getProperty("embed.jar", "target/embed/target/livepush-embed-example.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " was not built (maven-invoker-plugin builds it in"
                + " pre-integration-test; its log is target/embed/build.log)");
        return jar;
    }

    /** Runs the example with {@code args}; @return its output, after asserting that it failed. */
    private static String runExpectingFailure(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", exampleJar().toString()));
        command.addAll(List.of(args));
        try (PeerProcess example = PeerProcess.start(command, dir.resolve("bad.log"))) {
            int code = example.waitFor(20, TimeUnit.SECONDS);
            assertTrue(code > 0, "exit code " + code + " (expected a failure); output:\n" + example.output());
            return example.output();
        }
    }

    @Test
    void badCommandLinesEndTheExampleWithAMessageSayingWhatIsExpected(@TempDir Path dir) throws Exception {
        String usage = runExpectingFailure(dir, "only-one-argument.y4m");
        assertTrue(usage.contains("1 arguments given (expected VIDEO.y4m AUDIO.wav URL [SEI_EVERY_SECONDS])"), usage);
        String missing = runExpectingFailure(dir, dir.resolve("missing.y4m").toString(), "a.wav", "rtmp://127.0.0.1/live/x");
        assertTrue(missing.contains("missing.y4m") && missing.contains("no such Y4M file"), missing);
        String interval = runExpectingFailure(dir, "a.y4m", "a.wav", "rtmp://127.0.0.1/live/x", "0.01");
        assertTrue(interval.contains("SEI interval 0.01 s is not allowed (expected at least 0.1)"), interval);
    }

    /** Makes the input files with ffmpeg: a moving test picture and a 440 Hz tone, 48 kHz stereo s16. */
    private static void makeClip(Path y4m, Path wav) throws IOException, InterruptedException {
        String ffmpeg = Interop.requireExecutable("ffmpeg", "ffmpeg");
        Process p = new ProcessBuilder(ffmpeg, "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=" + FPS, "-frames:v", String.valueOf(FRAMES),
                "-pix_fmt", "yuv420p", y4m.toString(),
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", String.valueOf(SECONDS),
                "-map", "1:a", "-ac", "2", "-c:a", "pcm_s16le", wav.toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg could not make the clip: " + out);
    }

    @Test
    void theExampleBuiltAgainstTheInstalledSdkStreamsAFileWithSeiEventsThatNginxRecordsAndFfmpegDecodes(
            @TempDir Path dir) throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.require();
        Path jar = exampleJar();
        Path y4m = dir.resolve("clip.y4m");
        Path wav = dir.resolve("clip.wav");
        makeClip(y4m, wav);
        String output;
        long startNanos = System.nanoTime();
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null)) {
            try (PeerProcess example = PeerProcess.start(List.of(JAVA, "-Xmx256m", "-jar", jar.toString(),
                    y4m.toString(), wav.toString(), nginx.url("embed"), "1"), dir.resolve("example.log"))) {
                int code = example.waitFor(40, TimeUnit.SECONDS);
                output = example.output();
                assertEquals(0, code, "the example's exit code (-1: still running after 40 s); its output:\n" + output);
            }
            RecordingFiles.awaitSettled(nginx.recording("embed"));
        }
        System.out.printf(Locale.ROOT, "embed example: a %.1f s file streamed in %.1f s (JVM start to exit)%n", SECONDS,
                (System.nanoTime() - startNanos) / 1e9);
        Path rec = dir.resolve("nginx/rec/embed.flv");

        assertEquals("", ffmpeg.decodeErrors(rec), "the recording decodes cleanly");
        assertEquals(FRAMES, ffmpeg.videoPacketCount(rec), "every frame of the file reached nginx");
        Ffmpeg.StreamInfo info = ffmpeg.streamInfo(rec);
        assertEquals(List.of("h264", 640, 360), List.of(info.codec(), info.width(), info.height()), info.toString());
        List<Double> keys = ffmpeg.keyframeTimes(rec);
        assertEquals((int) (SECONDS / 2) + 1, keys.size(), "keyframes " + keys);
        for (int i = 1; i < keys.size(); i++) {
            assertEquals(2.000, keys.get(i) - keys.get(i - 1), 0.0015, "keyframes " + keys);
        }

        long sent = output.lines().filter(l -> l.startsWith("sent SEI event ")).count();
        assertEquals(6, sent, "SEI events the example sent, one each second of a " + SECONDS + " s file: " + sent + "\n" + output);
        List<String> expected = IntStream.rangeClosed(1, (int) sent)
                .mapToObj(n -> "{\"event\":\"coupon\",\"n\":" + n + "}").toList();
        List<String> received = ffmpeg.seiPayloads(rec).stream().map(Ffmpeg.SeiPayload::text)
                .filter(t -> t.startsWith("{\"event\"")).toList();
        assertEquals(expected, received, "every SEI event the example sent is in the recording once, in order");
        assertTrue(output.contains("file sent"), output);
    }
}
