package io.livepush.examples.cohost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.Interop;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.PeerProcess;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.cohost.rtc.RtcTestSupport;
import io.livepush.cohost.server.e2e.SideBySideMixChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The co-host example as its README runs it: {@link MixerMain}, {@link GuestMain} and
 * {@link HostMain} as three JVMs started from the example's jar, sharing a secret file, the mix
 * pushed to a private nginx-rtmp. Host and guest start together, so the host may invite before the
 * guest is connected: it invites again until the guest is there. ffmpeg then reads nginx's
 * recording of the mix.
 */
class CohostExampleIT {
    private static final int COHOST_SECONDS = 8;

    /**
     * Starts one of the example's programs in its own JVM. The participants run at a lower CPU priority
     * ({@code nice -n 10}): in a show they are on other machines, and here they would otherwise take
     * the two cores from the mixer, whose canvas skips frames when it falls more than 3 behind.
     */
    private static PeerProcess start(Path jar, Path dir, Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        String nice = Interop.findExecutable("nice");
        if (main != MixerMain.class && nice != null) {
            command.addAll(List.of(nice, "-n", "10"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", jar.toString(), main.getName()));
        command.addAll(List.of(args));
        return PeerProcess.start(command, dir.resolve(main.getSimpleName() + ".log"));
    }

    /** Waits until the process printed {@code line}; fails with its output when it died or took too long. */
    private static void awaitLine(PeerProcess p, String line, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (!p.output().contains(line)) {
            assertTrue(p.isAlive(), p + " ended before printing '" + line + "':\n" + p.output());
            assertTrue(System.nanoTime() < deadline, p + " did not print '" + line + "' within " + timeoutMs + " ms:\n"
                    + p.output());
            Thread.sleep(50);
        }
    }

    @Test
    void mixerHostAndGuestInThreeProcessesMixBothColoursAndTonesWithKeyframesEveryTwoSecondsAndTheHostsSei(
            @TempDir Path dir) throws Exception {
        RtcTestSupport.assumeWebrtc();
        Ffmpeg ffmpeg = Ffmpeg.require();
        Path jar = Path.of(System.getProperty("cohost.example.jar", "target/livepush-cohost-example.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " was not built (mvn package makes it)");
        Path secret = dir.resolve("secret");
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        Files.write(secret, bytes);
        int port = Interop.freePort();
        String uri = "ws://127.0.0.1:" + port + "/cohost";
        String hostOutput;
        long t0 = System.nanoTime();
        long joinedMs;
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null)) {
            try (PeerProcess mixer = start(jar, dir, MixerMain.class, secret.toString(), nginx.url("show"),
                    String.valueOf(port))) {
                awaitLine(mixer, "READY", 30_000);
                try (PeerProcess host = start(jar, dir, HostMain.class, uri, secret.toString());
                        PeerProcess guest = start(jar, dir, GuestMain.class, uri, secret.toString())) {
                    awaitLine(host, "invitation to guest: ACCEPTED", 40_000);
                    awaitLine(guest, "JOINED the mix", 20_000);
                    joinedMs = (System.nanoTime() - t0) / 1_000_000;
                    awaitLine(host, "sent SEI event " + COHOST_SECONDS, COHOST_SECONDS * 1000 + 5000);
                    hostOutput = host.output();
                    Thread.sleep(500); // the events printed so far reach the mix (the next is 0.5 s away)
                    // The mixer stops first, as its README says, so that the recording ends with both in
                    // the mix (a participant leaving makes the mixer start a new GOP at once).
                    mixer.close();
                    assertEquals(143, mixer.waitFor(0, TimeUnit.SECONDS), "the mixer ended by its own shutdown on"
                            + " SIGTERM (143), not by SIGKILL after 5 s:\n" + mixer.output());
                    awaitLine(host, "signaling connection closed", 10_000);
                    awaitLine(guest, "signaling connection closed", 10_000);
                }
            }
            RecordingFiles.awaitSettled(nginx.recording("show"));
        }
        System.out.printf(Locale.ROOT, "co-host example: three JVMs, both participants in the mix %d ms after the"
                + " mixer started%n", joinedMs);
        Path rec = dir.resolve("nginx/rec/show.flv");

        assertEquals("", ffmpeg.decodeErrors(rec), "the mix decodes cleanly");
        List<Double> keys = ffmpeg.keyframeTimes(rec);
        assertTrue(keys.size() >= 5, "keyframes " + keys);
        for (int i = 1; i < keys.size(); i++) {
            assertEquals(2.000, keys.get(i) - keys.get(i - 1), 0.0015, "keyframes " + keys);
        }
        double[] colours = SideBySideMixChecks.checkColoursAtTheEnd(ffmpeg, rec, 5);
        System.out.printf(Locale.ROOT, "colours over the last 5 s (median similarity): left=host %.2f (guest %.2f),"
                + " right=guest %.2f (host %.2f)%n", colours[0], colours[1], colours[2], colours[3]);
        double[] tones = SideBySideMixChecks.checkTonesAtTheEnd(rec, 5);
        System.out.printf(Locale.ROOT, "tones over the last 5 s (median of 1 s windows): 440 Hz %.3f, 1000 Hz %.3f,"
                + " 700 Hz %.4f%n", tones[0], tones[1], tones[2]);

        long sent = hostOutput.lines().filter(l -> l.startsWith("host: sent SEI event ")).count();
        List<String> received = ffmpeg.seiPayloads(rec).stream().map(Ffmpeg.SeiPayload::text)
                .filter(t -> t.startsWith("host event ")).toList();
        List<String> inOrder = IntStream.rangeClosed(1, received.size()).mapToObj(n -> "host event " + n).toList();
        System.out.printf(Locale.ROOT, "host SEI events: %d sent at least 0.5 s before the mixer stopped, %d in the"
                + " mix%n", sent, received.size());
        assertTrue(received.size() >= sent && received.equals(inOrder), "the host's SEI events in the mix, once each"
                + " and in order: " + sent + " sent at least 0.5 s before the mixer stopped, in the mix " + received);
    }
}
