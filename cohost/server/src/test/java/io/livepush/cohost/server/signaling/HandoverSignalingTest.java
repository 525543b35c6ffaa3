package io.livepush.cohost.server.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.HandoverMessage.MixFailed.Stage;
import io.livepush.cohost.protocol.HandoverMessage;
import io.livepush.cohost.protocol.SessionMessage;
import io.livepush.cohost.protocol.SignalMessage;
import io.livepush.cohost.token.CohostToken.Role;
import io.livepush.cohost.token.CohostToken;
import io.livepush.cohost.token.TokenSigner;
import io.livepush.cohost.token.TokenVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mixer's half of the audience handover over a real SignalingServer on 127.0.0.1, spoken to by
 * raw JDK WebSockets, with a stand-in audience output: who may ask, in which order, and what the
 * output is told to do.
 */
class HandoverSignalingTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private final TokenSigner signer = new TokenSigner(SECRET);
    private final FakeAudienceOutput output = new FakeAudienceOutput();
    private final List<AutoCloseable> open = new ArrayList<>();
    private SignalingServer server;
    private URI uri;

    private void start(AudienceOutput audience) {
        server = SignalingServer.start(SignalingConfig.builder()
                .tokenVerifier(new TokenVerifier(SECRET, Clock.systemUTC()))
                .mixerGateway(new RecordingGateway())
                .audienceOutput(audience)
                .build());
        uri = URI.create("ws://127.0.0.1:" + server.port() + SignalingServer.PATH);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private RawSignalingClient raw(String user, Role role) throws Exception {
        RawSignalingClient r = new RawSignalingClient(uri);
        open.add(r);
        r.send(new SessionMessage.Hello(signer.sign(new CohostToken(user, role, "room-1", Instant.now().plusSeconds(600)))));
        assertEquals(new SessionMessage.Welcome(user, role, "room-1"), r.next());
        return r;
    }

    /** Host asks, the mix is ready at once, the host unpublishes, the ingest accepts: the mix is live. */
    private RawSignalingClient onMix() throws Exception {
        RawSignalingClient host = raw("alice", Role.HOST);
        output.ready = true;
        output.ingestAnswer.complete(null);
        host.send(new HandoverMessage.HandoverRequest(2000));
        assertEquals(new HandoverMessage.MixReady(), host.next());
        host.send(new HandoverMessage.HostUnpublished());
        assertEquals(new HandoverMessage.MixLive(), host.next());
        assertEquals("start", output.nextCall());
        return host;
    }

    @Test
    void aGuestAskingForTheAudienceKeyIsRefusedNotHostAndTheOutputIsNeverTouched() throws Exception {
        start(output);
        output.ready = true;
        RawSignalingClient bob = raw("bob", Role.GUEST);
        for (SignalMessage m : List.of(new HandoverMessage.HandoverRequest(1000), new HandoverMessage.HostUnpublished(),
                new HandoverMessage.ReturnRequest(), new HandoverMessage.HostLive())) {
            bob.send(m);
            SessionMessage.Error e = bob.nextError(CohostErrorCode.NOT_HOST);
            assertEquals(m.type(), e.inReplyTo());
            assertEquals("only a host may hand the audience over; you are GUEST", e.message());
        }
        assertNull(bob.poll(200));
        assertTrue(output.calls.isEmpty(), output.calls.toString());
    }

    @Test
    void aHandoverAskedBeforeTheMixIsReadyWaitsForEveryPictureThenSaysMixReady() throws Exception {
        start(output);
        RawSignalingClient host = raw("alice", Role.HOST);
        host.send(new HandoverMessage.HandoverRequest(5000));
        assertNull(host.poll(400), "no answer while a participant has sent no picture");
        output.ready = true;
        assertEquals(new HandoverMessage.MixReady(), host.next());
        assertTrue(output.calls.isEmpty(), "ready does not publish: " + output.calls);

        host.send(new HandoverMessage.HostUnpublished());
        assertEquals("start", output.nextCall());
        assertTrue(output.thread.startsWith("livepush-signaling-handover-"), output.thread);
        assertNull(host.poll(200), "mixLive waits for the ingest's answer");
        output.ingestAnswer.complete(null);
        assertEquals(new HandoverMessage.MixLive(), host.next());
    }

    @Test
    void aMixNotReadyInTimeReportsMixFailedAtReadyAndNeverPublishes() throws Exception {
        start(output);
        RawSignalingClient host = raw("alice", Role.HOST);
        host.send(new HandoverMessage.HandoverRequest(300));
        HandoverMessage.MixFailed f = host.next(HandoverMessage.MixFailed.class);
        assertEquals(Stage.READY, f.stage());
        assertEquals("not every participant delivered a picture within 300 ms", f.reason());
        host.send(new HandoverMessage.HostUnpublished());
        host.nextError(CohostErrorCode.HANDOVER_OUT_OF_ORDER);
        assertTrue(output.calls.isEmpty(), output.calls.toString());
    }

    @Test
    void aHostThatNeverUnpublishesAfterMixReadyGetsMixFailedAtHostUnpublishAndTheOutputStaysUntouched() throws Exception {
        start(output);
        RawSignalingClient host = raw("alice", Role.HOST);
        output.ready = true;
        host.send(new HandoverMessage.HandoverRequest(500));
        assertEquals(new HandoverMessage.MixReady(), host.next());
        assertNull(host.poll(150), "READY waits the request's timeoutMs for hostUnpublished");
        assertEquals(new HandoverMessage.MixFailed(Stage.HOST_UNPUBLISH, "no hostUnpublished within 500 ms of mixReady;"
                + " the mix did not publish and the host's stream keeps the audience key"), host.next());
        assertTrue(output.calls.isEmpty(), "giving up READY never touches the output: " + output.calls);
        assertTrue(!output.publishing);

        host.send(new HandoverMessage.HostUnpublished());
        SessionMessage.Error late = host.nextError(CohostErrorCode.HANDOVER_OUT_OF_ORDER);
        assertEquals(new SessionMessage.Error(CohostErrorCode.HANDOVER_OUT_OF_ORDER,
                "hostUnpublished is not expected while the handover is ON_HOST (send it after mixReady)", "hostUnpublished"), late);
        assertNull(host.poll(200));
        assertTrue(output.calls.isEmpty(), "a late hostUnpublished starts nothing: " + output.calls);

        output.ingestAnswer.complete(null);
        host.send(new HandoverMessage.HandoverRequest(2000));
        assertEquals(new HandoverMessage.MixReady(), host.next(), "back ON_HOST: the key can be asked for again");
        host.send(new HandoverMessage.HostUnpublished());
        assertEquals(new HandoverMessage.MixLive(), host.next());
        assertEquals("start", output.nextCall());
    }

    @Test
    void aHostUnpublishedWithinTheBoundPublishesAndTheReadyBoundNeverFiresAfterwards() throws Exception {
        start(output);
        RawSignalingClient host = raw("alice", Role.HOST);
        output.ready = true;
        output.ingestAnswer.complete(null);
        host.send(new HandoverMessage.HandoverRequest(600));
        assertEquals(new HandoverMessage.MixReady(), host.next());
        Thread.sleep(200);
        host.send(new HandoverMessage.HostUnpublished());
        assertEquals(new HandoverMessage.MixLive(), host.next());
        assertNull(host.poll(700), "no mixFailed once the mix is live, past the READY bound too");
        assertEquals("start", output.nextCall());
        assertNull(output.calls.poll(), "the output keeps running");
    }

    @Test
    void aReturnRequestWhileReadyEndsTheWaitSoNoMixFailedFollows() throws Exception {
        start(output);
        RawSignalingClient host = raw("alice", Role.HOST);
        output.ready = true;
        host.send(new HandoverMessage.HandoverRequest(500));
        assertEquals(new HandoverMessage.MixReady(), host.next());
        host.send(new HandoverMessage.ReturnRequest());
        assertEquals(new HandoverMessage.MixUnpublished(), host.next());
        assertNull(host.poll(700), "the abandoned READY wait sends nothing, past its bound too");
        assertEquals("stop", output.nextCall());
    }

    @Test
    void aHostWhoseSocketDropsWhileOnTheMixLeavesTheMixOnAirUntilAReturnRequest() throws Exception {
        start(output);
        RawSignalingClient host = onMix();
        host.abort();
        assertNull(output.calls.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS), "the output is not stopped");
        assertTrue(output.publishing, "the mix keeps the audience key");

        RawSignalingClient again = raw("alice", Role.HOST);
        again.send(new HandoverMessage.HandoverRequest(1000));
        assertEquals("handoverRequest is not expected while the handover is ON_MIX (a handover is already under way or done)",
                again.nextError(CohostErrorCode.HANDOVER_OUT_OF_ORDER).message());
        again.send(new HandoverMessage.ReturnRequest());
        assertEquals(new HandoverMessage.MixUnpublished(), again.next());
        assertEquals("stop", output.nextCall());
        assertTrue(!output.publishing);
    }

    @Test
    void hostUnpublishedBeforeMixReadyIsOutOfOrderAndStartsNothing() throws Exception {
        start(output);
        RawSignalingClient host = raw("alice", Role.HOST);
        host.send(new HandoverMessage.HostUnpublished());
        SessionMessage.Error e = host.nextError(CohostErrorCode.HANDOVER_OUT_OF_ORDER);
        assertEquals("hostUnpublished is not expected while the handover is ON_HOST (send it after mixReady)", e.message());
        host.send(new HandoverMessage.HandoverRequest(5000));
        host.send(new HandoverMessage.HostUnpublished());
        assertEquals("hostUnpublished", host.nextError(CohostErrorCode.HANDOVER_OUT_OF_ORDER).inReplyTo());
        assertTrue(output.calls.isEmpty(), output.calls.toString());
    }

    @Test
    void anIngestThatRefusesTheMixStopsTheOutputAndReportsMixFailedAtPublish() throws Exception {
        start(output);
        RawSignalingClient host = raw("alice", Role.HOST);
        output.ready = true;
        host.send(new HandoverMessage.HandoverRequest(2000));
        assertEquals(new HandoverMessage.MixReady(), host.next());
        host.send(new HandoverMessage.HostUnpublished());
        assertEquals("start", output.nextCall());
        output.ingestAnswer.completeExceptionally(new IllegalStateException("NetStream.Publish.BadName"));
        HandoverMessage.MixFailed f = host.next(HandoverMessage.MixFailed.class);
        assertEquals(Stage.PUBLISH, f.stage());
        assertTrue(f.reason().contains("NetStream.Publish.BadName"), f.reason());
        assertEquals("stop", output.nextCall());
        assertTrue(!output.publishing);
    }

    @Test
    void anIngestThatNeverAnswersCountsAsAFailedPublishAfterTheTimeout() throws Exception {
        start(output);
        RawSignalingClient host = raw("alice", Role.HOST);
        output.ready = true;
        host.send(new HandoverMessage.HandoverRequest(300));
        assertEquals(new HandoverMessage.MixReady(), host.next());
        host.send(new HandoverMessage.HostUnpublished());
        HandoverMessage.MixFailed f = host.next(HandoverMessage.MixFailed.class);
        assertEquals(new HandoverMessage.MixFailed(Stage.PUBLISH, "the ingest did not accept the mix within 300 ms"), f);
        assertEquals(List.of("start", "stop"), List.of(output.nextCall(), output.nextCall()));
    }

    @Test
    void onTheMixASecondRequestIsOutOfOrderAndAReturnStopsTheOutputThenHostLiveEndsIt() throws Exception {
        start(output);
        RawSignalingClient host = onMix();
        host.send(new HandoverMessage.HandoverRequest(1000));
        host.nextError(CohostErrorCode.HANDOVER_OUT_OF_ORDER);
        host.send(new HandoverMessage.HostLive());
        host.nextError(CohostErrorCode.HANDOVER_OUT_OF_ORDER);

        host.send(new HandoverMessage.ReturnRequest());
        assertEquals(new HandoverMessage.MixUnpublished(), host.next());
        assertEquals("stop", output.nextCall());
        host.send(new HandoverMessage.HostLive());
        assertNull(host.poll(200), "hostLive after a return is accepted silently");

        output.ingestAnswer = new java.util.concurrent.CompletableFuture<>();
        output.ingestAnswer.complete(null);
        host.send(new HandoverMessage.HandoverRequest(1000));
        assertEquals(new HandoverMessage.MixReady(), host.next(), "the key can be handed over again");
    }

    @Test
    void aMixerAlreadyPushingHoldsTheKeySoTheHostMayOnlyAskForItBack() throws Exception {
        start(output);
        output.publishing = true;
        output.ready = true;
        RawSignalingClient host = raw("alice", Role.HOST);
        host.send(new HandoverMessage.HandoverRequest(1000));
        SessionMessage.Error e = host.nextError(CohostErrorCode.HANDOVER_OUT_OF_ORDER);
        assertEquals("handoverRequest is not expected while the handover is ON_MIX (a handover is already under way or done)",
                e.message());
        host.send(new HandoverMessage.ReturnRequest());
        assertEquals(new HandoverMessage.MixUnpublished(), host.next());
        assertEquals("stop", output.nextCall());
    }

    @Test
    void aHostWhoseSocketDropsWhileTheMixPreparesLeavesTheKeyWithTheHost() throws Exception {
        start(output);
        RawSignalingClient host = raw("alice", Role.HOST);
        host.send(new HandoverMessage.HandoverRequest(5000));
        Thread.sleep(100);
        host.abort();
        Thread.sleep(200);
        output.ready = true;
        RawSignalingClient again = raw("alice", Role.HOST);
        again.send(new HandoverMessage.HostUnpublished());
        again.nextError(CohostErrorCode.HANDOVER_OUT_OF_ORDER);
        again.send(new HandoverMessage.HandoverRequest(1000));
        assertEquals(new HandoverMessage.MixReady(), again.next());
        assertTrue(output.calls.isEmpty(), output.calls.toString());
    }

    @Test
    void aServerWithoutAnAudienceOutputRefusesHandoversAsMixerUnavailable() throws Exception {
        start(null);
        RawSignalingClient host = raw("alice", Role.HOST);
        host.send(new HandoverMessage.HandoverRequest(1000));
        assertEquals("this server has no audience output to hand over",
                host.nextError(CohostErrorCode.MIXER_UNAVAILABLE).message());
    }

    @Test
    void handoverAnswersAreServerMessagesAndRefusedFromAClient() throws Exception {
        start(output);
        RawSignalingClient host = raw("alice", Role.HOST);
        host.send(new HandoverMessage.MixReady());
        assertEquals("mixReady is sent by the server, not to it", host.nextError(CohostErrorCode.UNKNOWN_MESSAGE).message());
    }
}
