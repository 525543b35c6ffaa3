package io.livepush.cohost.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.client.InvitationOutcome;
import io.livepush.cohost.rtc.RtcTestSupport;
import io.livepush.cohost.server.handover.AudienceHandover;
import io.livepush.cohost.server.mixer.Mixer;
import io.livepush.cohost.server.mixer.MixerConfig;
import io.livepush.cohost.token.CohostToken;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole co-host path with the SDK's own clients: a host pushing its own stream to the audience
 * key at nginx-rtmp, an invitation accepted by a guest, both joining over real webrtc-java legs, the
 * audience key handed to the mix and back, an ffmpeg player watching the audience key throughout.
 */
class CohostE2EIT {
    private static final int W = 1280;
    private static final int H = 720;

    private static LiveStream hostStream(String url) {
        MediaClock clock = new MediaClock();
        LiveStreamConfig config = LiveStreamConfig.builder(url).video(MixerConfig.DEFAULT_VIDEO).build();
        return LiveStream.create(config, CohostRig.pattern(0, W, H), CohostRig.tone(440), clock, new LiveStreamListener() { });
    }

    /** @return the kinds as runs, e.g. [HOST x90, MIX x240, HOST x85] */
    static List<String> runs(List<LivePlayer.Kind> kinds) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < kinds.size();) {
            int j = i;
            while (j < kinds.size() && kinds.get(j) == kinds.get(i)) {
                j++;
            }
            out.add(kinds.get(i) + " x" + (j - i));
            i = j;
        }
        return out;
    }

    @Test
    void inviteAcceptJoinMixesBothAndTheAudienceKeyIsHandedOverAndBackWithoutAGapOfOneGop(@TempDir Path dir)
            throws Exception {
        RtcTestSupport.assumeWebrtc();
        Ffmpeg ffmpeg = Ffmpeg.require();
        IngestArrivals arrivals = new IngestArrivals();
        Path ingestFile = dir.resolve("ingest.flv");
        List<String> coupons = new ArrayList<>();
        List<AudienceHandover.Switch> switches = new ArrayList<>();
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null);
                RtmpIngestServer ingest = RtmpIngestServer.start(
                        RtmpIngestConfig.builder().port(0).recordFile(ingestFile).listener(arrivals).build())) {
            String audience = nginx.url("show");
            Supplier<LiveStream> newHostStream = () -> hostStream(audience);
            LiveStreamConfig out = LiveStreamConfig.builder(audience).addDestination(nginx.url("mixrec"))
                    .addDestination("rtmp://127.0.0.1:" + ingest.port() + "/live/mix").video(MixerConfig.DEFAULT_VIDEO).build();
            // The audience is waiting before the show starts (a player joining mid-GOP is another matter).
            try (LivePlayer player = new LivePlayer(audience, W, H, dir.resolve("player.log"));
                    CohostRig rig = new CohostRig(MixerConfig.builder(out).outputOnStart(false).build(), Duration.ofSeconds(60))) {
                Thread.sleep(500);
                LiveStream direct = newHostStream.get();
                direct.start().get(10, TimeUnit.SECONDS);
                Mixer mixer = rig.server.mixer();
                CohostRig.Inbox guestInbox = new CohostRig.Inbox();
                try (CohostSession host = rig.connect("host", CohostToken.Role.HOST, new CohostRig.Inbox());
                        CohostSession guest = rig.connect("guest", CohostToken.Role.GUEST, guestInbox)) {
                    var outcome = host.invite("guest");
                    guestInbox.next().accept().get(10, TimeUnit.SECONDS);
                    assertEquals(InvitationOutcome.ACCEPTED, outcome.get(10, TimeUnit.SECONDS));
                    host.join(CohostRig.pattern(0, W, H), CohostRig.tone(440)).get(20, TimeUnit.SECONDS);
                    guest.join(CohostRig.pattern(90, W, H), CohostRig.tone(1000)).get(20, TimeUnit.SECONDS);
                    assertTrue(player.awaitPictures(LivePlayer.Kind.HOST, 45, 15_000),
                            "the audience player decodes the host's own stream live before the switch");
                    switches.add(AudienceHandover.toMix(direct, mixer, newHostStream, Duration.ofSeconds(10)));
                    assertEquals(List.of("host", "guest"), mixer.participants());
                    for (int i = 1; i <= 5; i++) {
                        Thread.sleep(1000);
                        String text = "e2e-coupon-" + i;
                        host.sendSei(text.getBytes(StandardCharsets.UTF_8));
                        coupons.add(text);
                    }
                    Thread.sleep(2500);
                    AudienceHandover.Switch back = AudienceHandover.toHost(mixer, newHostStream, Duration.ofSeconds(10));
                    switches.add(back);
                    Thread.sleep(3000);
                    back.stream().close();
                }
                Thread.sleep(500);
                long gap = player.longestGapMs();
                List<LivePlayer.Kind> kinds = player.pictures().stream().map(LivePlayer.Picture::kind).toList();
                int firstMix = kinds.indexOf(LivePlayer.Kind.MIX);
                int lastMix = kinds.lastIndexOf(LivePlayer.Kind.MIX);
                System.out.printf(Locale.ROOT, "audience player: %d pictures %s, longest gap %d ms; switches %s%n",
                        kinds.size(), runs(kinds), gap, switches.stream().map(s -> (s.toMix() ? "to mix " : "to host ")
                                + s.unpublishMs() + "+" + s.publishMs() + " ms").toList());
                assertTrue(firstMix > 0 && kinds.subList(0, firstMix).contains(LivePlayer.Kind.HOST),
                        "the audience saw the host's own stream, then the mix");
                assertTrue(lastMix > 0 && kinds.subList(lastMix, kinds.size()).contains(LivePlayer.Kind.HOST),
                        "the audience saw the host's own stream again after the mix");
                assertTrue(gap < 2000, "longest gap at the audience " + gap + " ms (expected under one 2 s GOP)");
            }
            RecordingFiles.awaitSettled(nginx.recording("mixrec"));
        }
        Path rec = dir.resolve("nginx/rec/mixrec.flv");
        assertEquals("", ffmpeg.decodeErrors(rec), "the mix decodes cleanly");
        List<Double> keys = ffmpeg.keyframeTimes(rec);
        assertTrue(keys.size() >= 4, "keyframes " + keys);
        for (int i = 1; i < keys.size(); i++) {
            assertEquals(2.000, keys.get(i) - keys.get(i - 1), 0.0015, "keyframes " + keys);
        }
        List<String> sei = ffmpeg.seiPayloads(rec).stream().map(Ffmpeg.SeiPayload::text)
                .filter(t -> t.startsWith("e2e-coupon-")).toList();
        assertEquals(coupons, sei, "the host's SEI reached the mix once each, in order");
        MixerNginxIT.checkColours(ffmpeg, rec);
        MixerNginxIT.checkTones(rec);
        MixerNginxIT.checkSeiPlacementAndLatency(ffmpeg, ingestFile, arrivals, Map.of());
    }
}
