package io.livepush.cohost.server.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.HandoverMessage.MixFailed.Stage;
import io.livepush.cohost.protocol.HandoverMessage;
import io.livepush.cohost.protocol.SessionMessage;
import io.livepush.cohost.token.CohostToken.Role;
import io.livepush.cohost.token.CohostToken;
import io.livepush.cohost.token.TokenSigner;
import io.livepush.cohost.token.TokenVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The output preparation step of the mixer's handover (READY: encoders and connections opened before
 * {@code mixReady}, the key untouched) over a real SignalingServer on 127.0.0.1, with a stand-in
 * audience output whose preparation the test completes, fails or never finishes.
 */
class HandoverPreparationTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private final TokenSigner signer = new TokenSigner(SECRET);
    private final FakeAudienceOutput output = new FakeAudienceOutput();
    private final List<AutoCloseable> open = new ArrayList<>();
    private SignalingServer server;
    private URI uri;

    @BeforeEach
    void start() {
        server = SignalingServer.start(SignalingConfig.builder()
                .tokenVerifier(new TokenVerifier(SECRET, Clock.systemUTC()))
                .mixerGateway(new RecordingGateway())
                .audienceOutput(output)
                .build());
        uri = URI.create("ws://127.0.0.1:" + server.port() + SignalingServer.PATH);
        output.ready = true;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        server.close();
    }

    private RawSignalingClient host() throws Exception {
        RawSignalingClient r = new RawSignalingClient(uri);
        open.add(r);
        r.send(new SessionMessage.Hello(signer.sign(new CohostToken("alice", Role.HOST, "room-1", Instant.now().plusSeconds(600)))));
        assertEquals(new SessionMessage.Welcome("alice", Role.HOST, "room-1"), r.next());
        return r;
    }

    @Test
    void mixReadyWaitsUntilTheOutputIsPreparedOnTheHandoverThreadAndTheStartFollowsIt() throws Exception {
        output.prepareAnswer = new CompletableFuture<>();
        RawSignalingClient host = host();
        host.send(new HandoverMessage.HandoverRequest(5000));
        assertEquals("prepare", output.nextPreparation());
        assertTrue(output.prepareThread.startsWith("livepush-signaling-handover-"), output.prepareThread);
        assertNull(host.poll(300), "no mixReady while the output is being prepared");
        assertTrue(output.calls.isEmpty(), "preparing never starts the output: " + output.calls);

        output.prepareAnswer.complete(null);
        assertEquals(new HandoverMessage.MixReady(), host.next());
        output.ingestAnswer.complete(null);
        host.send(new HandoverMessage.HostUnpublished());
        assertEquals(new HandoverMessage.MixLive(), host.next());
        assertEquals("start", output.nextCall());
        assertNull(output.preparations.poll(), "a started preparation is not cancelled");
    }

    @Test
    void hostUnpublishedWhileTheOutputIsBeingPreparedIsOutOfOrderAndStartsNothing() throws Exception {
        output.prepareAnswer = new CompletableFuture<>();
        RawSignalingClient host = host();
        host.send(new HandoverMessage.HandoverRequest(5000));
        assertEquals("prepare", output.nextPreparation());
        host.send(new HandoverMessage.HostUnpublished());
        assertEquals("hostUnpublished is not expected while the handover is READY (send it after mixReady)",
                host.nextError(CohostErrorCode.HANDOVER_OUT_OF_ORDER).message());
        assertTrue(output.calls.isEmpty(), output.calls.toString());
        output.prepareAnswer.complete(null);
        assertEquals(new HandoverMessage.MixReady(), host.next(), "the handover goes on");
    }

    @Test
    void anOutputThatCannotBePreparedStillSaysMixReadySoTheStartConnectsInFull() throws Exception {
        output.prepareAnswer = CompletableFuture.failedFuture(new IllegalStateException("connection refused"));
        output.ingestAnswer.complete(null);
        RawSignalingClient host = host();
        host.send(new HandoverMessage.HandoverRequest(2000));
        assertEquals(new HandoverMessage.MixReady(), host.next());
        host.send(new HandoverMessage.HostUnpublished());
        assertEquals(new HandoverMessage.MixLive(), host.next());
        assertEquals("start", output.nextCall());
    }

    @Test
    void aPreparationStillRunningAfterThreeQuartersOfTheRequestTimeSaysMixReadyThenAndReadyGetsItsOwnBound()
            throws Exception {
        output.prepareAnswer = new CompletableFuture<>(); // never completes
        output.ingestAnswer.complete(null);
        RawSignalingClient host = host();
        long t0 = System.nanoTime();
        host.send(new HandoverMessage.HandoverRequest(800));
        assertNull(host.poll(250), "mixReady waits for the preparation");
        assertEquals(new HandoverMessage.MixReady(), host.next());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 800, "mixReady leaves the host part of its 800 ms to spare; it came after " + ms + " ms");
        Thread.sleep(300); // READY's bound runs from mixReady: 700 ms more
        host.send(new HandoverMessage.HostUnpublished());
        assertEquals(new HandoverMessage.MixLive(), host.next());
        assertEquals("start", output.nextCall());
    }

    @Test
    void aReadyBoundThatExpiresClosesThePreparationAndNeverTouchesTheOutput() throws Exception {
        RawSignalingClient host = host();
        host.send(new HandoverMessage.HandoverRequest(500));
        assertEquals(new HandoverMessage.MixReady(), host.next());
        assertEquals(Stage.HOST_UNPUBLISH, host.next(HandoverMessage.MixFailed.class).stage());
        assertEquals(List.of("prepare", "cancel"), List.of(output.nextPreparation(), output.nextPreparation()));
        assertTrue(output.calls.isEmpty(), "nothing was started or stopped: " + output.calls);
    }

    @Test
    void aHostWhoseSocketDropsWhileReadyClosesThePreparation() throws Exception {
        RawSignalingClient host = host();
        host.send(new HandoverMessage.HandoverRequest(5000));
        assertEquals(new HandoverMessage.MixReady(), host.next());
        host.abort();
        assertEquals(List.of("prepare", "cancel"), List.of(output.nextPreparation(), output.nextPreparation()));
        assertTrue(output.calls.isEmpty(), output.calls.toString());
        assertNull(output.preparations.poll(300, TimeUnit.MILLISECONDS));
    }
}
