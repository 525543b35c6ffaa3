package io.livepush.cohost.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.PeerProcess;
import io.livepush.cohost.rtc.RtcTestSupport;
import io.livepush.cohost.server.mixer.Mixer;
import io.livepush.cohost.server.mixer.MixerConfig;
import io.livepush.cohost.token.CohostToken;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A figure, not a timed assertion: the mixer's CPU for two 1280x720 30 fps participants, with the
 * participants in their own processes so this JVM holds only the signaling server and the mixer
 * (legs' decoders, compositor, encoder, push). The push goes to nginx-rtmp (another process).
 */
class MixerCpuIT {
    @Test
    void printsTheMixersCpuForTwo720pParticipants(@TempDir Path dir) throws Exception {
        RtcTestSupport.assumeWebrtc();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null);
                CohostRig rig = new CohostRig(MixerConfig.builder(nginx.url("cpu")).build(), Duration.ofSeconds(60))) {
            Mixer mixer = rig.server.mixer();
            String uri = rig.server.localUri().toString();
            try (PeerProcess guest = PeerProcess.start(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                            ParticipantMain.class.getName(), uri, rig.token("guest", CohostToken.Role.GUEST), "guest", "90",
                            "1000", "1280x720"), dir.resolve("guest.log"));
                    PeerProcess host = PeerProcess.start(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                            ParticipantMain.class.getName(), uri, rig.token("host", CohostToken.Role.HOST), "host", "0",
                            "440", "1280x720", "guest"), dir.resolve("host.log"))) {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (!(mixer.participants().size() == 2 && mixer.picturesFrom("host") > 30
                        && mixer.picturesFrom("guest") > 30)) {
                    assertTrue(System.nanoTime() < deadline && host.isAlive() && guest.isAlive(),
                            "participants did not join: " + host.output() + guest.output());
                    Thread.sleep(50);
                }
                assertEquals(List.of("host", "guest"), mixer.participants());
                Thread.sleep(2000);
                long cpu0 = MixerNginxIT.processCpuNanos();
                long t0 = System.nanoTime();
                long pics0 = mixer.picturesFrom("host") + mixer.picturesFrom("guest");
                Thread.sleep(8000);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpu = (MixerNginxIT.processCpuNanos() - cpu0) / 1e9 / seconds;
                double legFps = (mixer.picturesFrom("host") + mixer.picturesFrom("guest") - pics0) / seconds / 2;
                System.out.printf(Locale.ROOT, "mixer CPU for two 1280x720@30 participants (decode %.1f fps per leg,"
                        + " compose + encode 1280x720@30 + push): %.2f CPU-seconds per second of mix (%d cores)%n",
                        legFps, cpu, Runtime.getRuntime().availableProcessors());
                assertTrue(mixer.output().stats().framesSent() > 200, "the mix was pushing while measured");
            }
        }
    }
}
