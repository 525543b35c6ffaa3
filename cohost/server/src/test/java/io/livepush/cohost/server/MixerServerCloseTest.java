package io.livepush.cohost.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.cohost.client.CohostClient;
import io.livepush.cohost.client.CohostListener;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.server.mixer.MixerConfig;
import io.livepush.cohost.server.signaling.SignalingConfig;
import io.livepush.cohost.token.CohostToken;
import io.livepush.cohost.token.CohostToken.Role;
import io.livepush.cohost.token.TokenSigner;
import io.livepush.cohost.token.TokenVerifier;
import io.livepush.encoder.EncoderUnavailableException;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.VideoEncoders;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamListener;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MixerServer#close()} ends the audience's output before signaling goes, so no participant
 * leaves (and forces a keyframe into) an output about to end: a real mixer pushing to the in-JVM
 * ingest, a real signaling client connected.
 */
class MixerServerCloseTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private RtmpIngestServer ingest;
    private MixerServer server;

    @BeforeEach
    void start() throws Exception {
        try {
            VideoEncoders.installed().select("auto");
        } catch (EncoderUnavailableException e) {
            Assumptions.assumeTrue(false, "no H.264 backend here: " + e.getMessage());
        }
        ingest = RtmpIngestServer.start(RtmpIngestConfig.builder().port(0).build());
        LiveStreamConfig out = LiveStreamConfig.builder("rtmp://127.0.0.1:" + ingest.port() + "/live/mix")
                .video(VideoEncoderConfig.builder().size(320, 180).fps(15).bitrateBps(300_000).gopSeconds(2).build()).build();
        server = MixerServer.start(MixerConfig.builder(out).build(),
                SignalingConfig.builder().port(0).tokenVerifier(new TokenVerifier(SECRET, Clock.systemUTC())),
                new LiveStreamListener() { });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        ingest.close();
    }

    @Test
    void closingEndsTheAudiencesOutputBeforeTheParticipantsSignalingCloses() throws Exception {
        LiveStream output = server.mixer().output();
        assertNotNull(output, "the mixer pushes from the start");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (output.stats().framesSent() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(output.stats().framesSent() > 0, "the output is on air");
        output.done().whenComplete((v, e) -> events.add("output ended"));

        CompletableFuture<Void> socketClosed = new CompletableFuture<>();
        String token = new TokenSigner(SECRET).sign(new CohostToken("alice", Role.HOST, "room-1", Instant.now().plusSeconds(600)));
        CohostSession host = CohostClient.connect(server.localUri(), token, new CohostListener() {
            @Override
            public void onClosed() {
                events.add("signaling closed");
                socketClosed.complete(null);
            }
        }).get(5, TimeUnit.SECONDS);
        try {
            server.close();
            socketClosed.get(5, TimeUnit.SECONDS);
            assertEquals(List.of("output ended", "signaling closed"), events);
        } finally {
            host.close();
        }
    }
}
