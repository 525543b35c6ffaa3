package io.livepush.cohost.server.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.client.CohostClient;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.client.Invitation;
import io.livepush.cohost.client.InvitationOutcome;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.InvitationMessage;
import io.livepush.cohost.protocol.MediaMessage;
import io.livepush.cohost.protocol.ParticipationMessage;
import io.livepush.cohost.protocol.SessionMessage;
import io.livepush.cohost.token.CohostAuthException;
import io.livepush.cohost.token.CohostToken.Role;
import io.livepush.cohost.token.CohostToken;
import io.livepush.cohost.token.TokenSigner;
import io.livepush.cohost.token.TokenVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CohostClient and raw JDK WebSockets against a real SignalingServer on 127.0.0.1. */
class SignalingServerTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private final TokenSigner signer = new TokenSigner(SECRET);
    private final RecordingGateway gateway = new RecordingGateway();
    private final List<AutoCloseable> open = new ArrayList<>();
    private SignalingServer server;
    private URI uri;

    private void start(Duration ttl) {
        server = SignalingServer.start(SignalingConfig.builder()
                .tokenVerifier(new TokenVerifier(SECRET, Clock.systemUTC()))
                .mixerGateway(gateway)
                .invitationTtl(ttl)
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

    private String token(String user, Role role) {
        return signer.sign(new CohostToken(user, role, "room-1", Instant.now().plusSeconds(600)));
    }

    private CohostSession session(String user, Role role, RecordingListener listener) throws Exception {
        CohostSession s = CohostClient.connect(uri, token(user, role), listener).get(5, TimeUnit.SECONDS);
        open.add(s);
        return s;
    }

    private RawSignalingClient raw(String user, Role role) throws Exception {
        RawSignalingClient r = new RawSignalingClient(uri);
        open.add(r);
        r.send(new SessionMessage.Hello(token(user, role)));
        assertEquals(new SessionMessage.Welcome(user, role, "room-1"), r.next());
        return r;
    }

    private static CohostException failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        return assertInstanceOf(CohostException.class, e.getCause());
    }

    private void assertMixerUntouched() throws InterruptedException {
        Thread.sleep(100);
        assertTrue(gateway.joins.isEmpty(), gateway.joins.toString());
        assertTrue(gateway.leaves.isEmpty(), gateway.leaves.toString());
    }

    @Test
    void anAcceptedInvitationLetsTheGuestJoinAndItsOfferReachesTheMixerUnderItsUserId() throws Exception {
        start(Duration.ofSeconds(60));
        RecordingListener hostEvents = new RecordingListener();
        CohostSession host = session("alice", Role.HOST, hostEvents);
        RawSignalingClient bob = raw("bob", Role.GUEST);

        CompletableFuture<InvitationOutcome> outcome = host.invite("bob");
        InvitationMessage.Invitation inv = bob.next(InvitationMessage.Invitation.class);
        assertEquals("alice", inv.fromUserId());
        assertEquals("room-1", inv.roomId());
        assertEquals(inv.invitationId(), hostEvents.sent.poll(5, TimeUnit.SECONDS));

        bob.send(new InvitationMessage.Accept(inv.invitationId()));
        assertEquals(InvitationOutcome.ACCEPTED, outcome.get(5, TimeUnit.SECONDS));
        assertEquals(new InvitationMessage.InviteResult(inv.invitationId(), InvitationMessage.InviteResult.Outcome.ACCEPTED), bob.next());

        bob.send(new ParticipationMessage.Join(inv.invitationId()));
        assertEquals(new ParticipationMessage.Joined("bob"), bob.next());
        bob.send(new MediaMessage.Offer("v=0\r\ns=bob\r\n"));
        RecordingGateway.Join join = gateway.nextJoin();
        assertEquals(new RecordingGateway.Join("bob", Role.GUEST, "v=0\r\ns=bob\r\n", join.thread()), join);
        assertTrue(join.thread().startsWith("livepush-signaling-mixer-"), join.thread());
        assertEquals(new MediaMessage.Answer(RecordingGateway.ANSWER), bob.next());
        assertEquals(MediaMessage.Ice.class, bob.next().getClass());
        bob.send(new MediaMessage.Ice("0", 0, "candidate:2 1 udp 5 127.0.0.1 7 typ host"));
        waitFor(() -> !gateway.candidates.isEmpty());
        assertEquals(List.of("bob|0|0|candidate:2 1 udp 5 127.0.0.1 7 typ host"), gateway.candidates);
        assertNull(hostEvents.badThread);
    }

    @Test
    void theGuestsClientSeesTheInvitationAndBothSidesLearnItWasAccepted() throws Exception {
        start(Duration.ofSeconds(60));
        CohostSession host = session("alice", Role.HOST, new RecordingListener());
        RecordingListener bobEvents = new RecordingListener();
        session("bob", Role.GUEST, bobEvents);
        CompletableFuture<InvitationOutcome> outcome = host.invite("bob");
        Invitation inv = bobEvents.nextInvitation();
        assertEquals("alice", inv.fromUserId());
        assertTrue(inv.expiresAt().isAfter(Instant.now().plusSeconds(50)));
        inv.accept().get(5, TimeUnit.SECONDS);
        assertEquals(InvitationOutcome.ACCEPTED, outcome.get(5, TimeUnit.SECONDS));
        assertEquals(InvitationOutcome.ACCEPTED, inv.outcome().get(5, TimeUnit.SECONDS));
        assertNull(bobEvents.badThread);
    }

    @Test
    void aDeclinedInvitationEndsDeclinedForBoth() throws Exception {
        start(Duration.ofSeconds(60));
        CohostSession host = session("alice", Role.HOST, new RecordingListener());
        RecordingListener bobEvents = new RecordingListener();
        session("bob", Role.GUEST, bobEvents);
        CompletableFuture<InvitationOutcome> outcome = host.invite("bob");
        Invitation inv = bobEvents.nextInvitation();
        inv.decline().get(5, TimeUnit.SECONDS);
        assertEquals(InvitationOutcome.DECLINED, outcome.get(5, TimeUnit.SECONDS));
        assertEquals(InvitationOutcome.DECLINED, inv.outcome().get(5, TimeUnit.SECONDS));
        assertEquals(CohostErrorCode.INVITATION_USED, failure(inv.accept()).code());
    }

    @Test
    void anUnansweredInvitationExpiresOnBothSidesAndCanNoLongerBeAccepted() throws Exception {
        start(Duration.ofMillis(200));
        CohostSession host = session("alice", Role.HOST, new RecordingListener());
        RecordingListener bobEvents = new RecordingListener();
        session("bob", Role.GUEST, bobEvents);
        long t0 = System.nanoTime();
        CompletableFuture<InvitationOutcome> outcome = host.invite("bob");
        Invitation inv = bobEvents.nextInvitation();
        assertEquals(InvitationOutcome.EXPIRED, outcome.get(5, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - t0 >= 190_000_000L, "expired before its 200 ms ttl");
        assertEquals(InvitationOutcome.EXPIRED, inv.outcome().get(5, TimeUnit.SECONDS));
        CohostException e = failure(inv.accept());
        assertEquals(CohostErrorCode.INVITATION_EXPIRED, e.code());
        assertMixerUntouched();
    }

    @Test
    void aCancelledInvitationEndsCancelledForBothAndCannotBeAccepted() throws Exception {
        start(Duration.ofSeconds(60));
        RecordingListener hostEvents = new RecordingListener();
        CohostSession host = session("alice", Role.HOST, hostEvents);
        RecordingListener bobEvents = new RecordingListener();
        session("bob", Role.GUEST, bobEvents);
        CompletableFuture<InvitationOutcome> outcome = host.invite("bob");
        Invitation inv = bobEvents.nextInvitation();
        String id = hostEvents.sent.poll(5, TimeUnit.SECONDS);
        assertEquals(inv.id(), id);
        host.cancel(id).get(5, TimeUnit.SECONDS);
        assertEquals(InvitationOutcome.CANCELLED, outcome.get(5, TimeUnit.SECONDS));
        assertEquals(InvitationOutcome.CANCELLED, inv.outcome().get(5, TimeUnit.SECONDS));
        assertEquals(CohostErrorCode.INVITATION_CANCELLED, failure(inv.accept()).code());
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefusedAsForgedAndTheSocketClosed() throws Exception {
        start(Duration.ofSeconds(60));
        String forged = new TokenSigner("another secret of 32 bytes or mo".getBytes())
                .sign(new CohostToken("mallory", Role.HOST, "room-1", Instant.now().plusSeconds(600)));
        CohostAuthException e = assertInstanceOf(CohostAuthException.class,
                failure(CohostClient.connect(uri, forged, new RecordingListener())));
        assertEquals(CohostAuthException.AuthFailure.FORGED, e.reason());
        assertEquals(CohostErrorCode.FORGED_TOKEN, e.code());

        RawSignalingClient r = new RawSignalingClient(uri);
        open.add(r);
        r.send(new SessionMessage.Hello(forged));
        assertEquals("hello", r.nextError(CohostErrorCode.FORGED_TOKEN).inReplyTo());
        assertEquals(1008, r.closeStatus.get(5, TimeUnit.SECONDS));
        assertMixerUntouched();
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() throws Exception {
        start(Duration.ofSeconds(60));
        String expired = signer.sign(new CohostToken("bob", Role.GUEST, "room-1", Instant.now().minusSeconds(1)));
        CohostAuthException e = assertInstanceOf(CohostAuthException.class,
                failure(CohostClient.connect(uri, expired, new RecordingListener())));
        assertEquals(CohostErrorCode.TOKEN_EXPIRED, e.code());
        assertMixerUntouched();
    }

    @Test
    void aMessageBeforeHelloIsUnauthorizedAndClosesTheSocket() throws Exception {
        start(Duration.ofSeconds(60));
        RawSignalingClient r = new RawSignalingClient(uri);
        open.add(r);
        r.send(new InvitationMessage.Invite("bob"));
        assertEquals("invite:bob", r.nextError(CohostErrorCode.UNAUTHORIZED).inReplyTo());
        assertEquals(1008, r.closeStatus.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aReplayedAcceptanceIsRefusedAsUsedWhoeverSendsIt() throws Exception {
        start(Duration.ofSeconds(60));
        CohostSession host = session("alice", Role.HOST, new RecordingListener());
        RawSignalingClient bob = raw("bob", Role.GUEST);
        RawSignalingClient carol = raw("carol", Role.GUEST);
        host.invite("bob");
        String id = bob.next(InvitationMessage.Invitation.class).invitationId();
        bob.send(new InvitationMessage.Accept(id));
        bob.next(InvitationMessage.InviteResult.class);
        bob.send(new InvitationMessage.Accept(id));
        assertEquals("accept:" + id, bob.nextError(CohostErrorCode.INVITATION_USED).inReplyTo());
        carol.send(new InvitationMessage.Accept(id));
        carol.nextError(CohostErrorCode.INVITATION_USED);
        carol.send(new ParticipationMessage.Join(id));
        carol.nextError(CohostErrorCode.NOT_INVITED);
        // the invitation joins once
        bob.send(new ParticipationMessage.Join(id)).next(ParticipationMessage.Joined.class);
        bob.send(new ParticipationMessage.Leave()).next(ParticipationMessage.Participant.class);
        bob.send(new ParticipationMessage.Join(id));
        bob.nextError(CohostErrorCode.INVITATION_USED);
        assertMixerUntouched();
    }

    @Test
    void anUninvitedUserCannotJoinNorReachTheMixer() throws Exception {
        start(Duration.ofSeconds(60));
        RawSignalingClient eve = raw("eve", Role.GUEST);
        eve.send(new ParticipationMessage.Join("made-up-invitation"));
        eve.nextError(CohostErrorCode.NOT_INVITED);
        eve.send(new ParticipationMessage.Join(null));
        eve.nextError(CohostErrorCode.NOT_INVITED);
        eve.send(new MediaMessage.Offer("v=0\r\n"));
        eve.nextError(CohostErrorCode.NOT_INVITED);
        eve.send(new MediaMessage.Ice("0", 0, "candidate:x"));
        eve.nextError(CohostErrorCode.NOT_INVITED);
        // an invitation to someone else does not help either
        CohostSession host = session("alice", Role.HOST, new RecordingListener());
        RawSignalingClient bob = raw("bob", Role.GUEST);
        host.invite("bob");
        String id = bob.next(InvitationMessage.Invitation.class).invitationId();
        eve.send(new InvitationMessage.Accept(id));
        eve.nextError(CohostErrorCode.NOT_INVITED);
        bob.send(new ParticipationMessage.Join(id));
        assertEquals("not accepted", bob.nextError(CohostErrorCode.NOT_INVITED).message().contains("not accepted yet") ? "not accepted" : "");
        assertMixerUntouched();
    }

    @Test
    void aGuestMayNeitherInviteNorKickNorCancel() throws Exception {
        start(Duration.ofSeconds(60));
        RecordingListener bobEvents = new RecordingListener();
        CohostSession bob = session("bob", Role.GUEST, bobEvents);
        raw("carol", Role.GUEST);
        assertEquals(CohostErrorCode.NOT_HOST, failure(bob.invite("carol")).code());
        assertEquals(CohostErrorCode.NOT_HOST, failure(bob.kick("carol")).code());
        assertEquals(CohostErrorCode.NOT_HOST, failure(bob.cancel("some-id")).code());
        assertMixerUntouched();
    }

    @Test
    void invitingSomeoneNotConnectedToTheRoomIsUnknownUser() throws Exception {
        start(Duration.ofSeconds(60));
        CohostSession host = session("alice", Role.HOST, new RecordingListener());
        RawSignalingClient other = new RawSignalingClient(uri);
        open.add(other);
        other.send(new SessionMessage.Hello(signer.sign(new CohostToken("dave", Role.GUEST, "room-2", Instant.now().plusSeconds(60)))));
        other.next(SessionMessage.Welcome.class);
        assertEquals(CohostErrorCode.UNKNOWN_USER, failure(host.invite("nobody")).code());
        assertEquals(CohostErrorCode.UNKNOWN_USER, failure(host.invite("dave")).code());
        assertNull(other.poll(200));
    }

    @Test
    void unknownAndMalformedMessagesGetATypedReplyAndTheConnectionStaysUsable() throws Exception {
        start(Duration.ofSeconds(60));
        RawSignalingClient r = raw("bob", Role.GUEST);
        r.sendText("{\"type\":\"teleport\",\"to\":\"mars\"}");
        r.nextError(CohostErrorCode.UNKNOWN_MESSAGE);
        for (String bad : Arrays.asList("this is not json", "{\"type\":\"accept\"}", "[1,2]", "{\"type\":\"invite\",\"toUserId\":{}}")) {
            r.sendText(bad);
            r.nextError(CohostErrorCode.MALFORMED_MESSAGE);
        }
        r.send(new SessionMessage.Welcome("bob", Role.HOST, "room-1"));
        r.nextError(CohostErrorCode.UNKNOWN_MESSAGE);
        r.send(new SessionMessage.Hello(token("bob", Role.GUEST)));
        r.nextError(CohostErrorCode.MALFORMED_MESSAGE);
        r.send(new ParticipationMessage.Leave());
        r.nextError(CohostErrorCode.UNKNOWN_USER);
        assertTrue(!r.closeStatus.isDone(), "the server closed the socket");
    }

    @Test
    void aKickedGuestIsToldAndLeavesTheMixerAndEveryoneSeesItLeave() throws Exception {
        start(Duration.ofSeconds(60));
        RecordingListener hostEvents = new RecordingListener();
        CohostSession host = session("alice", Role.HOST, hostEvents);
        RawSignalingClient bob = joinedGuest(host, "bob");
        assertEquals("joined:bob", hostEvents.nextEvent());
        host.kick("bob").get(5, TimeUnit.SECONDS);
        assertEquals("bob", gateway.nextLeave());
        assertEquals(new ParticipationMessage.Kick("bob"), bob.next());
        assertEquals(new ParticipationMessage.Participant(ParticipationMessage.Participant.Event.LEFT, "bob"), bob.next());
        assertEquals("left:bob", hostEvents.nextEvent());
        assertEquals(CohostErrorCode.UNKNOWN_USER, failure(host.kick("bob")).code());
    }

    @Test
    void leavingClosesTheParticipantsMixerLeg() throws Exception {
        start(Duration.ofSeconds(60));
        RecordingListener hostEvents = new RecordingListener();
        CohostSession host = session("alice", Role.HOST, hostEvents);
        RawSignalingClient bob = joinedGuest(host, "bob");
        bob.send(new ParticipationMessage.Leave());
        assertEquals("bob", gateway.nextLeave());
        assertEquals(new ParticipationMessage.Participant(ParticipationMessage.Participant.Event.LEFT, "bob"), bob.next());
        assertEquals("joined:bob", hostEvents.nextEvent());
        assertEquals("left:bob", hostEvents.nextEvent());
    }

    @Test
    void aSocketThatDropsWithoutGoodbyeLeavesTheMixer() throws Exception {
        start(Duration.ofSeconds(60));
        RecordingListener hostEvents = new RecordingListener();
        CohostSession host = session("alice", Role.HOST, hostEvents);
        RawSignalingClient bob = joinedGuest(host, "bob");
        bob.abort();
        assertEquals("bob", gateway.nextLeave());
        assertEquals("joined:bob", hostEvents.nextEvent());
        assertEquals("left:bob", hostEvents.nextEvent());
    }

    @Test
    void aMixerThatRefusesTheLegIsReportedAsMixerUnavailable() throws Exception {
        start(Duration.ofSeconds(60));
        gateway.refuse = true;
        RawSignalingClient host = raw("alice", Role.HOST);
        host.send(new ParticipationMessage.Join(null)).next(ParticipationMessage.Joined.class);
        host.send(new MediaMessage.Offer("v=0\r\n"));
        assertEquals("offer", host.nextError(CohostErrorCode.MIXER_UNAVAILABLE).inReplyTo());
        assertEquals(new ParticipationMessage.Participant(ParticipationMessage.Participant.Event.LEFT, "alice"), host.next());
    }

    @Test
    void closingTheServerEndsTheSessionsAndLeavesTheMixer() throws Exception {
        start(Duration.ofSeconds(60));
        RecordingListener hostEvents = new RecordingListener();
        CohostSession host = session("alice", Role.HOST, hostEvents);
        joinedGuest(host, "bob");
        server.close();
        assertEquals("bob", gateway.nextLeave());
        assertEquals("joined:bob", hostEvents.nextEvent());
        String next = hostEvents.nextEvent();
        assertTrue(next.equals("closed") || next.equals("left:bob"), next);
        assertEquals(CohostErrorCode.INTERNAL, failure(host.invite("bob")).code());
    }

    private RawSignalingClient joinedGuest(CohostSession host, String user) throws Exception {
        RawSignalingClient guest = raw(user, Role.GUEST);
        host.invite(user);
        String id = guest.next(InvitationMessage.Invitation.class).invitationId();
        guest.send(new InvitationMessage.Accept(id)).next(InvitationMessage.InviteResult.class);
        guest.send(new ParticipationMessage.Join(id)).next(ParticipationMessage.Joined.class);
        guest.send(new MediaMessage.Offer("v=0\r\ns=" + user + "\r\n"));
        assertNotNull(gateway.nextJoin());
        guest.next(MediaMessage.Answer.class);
        guest.next(MediaMessage.Ice.class);
        return guest;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "condition not met within 5 s");
    }
}
