package io.livepush.cohost.server.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.cohost.CohostException;
import io.livepush.cohost.client.AudienceSwitch;
import io.livepush.cohost.client.CohostClient;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.client.HandoverFailedException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.token.CohostToken;
import io.livepush.cohost.token.CohostToken.Role;
import io.livepush.cohost.token.TokenSigner;
import io.livepush.cohost.token.TokenVerifier;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamListener;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The host's half of the handover: a CohostSession driving a real host LiveStream (small, to the
 * in-JVM RTMP ingest) against a real SignalingServer whose audience output is a stand-in. Checks the
 * rules: the host's stream is untouched until the mix is ready, closed before the mix publishes, and
 * restarted when the mix fails.
 */
class HandoverClientTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private static final VideoEncoderConfig SMALL =
            VideoEncoderConfig.builder().size(320, 180).fps(15).bitrateBps(300_000).gopSeconds(2).build();
    private final TokenSigner signer = new TokenSigner(SECRET);
    private final FakeAudienceOutput output = new FakeAudienceOutput();
    private final List<AutoCloseable> open = new ArrayList<>();
    private SignalingServer server;
    private RtmpIngestServer ingest;

    @BeforeEach
    void start() throws Exception {
        server = SignalingServer.start(SignalingConfig.builder().tokenVerifier(new TokenVerifier(SECRET, Clock.systemUTC()))
                .mixerGateway(new RecordingGateway()).audienceOutput(output).build());
        ingest = RtmpIngestServer.start(RtmpIngestConfig.builder().port(0).build());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        server.close();
        ingest.close();
    }

    private CohostSession session(String user, Role role) throws Exception {
        String token = signer.sign(new CohostToken(user, role, "room-1", Instant.now().plusSeconds(600)));
        CohostSession s = CohostClient.connect(URI.create("ws://127.0.0.1:" + server.port() + SignalingServer.PATH), token,
                new RecordingListener()).get(5, TimeUnit.SECONDS);
        open.add(s);
        return s;
    }

    /** A new, not started stream of the host to the audience key at the in-JVM ingest. */
    private LiveStream hostStream() {
        MediaClock clock = new MediaClock();
        LiveStream s = LiveStream.create(
                LiveStreamConfig.builder("rtmp://127.0.0.1:" + ingest.port() + "/live/show").video(SMALL).build(),
                TestPatternSource.builder().size(320, 180).clock(clock).build(),
                ToneSource.builder().clock(clock).build(), clock, new LiveStreamListener() { });
        open.add(s::close);
        return s;
    }

    private LiveStream onAir() throws Exception {
        LiveStream s = hostStream();
        s.start().get(10, TimeUnit.SECONDS);
        return s;
    }

    private static void assertStillPushing(LiveStream s) throws InterruptedException {
        long sent = s.stats().framesSent();
        Thread.sleep(400);
        assertFalse(s.done().isDone(), "the host's stream was closed");
        assertTrue(s.stats().framesSent() > sent, "the host's stream still sends frames");
    }

    private static <T extends Throwable> T failure(CompletableFuture<?> f, Class<T> type) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(type, e.getCause(), e.toString());
    }

    @Test
    void aGuestAskingIsRefusedNotHostAndItsStreamGoesOnUntouched() throws Exception {
        output.ready = true;
        CohostSession guest = session("bob", Role.GUEST);
        LiveStream own = onAir();
        CohostException e = failure(guest.handOverToMix(own, this::hostStream, Duration.ofSeconds(2)), CohostException.class);
        assertEquals(CohostErrorCode.NOT_HOST, e.code(), e.getMessage());
        assertStillPushing(own);
        assertTrue(output.calls.isEmpty(), "a refused guest neither starts nor stops the mix: " + output.calls);
    }

    @Test
    void theHostsStreamStaysOnAirUntilTheMixIsReadyThenTheMixPublishesAndTheKeyComesBack() throws Exception {
        CohostSession host = session("alice", Role.HOST);
        LiveStream direct = onAir();
        output.ingestAnswer.complete(null);
        CompletableFuture<AudienceSwitch> toMix = host.handOverToMix(direct, this::hostStream, Duration.ofSeconds(5));
        Thread.sleep(300);
        assertFalse(toMix.isDone(), "the handover waits for the mix to be ready");
        assertStillPushing(direct);
        assertTrue(output.calls.isEmpty(), output.calls.toString());

        output.ready = true;
        AudienceSwitch s = toMix.get(10, TimeUnit.SECONDS);
        assertTrue(s.toMix());
        assertNull(s.stream());
        assertTrue(direct.done().isDone(), "the host's stream left the key");
        assertEquals("start", output.nextCall());

        AudienceSwitch back = host.returnToHost(this::hostStream, Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
        assertEquals("stop", output.nextCall());
        assertFalse(back.toMix());
        assertNotNull(back.stream());
        assertStillPushing(back.stream());
        System.out.println("over signaling, in-JVM ingest: " + s + "; " + back);
    }

    @Test
    void aReturnAskedTheMomentTheHandoverToTheMixCompletesIsAcceptedNotRefusedAsStillRunning() throws Exception {
        CohostSession host = session("alice", Role.HOST);
        LiveStream direct = onAir();
        output.ingestAnswer.complete(null);
        CompletableFuture<AudienceSwitch> toMix = host.handOverToMix(direct, this::hostStream, Duration.ofSeconds(5));
        // Chained before the mix is ready, so it runs on the completing thread the instant the handover
        // completes: the earliest a caller can react.
        CompletableFuture<AudienceSwitch> back = toMix.thenCompose(s -> host.returnToHost(this::hostStream, Duration.ofSeconds(5)));
        output.ready = true;
        assertTrue(toMix.get(10, TimeUnit.SECONDS).toMix());
        AudienceSwitch returned = back.get(10, TimeUnit.SECONDS);
        assertFalse(returned.toMix());
        assertStillPushing(returned.stream());
        assertEquals("start", output.nextCall());
        assertEquals("stop", output.nextCall());
    }

    @Test
    void aMixNotReadyInTimeFailsMixNotReadyAndTheHostsStreamGoesOn() throws Exception {
        CohostSession host = session("alice", Role.HOST);
        LiveStream direct = onAir();
        CohostException e = failure(host.handOverToMix(direct, this::hostStream, Duration.ofMillis(500)), CohostException.class);
        assertEquals(CohostErrorCode.MIX_NOT_READY, e.code(), e.getMessage());
        assertStillPushing(direct);
        assertFalse(output.calls.contains("start"), output.calls.toString());
    }

    @Test
    void aMixThatCannotPublishHandsTheKeyBackToARestartedHostStream() throws Exception {
        CohostSession host = session("alice", Role.HOST);
        LiveStream direct = onAir();
        output.ready = true;
        output.ingestAnswer.completeExceptionally(new IllegalStateException("NetStream.Publish.BadName"));
        HandoverFailedException e = failure(host.handOverToMix(direct, this::hostStream, Duration.ofSeconds(3)),
                HandoverFailedException.class);
        assertEquals(CohostErrorCode.MIXER_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("NetStream.Publish.BadName"), e.getMessage());
        assertTrue(direct.done().isDone());
        LiveStream fallback = e.fallback();
        assertNotNull(fallback);
        assertEquals(0, e.getSuppressed().length, "the restarted stream was accepted");
        assertStillPushing(fallback);
        assertEquals("start", output.nextCall());
        assertEquals("stop", output.nextCall());
        assertFalse(output.publishing, "the mix does not hold the key");
    }

    @Test
    void oneHandoverAtATimeAndTimeoutsOutOfRangeAreRefusedAtOnce() throws Exception {
        CohostSession host = session("alice", Role.HOST);
        LiveStream direct = onAir();
        Supplier<LiveStream> restart = this::hostStream;
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> host.handOverToMix(direct, restart, Duration.ofMillis(50)));
        assertEquals("handover timeout is PT0.05S (expected 100 ms .. 120 s)", bad.getMessage());
        CompletableFuture<AudienceSwitch> first = host.handOverToMix(direct, restart, Duration.ofSeconds(2));
        failure(host.returnToHost(restart, Duration.ofSeconds(2)), IllegalStateException.class);
        output.ready = true;
        output.ingestAnswer.complete(null);
        first.get(10, TimeUnit.SECONDS);
    }
}
