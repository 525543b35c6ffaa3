package io.livepush.cohost.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.PeerProcess;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.rtc.RtcTestSupport;
import io.livepush.cohost.server.mixer.Mixer;
import io.livepush.cohost.server.mixer.MixerConfig;
import io.livepush.cohost.token.CohostToken;
import io.livepush.publisher.stream.LiveStreamConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audience key handed over across processes, over signaling: the mixer server in this JVM
 * (output not started until asked), the HOST in its own JVM ({@link HostMain}) pushing its own stream
 * to nginx-rtmp, a guest in this JVM, and an ffmpeg audience player attached to the key from before
 * the show. The host hands the key to the mix with {@code CohostSession.handOverToMix} and takes it
 * back with {@code returnToHost}; the player must never wait one GOP (2 s) for a picture.
 */
class HandoverAcrossProcessesIT {
    private static final int W = 1280;
    private static final int H = 720;
    private static final int MIX_SECONDS = 6;

    /** @return the longest arrival gap among the pictures within 30 of {@code at} */
    private static long gapAround(List<LivePlayer.Picture> p, int at) {
        long max = 0;
        for (int i = Math.max(1, at - 30); i < Math.min(p.size(), at + 30); i++) {
            max = Math.max(max, p.get(i).arrivalNanos() - p.get(i - 1).arrivalNanos());
        }
        return max / 1_000_000;
    }

    private static String line(PeerProcess host, String prefix) {
        return host.output().lines().filter(l -> l.startsWith(prefix)).findFirst().orElse(prefix + " (missing)");
    }

    @Test
    void aHostInAnotherProcessHandsTheAudienceKeyToTheMixAndBackOverSignalingWithoutAGapOfOneGop(@TempDir Path dir)
            throws Exception {
        RtcTestSupport.assumeWebrtc();
        Ffmpeg ffmpeg = Ffmpeg.require();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path go = dir.resolve("go");
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null)) {
            String audience = nginx.url("show");
            LiveStreamConfig out = LiveStreamConfig.builder(audience).addDestination(nginx.url("mixrec"))
                    .video(MixerConfig.DEFAULT_VIDEO).build();
            try (LivePlayer player = new LivePlayer(audience, W, H, dir.resolve("player.log"));
                    CohostRig rig = new CohostRig(MixerConfig.builder(out).outputOnStart(false).build(), Duration.ofSeconds(60))) {
                Mixer mixer = rig.server.mixer();
                CohostRig.Inbox guestInbox = new CohostRig.Inbox();
                try (CohostSession guest = rig.connect("guest", CohostToken.Role.GUEST, guestInbox);
                        PeerProcess host = PeerProcess.start(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                                HostMain.class.getName(), rig.server.localUri().toString(),
                                rig.token("host", CohostToken.Role.HOST), audience, "guest", String.valueOf(MIX_SECONDS),
                                go.toString()),
                                dir.resolve("host.log"))) {
                    CompletableFuture<Void> guestJoined = CompletableFuture.runAsync(() -> {
                        try {
                            guestInbox.next().accept().get(10, TimeUnit.SECONDS);
                            guest.join(CohostRig.pattern(90, W, H), CohostRig.tone(1000)).get(20, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    guestJoined.get(90, TimeUnit.SECONDS);
                    assertTrue(player.awaitPictures(LivePlayer.Kind.HOST, 45, 20_000),
                            "the audience player decodes the host's own stream before the switch: " + host.output());
                    assertEquals(null, mixer.output(), "the mix does not publish until the host asks");
                    Files.createFile(go);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                    while (host.isAlive() && System.nanoTime() < deadline) {
                        Thread.sleep(100);
                    }
                    assertEquals(0, host.waitFor(5, TimeUnit.SECONDS), "host process: " + host.output());
                    assertTrue(host.output().contains("DONE"), host.output());
                    assertEquals(null, mixer.output(), "after the return the mix publishes nothing");
                    assertTrue(mixer.participants().contains("guest"), "the guest stays in the mix: " + mixer.participants());
                    Thread.sleep(500);
                    List<LivePlayer.Picture> pictures = player.pictures();
                    List<LivePlayer.Kind> kinds = pictures.stream().map(LivePlayer.Picture::kind).toList();
                    int firstMix = kinds.indexOf(LivePlayer.Kind.MIX);
                    int lastMix = kinds.lastIndexOf(LivePlayer.Kind.MIX);
                    assertTrue(firstMix > 0 && kinds.subList(0, firstMix).contains(LivePlayer.Kind.HOST),
                            "the audience saw the host's own stream, then the mix: " + CohostE2EIT.runs(kinds));
                    assertTrue(lastMix > 0 && kinds.subList(lastMix, kinds.size()).contains(LivePlayer.Kind.HOST),
                            "the audience saw the host's own stream again after the mix: " + CohostE2EIT.runs(kinds));
                    long toMixGap = gapAround(pictures, firstMix);
                    long toHostGap = gapAround(pictures, lastMix + 1);
                    System.out.printf(Locale.ROOT, "handover across processes, audience player: %d pictures %s, longest gap %d ms;"
                            + " gap at host->mix %d ms, at mix->host %d ms; host says [%s] [%s] (ready unpublish publish ms)%n",
                            kinds.size(), CohostE2EIT.runs(kinds), player.longestGapMs(), toMixGap, toHostGap,
                            line(host, "TO_MIX"), line(host, "TO_HOST"));
                    assertTrue(toMixGap < 2000, "gap at the switch to the mix " + toMixGap + " ms (expected under one 2 s GOP)");
                    assertTrue(toHostGap < 2000, "gap at the switch back " + toHostGap + " ms (expected under one 2 s GOP)");
                    assertTrue(player.longestGapMs() < 2000, "longest gap at the audience " + player.longestGapMs() + " ms");
                }
            }
            RecordingFiles.awaitSettled(nginx.recording("mixrec"));
            Path rec = nginx.recording("mixrec");
            assertEquals("", ffmpeg.decodeErrors(rec), "the mix decodes cleanly");
            List<Double> keys = ffmpeg.keyframeTimes(rec);
            assertTrue(keys.size() >= 3, "keyframes " + keys);
            assertTrue(keys.get(0) < 0.1, "the mix starts with a keyframe: " + keys);
            for (int i = 1; i < keys.size(); i++) {
                assertEquals(2.000, keys.get(i) - keys.get(i - 1), 0.0015, "keyframes " + keys);
            }
        }
    }
}
