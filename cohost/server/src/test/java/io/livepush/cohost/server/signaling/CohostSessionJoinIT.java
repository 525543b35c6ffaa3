package io.livepush.cohost.server.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.testing.Interop;
import io.livepush.cohost.client.CohostClient;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.client.Invitation;
import io.livepush.cohost.client.InvitationOutcome;
import io.livepush.cohost.rtc.RtcRuntime;
import io.livepush.cohost.token.CohostToken;
import io.livepush.cohost.token.CohostToken.Role;
import io.livepush.cohost.token.TokenSigner;
import io.livepush.cohost.token.TokenVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * CohostSession.join through a real webrtc-java PublishingLeg: the leg's own SDP offer travels over the
 * signaling socket to the MixerGateway under the participant's user id; kick and leave close it.
 */
class CohostSessionJoinIT {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void joinSendsTheLegsRealOfferToTheMixerAndKickClosesIt() throws Exception {
        String why = RtcRuntime.unavailableReason();
        Interop.assumePeer(why == null, "webrtc-java native library (" + why + "; apt-get install libpulse0)");
        TokenSigner signer = new TokenSigner(SECRET);
        RecordingGateway gateway = new RecordingGateway();
        gateway.answer = false;
        try (RtcRuntime rt = RtcRuntime.create();
             SignalingServer server = SignalingServer.start(SignalingConfig.builder()
                     .tokenVerifier(new TokenVerifier(SECRET, Clock.systemUTC())).mixerGateway(gateway).build());
             TestPatternSource hostVideo = TestPatternSource.builder().size(320, 240).build();
             TestPatternSource guestVideo = TestPatternSource.builder().size(320, 240).build()) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + SignalingServer.PATH);
            RecordingListener hostEvents = new RecordingListener();
            RecordingListener bobEvents = new RecordingListener();
            try (CohostSession host = CohostClient.connect(uri, token(signer, "alice", Role.HOST), hostEvents, rt).get(5, TimeUnit.SECONDS);
                 CohostSession bob = CohostClient.connect(uri, token(signer, "bob", Role.GUEST), bobEvents, rt).get(5, TimeUnit.SECONDS)) {
                host.join(hostVideo, null);
                RecordingGateway.Join hostJoin = gateway.nextJoin();
                assertNotNull(hostJoin, "the host's offer never reached the mixer");
                assertEquals("alice", hostJoin.userId());
                assertEquals(Role.HOST, hostJoin.role());
                assertTrue(hostJoin.offerSdp().startsWith("v=0") && hostJoin.offerSdp().contains("m=video"), hostJoin.offerSdp());

                var outcome = host.invite("bob");
                Invitation inv = bobEvents.nextInvitation();
                inv.accept().get(5, TimeUnit.SECONDS);
                assertEquals(InvitationOutcome.ACCEPTED, outcome.get(5, TimeUnit.SECONDS));
                bob.join(guestVideo, null);
                RecordingGateway.Join bobJoin = gateway.nextJoin();
                assertNotNull(bobJoin, "the guest's offer never reached the mixer");
                assertEquals("bob", bobJoin.userId());
                assertTrue(bobJoin.offerSdp().contains("m=video"));

                host.kick("bob").get(5, TimeUnit.SECONDS);
                assertEquals("bob", gateway.nextLeave());
                String e;
                do {
                    e = bobEvents.nextEvent();
                } while (e != null && !e.equals("kicked"));
                assertEquals("kicked", e);
                host.leave().get(5, TimeUnit.SECONDS);
                assertEquals("alice", gateway.nextLeave());
            }
        }
    }

    private static String token(TokenSigner signer, String user, Role role) {
        return signer.sign(new CohostToken(user, role, "room-1", Instant.now().plusSeconds(600)));
    }
}
