package io.livepush.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.y4m.Y4mFileWriter;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.capture.testing.PeerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a user runs it: the shaded jar in its own process, pushing to a real nginx-rtmp, and
 * the self-contained demo. Everything the process prints is checked for the stream key.
 */
class LivePushCliIT {
    private static final String KEY = "sk_live_cli_0123456789abcdef_SECRET";

    @TempDir
    Path dir;

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "livepush-cli.jar").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void pushPrintsAStatusLineEachSecondRecordsAndNeverShowsTheStreamKey() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.require();
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null)) {
            Path record = dir.resolve("local.flv");
            byte[] sei = HexFormat.of().parseHex("000000010203c0ffee");
            String output;
            int code;
            try (PeerProcess cli = PeerProcess.start(java("push", nginx.url(KEY), "--size", "640x360",
                    "--sei-hex", "00 00 00 01 02 03 c0 ff ee", "--sei-every", "500ms", "--sei-timestamps",
                    "--record", record.toString(), "--duration", "4s"), dir.resolve("cli.log"))) {
                code = cli.waitFor(60, TimeUnit.SECONDS);
                output = cli.output();
            }
            assertEquals(0, code, output);
            assertFalse(output.contains(KEY), "the stream key leaked into the CLI output:\n" + output);
            long statusLines = output.lines().filter(l -> l.contains("fps in") && l.contains("kbps")).count();
            assertTrue(statusLines >= 3, "status lines each second:\n" + output);

            for (Path flv : List.of(record, nginx.recording(KEY))) {
                RecordingFiles.awaitSettled(flv);
                assertEquals("", ffmpeg.decodeErrors(flv), flv.toString());
                long found = ffmpeg.seiPayloads(flv).stream().filter(p -> java.util.Arrays.equals(p.payload(), sei)).count();
                assertTrue(found >= 6, "the --sei-hex payload every 500 ms in " + flv + ": " + found);
            }
        }
    }

    @Test
    void pushingAFileThatEndsBeforeTheDurationSaysOnceThatFurtherSeiHasNoFrameAndExitsZero() throws Exception {
        Path clip = dir.resolve("clip.y4m");
        MediaClock clock = new MediaClock();
        try (TestPatternSource source = TestPatternSource.builder().size(320, 240).clock(clock).frameLimit(15).build();
                Y4mFileWriter writer = new Y4mFileWriter(clip, 320, 240, FrameRate.of(30))) {
            VideoFrame f;
            while ((f = source.read()) != null) {
                writer.write(f);
                f.release();
            }
        }
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null)) {
            String output;
            int code;
            // 15 frames = 0.5 s of video, SEI every 200 ms for 2.5 s: the payloads after the file's end have no frame.
            try (PeerProcess cli = PeerProcess.start(java("push", nginx.url(KEY), "--video", "file:" + clip,
                    "--size", "320x240", "--fps", "30", "--audio", "none", "--sei-text", "event", "--sei-every", "200ms",
                    "--duration", "2500ms"), dir.resolve("cli.log"))) {
                code = cli.waitFor(60, TimeUnit.SECONDS);
                output = cli.output();
            }
            assertEquals(0, code, output);
            long refusals = output.lines().filter(l -> l.equals("livepush: SEI not sent, and no more will be: "
                    + "the video source has ended; no frame is left to carry the SEI")).count();
            assertEquals(1, refusals, output);
        }
    }

    @Test
    void demoPushesThroughTheLocalIngestWritesDemoFlvAndReportsOk() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.require();
        Path out = dir.resolve("demo.flv");
        String output;
        int code;
        try (PeerProcess cli = PeerProcess.start(java("demo", "--seconds", "5", "--output", out.toString()),
                dir.resolve("demo.log"))) {
            code = cli.waitFor(90, TimeUnit.SECONDS);
            output = cli.output();
        }
        assertEquals(0, code, output);
        assertTrue(output.contains("demo OK"), output);
        assertTrue(output.contains("latency") && output.contains("p95"), output);
        assertTrue(output.contains("keyframe spacing min 2000 ms, max 2000 ms"), output);
        assertTrue(Files.size(out) > 100_000, "demo.flv size");
        assertEquals("", ffmpeg.decodeErrors(out));
    }

    @Test
    void helpExitsZero() throws Exception {
        try (PeerProcess cli = PeerProcess.start(java("--help"), dir.resolve("help.log"))) {
            assertEquals(0, cli.waitFor(30, TimeUnit.SECONDS));
            assertTrue(cli.output().contains("Usage: livepush"), cli.output());
        }
    }
}
