package io.livepush.examples.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.screen.Xvfb;
import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.Interop;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.RecordingFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app for real: a private Xvfb, the app in its own JVM on that display, driven with the
 * real mouse pointer ({@link DesktopAppDriver}), a private nginx-rtmp as the ingest and ffmpeg as the
 * reader. The preview's pixels, read back from the X server, are the test pattern before and while
 * live; Go Live (the button, clicked) reaches nginx; an SEI event typed into the box lands in the
 * recording; Stop ends it; the recording decodes cleanly at the size set in the window; the stream key
 * never shows in full anywhere in the window. A screenshot of the live window is written to
 * {@code target/desktop-app.png} (and to the path in {@code -Ddesktop.screenshot=PATH} when given).
 */
class DesktopAppIT {
    private static final String KEY = "desk-it-7c41b9e2a5d8f0";
    private static final String EVENT = "coupon:desktop-42";

    @TempDir
    Path dir;

    @Test
    void theAppPreviewsTheTestPatternGoesLiveToNginxSendsAnEventAndTheRecordingDecodes() throws Exception {
        Path awt = Path.of(System.getProperty("java.home"), "lib", "libawt_xawt.so");
        Interop.assumePeer(Files.exists(awt), "a JDK with AWT for X11 (apt-get install openjdk-17-jre)");
        Interop.assumePeer(Files.isDirectory(Path.of("/usr/share/fonts/truetype")),
                "fonts for the window (apt-get install fonts-dejavu-core)");
        Ffmpeg ffmpeg = Ffmpeg.require();
        try (Xvfb x = Xvfb.start(dir.resolve("x"), 1280, 800);
                NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null);
                DesktopAppProcess app = DesktopAppProcess.start(x.display(), dir.resolve("app"))) {
            // 1. The preview shows the test pattern before going live.
            awaitTestPattern(app, dir.resolve("preview-before.png"), "before going live");

            // 2. A bad press is answered in words, and nothing starts.
            app.call("set server rtmp://127.0.0.1:" + nginx.port() + "/live");
            app.call("set streamKey ");
            app.call("click goLive");
            String status = app.awaitText("status", s -> s.contains("stream key is empty"), Duration.ofSeconds(5),
                    "an empty key is explained");
            assertFalse(status.contains("Exception"), status);
            assertEquals("true", app.call("enabled goLive"));

            // 3. Settings, key, Go Live.
            app.call("set size 640x360");
            app.call("set fps 30");
            app.call("set bitrate 1200");
            app.call("set streamKey " + KEY);
            app.call("click goLive");
            String dest = app.awaitText("destination", s -> s.startsWith("LIVE"), Duration.ofSeconds(20),
                    "Go Live reaches nginx");
            assertEquals("LIVE \u2192 rtmp://127.0.0.1:" + nginx.port() + "/live/desk****", dest);
            app.awaitText("statsFps", s -> s.matches("[0-9.]+ / [0-9.]+") && !s.startsWith("0.0"),
                    Duration.ofSeconds(6), "the stats panel counts frames");

            // 4. An event typed into the box is sent as SEI.
            app.call("set seiText " + EVENT);
            app.call("click seiSend");
            app.awaitText("status", s -> s.startsWith("Event sent"), Duration.ofSeconds(3), "the event is sent");

            // 5. While live: the preview shows what is streamed, the key shows nowhere, a screenshot.
            Thread.sleep(3500);
            awaitTestPattern(app, dir.resolve("preview-live.png"), "while live");
            Path texts = dir.resolve("texts.txt");
            app.call("texts " + texts);
            String all = Files.readString(texts, StandardCharsets.UTF_8);
            assertTrue(all.contains("desk****"), "the redacted destination is shown: " + all);
            assertFalse(all.contains(KEY) || all.contains(KEY.substring(4)), "the stream key is shown:\n" + all);
            Path shot = Path.of("target", "desktop-app.png");
            app.call("capture window " + shot.toAbsolutePath());
            String docs = System.getProperty("desktop.screenshot");
            if (docs != null && !docs.isBlank()) {
                Path target = Path.of(docs).toAbsolutePath();
                Files.createDirectories(target.getParent());
                Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            }

            // 6. Stop.
            app.call("click stop");
            app.awaitText("destination", "Not live"::equals, Duration.ofSeconds(10), "Stop ends the stream");
            assertEquals("true", app.call("enabled goLive"));
            assertFalse(app.log().contains(KEY), "the app's log holds the key");
            assertEquals(0, app.quit(), "the app's JVM ends by itself when its window is closed");
        }

        Path rec = dir.resolve("nginx").resolve("rec").resolve(KEY + ".flv");
        RecordingFiles.awaitSettled(rec);
        assertEquals("", ffmpeg.decodeErrors(rec), "ffmpeg decode errors");
        Ffmpeg.StreamInfo info = ffmpeg.streamInfo(rec);
        assertEquals(640, info.width());
        assertEquals(360, info.height());
        long size = Files.size(rec);
        int packets = ffmpeg.videoPacketCount(rec);
        System.out.printf("[figure] desktop app recording: %d bytes, %d video packets%n", size, packets);
        // Live for at least 4.5 s (stats, event, 3.5 s wait) at 30 fps; the test pattern codes small.
        assertTrue(packets >= 120, "video packets in the recording: " + packets + " (expected >= 120)");
        assertTrue(size > 60_000, "recording size " + size + " bytes (expected > 60 kB)");
        assertTrue(ffmpeg.seiPayloads(rec).stream().anyMatch(p -> p.text().equals(EVENT)),
                "the event is in the recording's SEI");
    }

    /** Captures the preview's picture until it is the test pattern (the first pictures take a moment). */
    private static void awaitTestPattern(DesktopAppProcess app, Path png, String when) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String why = "no picture";
        while (System.nanoTime() < deadline) {
            try {
                app.call("capture-picture " + png);
                why = TestPatternColours.mismatch(ImageIO.read(png.toFile()));
                if (why == null) {
                    return;
                }
            } catch (AssertionError notYet) {
                why = notYet.getMessage().lines().findFirst().orElse("");
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the preview " + when + " is not the test pattern: " + why + " (see " + png + ")");
    }
}
