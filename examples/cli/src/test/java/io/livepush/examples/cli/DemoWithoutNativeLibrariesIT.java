package io.livepush.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.PeerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar streams with no native H.264 library: with libopenh264 pointed at a path that
 * does not exist ({@code -Dlivepush.native.openh264=/nonexistent}), {@code auto} falls back to the
 * pure-Java encoder, says so, and the demo (1280x720 at 30 fps through the local ingest) still ends
 * with "demo OK" and a recording ffmpeg decodes cleanly. Only the video half: the vo-aacenc binding
 * loads itself without a {@code livepush.native.*} override, so the audio encoder cannot be hidden
 * the same way here.
 */
class DemoWithoutNativeLibrariesIT {
    @TempDir
    Path dir;

    @Test
    void demoRunsOnThePureJavaEncoderWhenOpenH264IsMissing() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.require();
        Path out = dir.resolve("demo.flv");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlivepush.native.openh264=/nonexistent",
                "-jar", Path.of("target", "livepush-cli.jar").toAbsolutePath().toString(),
                "demo", "--seconds", "3", "--output", out.toString());
        String output;
        int code;
        try (PeerProcess cli = PeerProcess.start(cmd, dir.resolve("demo.log"))) {
            code = cli.waitFor(90, TimeUnit.SECONDS);
            output = cli.output();
        }
        assertEquals(0, code, output);
        assertTrue(output.contains("auto chose java"), "the java backend is named: " + output);
        assertTrue(output.contains("libopenh264 not found"), "the reason openh264 was passed over: " + output);
        assertTrue(output.contains("demo OK"), output);
        assertTrue(Files.size(out) > 50_000, "demo.flv size " + Files.size(out));
        assertEquals("", ffmpeg.decodeErrors(out));
    }
}
