package io.livepush.examples.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.cohost.protocol.ParticipationMessage;
import io.livepush.cohost.protocol.SessionMessage;
import io.livepush.cohost.protocol.SignalCodec;
import io.livepush.cohost.rtc.LegSignaling;
import io.livepush.cohost.server.signaling.MixerGateway;
import io.livepush.cohost.server.signaling.ParticipantLeg;
import io.livepush.cohost.server.signaling.SignalingConfig;
import io.livepush.cohost.server.signaling.SignalingServer;
import io.livepush.cohost.token.CohostToken.Role;
import io.livepush.cohost.token.CohostToken;
import io.livepush.cohost.token.TokenSigner;
import io.livepush.cohost.token.TokenVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The co-host panel's presenter against a real {@link SignalingServer} on 127.0.0.1 (no mixer: nobody
 * joins with media here): sign-in, invite, incoming invitation, accept and decline, participants joining and
 * leaving the mix, and refusals in words.
 */
class CohostControllerTest {
    private static final byte[] SECRET = "desktop-cohost-test-secret-0123456789".getBytes();
    private final TokenSigner signer = new TokenSigner(SECRET);
    private final RecordingCohostView hostView = new RecordingCohostView();
    private final RecordingCohostView guestView = new RecordingCohostView();
    private final CohostController host = new CohostController(hostView);
    private final CohostController guest = new CohostController(guestView);
    private SignalingServer server;
    private String uri;

    @BeforeEach
    void start() {
        server = SignalingServer.start(SignalingConfig.builder().tokenVerifier(new TokenVerifier(SECRET, Clock.systemUTC()))
                .mixerGateway(new NoMixer()).build());
        uri = "ws://127.0.0.1:" + server.port() + SignalingServer.PATH;
    }

    @AfterEach
    void stop() {
        host.close();
        guest.close();
        server.close();
    }

    @Test
    void aHostInvitesAGuestWhoSeesTheInvitationAndAccepts() throws Exception {
        signIn(host, hostView, "alice", Role.HOST);
        signIn(guest, guestView, "bob", Role.GUEST);
        host.invite(" bob ");
        hostView.await("sent: bob"::equals, "the server registered the invitation");
        guestView.await("invited: from alice"::equals, "the guest sees the invitation");
        guest.accept(guestView.lastInvitation);
        assertEquals("closed: Accepted the invitation from alice.", guestView.await(e -> e.startsWith("closed:"), "answer"));
        assertEquals("ended: bob ACCEPTED", hostView.await(e -> e.startsWith("ended:"), "the host learns it"));
    }

    @Test
    void aDeclineReachesTheHostAndAnsweringTwiceIsRefusedInWords() throws Exception {
        signIn(host, hostView, "alice", Role.HOST);
        signIn(guest, guestView, "bob", Role.GUEST);
        host.invite("bob");
        guestView.await("invited: from alice"::equals, "the invitation");
        guest.decline(guestView.lastInvitation);
        assertEquals("ended: bob DECLINED", hostView.await(e -> e.startsWith("ended:"), "the decline"));
        guestView.await(e -> e.startsWith("closed: Declined"), "the guest's own answer");
        guest.accept(guestView.lastInvitation);
        assertEquals("closed: That invitation was already answered.", guestView.await(e -> e.startsWith("closed:"),
                "the refusal"));
    }

    @Test
    void invitingSomeoneWhoIsNotThereAndAGuestInvitingAreRefusedInWords() throws Exception {
        signIn(host, hostView, "alice", Role.HOST);
        host.invite("carol");
        assertEquals("error: That user is not connected to this room right now.",
                hostView.await(e -> e.startsWith("error:"), "unknown user"));
        signIn(guest, guestView, "bob", Role.GUEST);
        guest.invite("alice");
        assertEquals("error: Only the host may invite or remove co-hosts.",
                guestView.await(e -> e.startsWith("error:"), "not host"));
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefusedInWordsAndTheTokenIsNeverShown() throws Exception {
        String forged = new TokenSigner("another-secret-of-at-least-32-bytes!!".getBytes())
                .sign(new CohostToken("mallory", Role.HOST, "room-1", Instant.now().plusSeconds(600)));
        host.connect(uri, forged);
        String error = hostView.await(e -> e.startsWith("error:"), "refusal");
        assertEquals("error: The co-host server did not accept the token. Ask for a new one.", error);
        hostView.await("disconnected"::equals, "back to disconnected");
        assertFalse(host.connected());
    }

    @Test
    void participantsJoiningAndLeavingTheMixAreListed() throws Exception {
        signIn(guest, guestView, "bob", Role.GUEST);
        // The host here is a raw WebSocket speaking the protocol: it joins the mix without a media leg.
        WebSocket alice = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(uri), new WebSocket.Listener() { }).get(5, TimeUnit.SECONDS);
        try {
            alice.sendText(SignalCodec.encode(new SessionMessage.Hello(signer.sign(
                    new CohostToken("alice", Role.HOST, "room-1", Instant.now().plusSeconds(600))))), true).get();
            alice.sendText(SignalCodec.encode(new ParticipationMessage.Join(null)), true).get();
            guestView.await("joined: alice"::equals, "alice in the mix");
            alice.sendText(SignalCodec.encode(new ParticipationMessage.Leave()), true).get();
            guestView.await("left: alice"::equals, "alice out of the mix");
        } finally {
            alice.abort();
        }
    }

    @Test
    void badFieldsAndCallsBeforeSigningInAreRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> host.connect("http://127.0.0.1/cohost", "t"));
        assertThrows(IllegalArgumentException.class, () -> host.connect(uri, "  "));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> host.invite("bob"));
        assertTrue(e.getMessage().contains("press Connect first"), e.getMessage());
        assertTrue(hostView.events.isEmpty(), "nothing was sent: " + hostView.events);
    }

    private void signIn(CohostController c, RecordingCohostView view, String user, Role role) throws Exception {
        c.connect(uri, signer.sign(new CohostToken(user, role, "room-1", Instant.now().plusSeconds(600))));
        view.await(e -> e.equals("connected: " + user + " " + role), "sign-in of " + user);
        assertThrows(IllegalStateException.class, () -> c.connect(uri, "again"));
    }

    /** No mixer: nobody sends a media offer here (WebRTC legs are covered by the cohost module). */
    private static final class NoMixer implements MixerGateway {
        @Override
        public ParticipantLeg join(String userId, CohostToken.Role role, String offerSdp, LegSignaling toParticipant) {
            throw new UnsupportedOperationException("no mixer in this test");
        }

        @Override
        public void leave(String userId) {
        }
    }
}
