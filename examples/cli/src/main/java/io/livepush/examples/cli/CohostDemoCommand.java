package io.livepush.examples.cli;

import io.livepush.capture.MediaClock;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.cohost.client.CohostClient;
import io.livepush.cohost.client.CohostListener;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.client.Invitation;
import io.livepush.cohost.client.InvitationOutcome;
import io.livepush.cohost.rtc.RtcRuntime;
import io.livepush.cohost.server.MixerServer;
import io.livepush.cohost.server.mixer.MixerConfig;
import io.livepush.cohost.server.signaling.SignalingConfig;
import io.livepush.cohost.token.CohostToken;
import io.livepush.cohost.token.TokenSigner;
import io.livepush.cohost.token.TokenVerifier;
import io.livepush.publisher.inspect.StreamReport;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.stream.LiveStreamListener;
import io.livepush.publisher.url.StreamKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code livepush cohost-demo}: the whole co-host path in one command. Starts the local ingest, the
 * co-host server (signaling + mixer pushing to the ingest), and two SDK clients: a host (test
 * pattern hue 0, 440 Hz) who invites a guest (hue 200, 660 Hz) who accepts; both join over WebRTC,
 * the host sends an SEI event each second. Writes what the ingest received to
 * {@code cohost-demo.flv} and prints a report with the latency from the host's capture to the mixed
 * frame's arrival at the ingest (the mixer writes the host picture's capture time as SEI).
 */
@Command(name = "cohost-demo", mixinStandardHelpOptions = true,
        description = "Mixer + host + guest on this machine; writes cohost-demo.flv and prints a report.")
final class CohostDemoCommand implements Callable<Integer> {
    private static final String KEY = "cohost-demo-" + Long.toHexString(System.nanoTime());
    private static final String ROOM = "demo-room";

    @Option(names = "--seconds", defaultValue = "10", description = "How long to co-host (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--output", defaultValue = "cohost-demo.flv", description = "The recording (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--layout", defaultValue = "side-by-side",
            description = "side-by-side|picture-in-picture|grid (default: ${DEFAULT-VALUE})")
    String layout;

    @Override
    public Integer call() throws Exception {
        if (seconds < 2 || seconds > 3600) {
            throw new IllegalArgumentException("--seconds " + seconds + " is not allowed (expected 2..3600)");
        }
        Files.deleteIfExists(output);
        IngestMonitor monitor = new IngestMonitor(System.out);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        TokenSigner signer = new TokenSigner(secret);
        int eventsSent = 0;
        try (RtmpIngestServer ingest = RtmpIngestServer.start(
                RtmpIngestConfig.builder().port(0).recordFile(output).listener(monitor).build())) {
            String url = "rtmp://127.0.0.1:" + ingest.port() + "/live/" + KEY;
            MixerConfig.Builder mixerConfig = MixerConfig.builder(url).layout(MixerCommand.layout(layout));
            monitor.markStart(System.currentTimeMillis() * 1000);
            try (MixerServer server = MixerServer.start(mixerConfig.build(), SignalingConfig.builder().port(0)
                    .tokenVerifier(new TokenVerifier(secret, Clock.systemUTC())), new LiveStreamListener() { });
                    RtcRuntime clients = RtcRuntime.create()) {
                System.out.println("co-host server on " + server.localUri() + ", mix pushed to the local ingest on port "
                        + ingest.port());
                CohostListener autoAccept = new CohostListener() {
                    @Override
                    public void onInvited(Invitation inv) {
                        System.out.println("guest: invited by " + inv.fromUserId() + ", accepting");
                        inv.accept();
                    }
                };
                try (CohostSession host = CohostClient.connect(server.localUri(), token(signer, "host", CohostToken.Role.HOST),
                                new CohostListener() { }, clients).get(10, TimeUnit.SECONDS);
                        CohostSession guest = CohostClient.connect(server.localUri(),
                                token(signer, "guest", CohostToken.Role.GUEST), autoAccept, clients).get(10, TimeUnit.SECONDS)) {
                    InvitationOutcome outcome = host.invite("guest").get(15, TimeUnit.SECONDS);
                    System.out.println("host: invitation " + outcome);
                    if (outcome != InvitationOutcome.ACCEPTED) {
                        return 1;
                    }
                    host.join(pattern(0), tone(440)).get(20, TimeUnit.SECONDS);
                    guest.join(pattern(200), tone(660)).get(20, TimeUnit.SECONDS);
                    System.out.println("host and guest joined the mix; co-hosting for " + seconds + " s");
                    long end = System.nanoTime() + seconds * 1_000_000_000L;
                    long next = System.nanoTime() + 1_000_000_000L;
                    while (System.nanoTime() < end) {
                        if (System.nanoTime() >= next) {
                            eventsSent++;
                            host.sendSei(("cohost demo event #" + eventsSent).getBytes(StandardCharsets.UTF_8));
                            next += 1_000_000_000L;
                        }
                        Thread.sleep(5);
                    }
                    guest.leave().get(10, TimeUnit.SECONDS);
                    host.leave().get(10, TimeUnit.SECONDS);
                }
            }
            monitor.awaitEnd(5000);
        }
        return printReport(monitor.report(StreamKeys.redact(KEY)), eventsSent);
    }

    private static String token(TokenSigner signer, String user, CohostToken.Role role) {
        return signer.sign(new CohostToken(user, role, ROOM, Instant.now().plusSeconds(3600)));
    }

    private static TestPatternSource pattern(double hue) {
        return TestPatternSource.builder().size(1280, 720).hueDegrees(hue).clock(new MediaClock()).build();
    }

    private static ToneSource tone(double hz) {
        return ToneSource.builder().frequencyHz(hz).beepFrequencyHz(hz).amplitude(0.3).clock(new MediaClock()).build();
    }

    private int printReport(StreamReport report, int eventsSent) throws Exception {
        System.out.println();
        System.out.println("=== cohost-demo report ===");
        if (report == null) {
            System.out.println("  the ingest received no stream");
            return 1;
        }
        System.out.print(report.toText());
        System.out.printf(Locale.ROOT, "  host SEI events sent %d, received in the mix %d%n", eventsSent, report.appSeiMessages());
        System.out.printf(Locale.ROOT, "  latency host capture -> mixed frame at the ingest: p50 %.0f ms, p95 %.0f ms (%d frames)%n",
                report.latencyP50Ms(), report.latencyP95Ms(), report.latencySamples());
        System.out.printf(Locale.ROOT, "  recording %s, %d bytes (play it: ffplay %s)%n", output, Files.size(output), output);
        boolean ok = report.videoFrames() > 0 && report.appSeiMessages() == eventsSent
                && report.maxKeyframeSpacingMs() <= 2000 && report.malformedTags() == 0 && report.latencySamples() > 0;
        System.out.println(ok ? "cohost-demo OK" : "cohost-demo FAILED: see the report above");
        return ok ? 0 : 1;
    }
}
