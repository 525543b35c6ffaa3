package io.livepush.cohost.server.e2e;

import io.livepush.capture.MediaClock;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.cohost.client.CohostClient;
import io.livepush.cohost.client.CohostListener;
import io.livepush.cohost.client.CohostSession;
import io.livepush.cohost.client.Invitation;
import io.livepush.cohost.rtc.RtcRuntime;
import io.livepush.cohost.server.MixerServer;
import io.livepush.cohost.server.mixer.MixerConfig;
import io.livepush.cohost.server.signaling.SignalingConfig;
import io.livepush.cohost.token.CohostToken;
import io.livepush.cohost.token.TokenSigner;
import io.livepush.cohost.token.TokenVerifier;
import io.livepush.publisher.stream.LiveStreamListener;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A MixerServer with a token secret, and helpers to connect SDK clients to it. */
final class CohostRig implements AutoCloseable {
    static final byte[] SECRET = "livepush-e2e-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final String ROOM = "room-1";

    final MixerServer server;
    final RtcRuntime clients;
    private final TokenSigner signer = new TokenSigner(SECRET);

    CohostRig(MixerConfig mixer, Duration invitationTtl) {
        server = MixerServer.start(mixer, SignalingConfig.builder().port(0)
                .tokenVerifier(new TokenVerifier(SECRET, Clock.systemUTC())).invitationTtl(invitationTtl),
                new LiveStreamListener() { });
        clients = RtcRuntime.create();
    }

    String token(String user, CohostToken.Role role) {
        return signer.sign(new CohostToken(user, role, ROOM, Instant.now().plusSeconds(600)));
    }

    /** A listener that queues the invitations a guest receives. */
    static final class Inbox implements CohostListener {
        final BlockingQueue<Invitation> invitations = new LinkedBlockingQueue<>();
        final BlockingQueue<String> left = new LinkedBlockingQueue<>();

        @Override
        public void onInvited(Invitation inv) {
            invitations.add(inv);
        }

        @Override
        public void onParticipantLeft(String userId) {
            left.add(userId);
        }

        Invitation next() throws InterruptedException {
            Invitation i = invitations.poll(10, TimeUnit.SECONDS);
            if (i == null) {
                throw new AssertionError("no invitation arrived within 10 s");
            }
            return i;
        }
    }

    CohostSession connect(String user, CohostToken.Role role, CohostListener listener) throws Exception {
        return CohostClient.connect(server.localUri(), token(user, role), listener, clients).get(10, TimeUnit.SECONDS);
    }

    static TestPatternSource pattern(double hue, int w, int h) {
        return TestPatternSource.builder().size(w, h).hueDegrees(hue).clock(new MediaClock()).build();
    }

    static ToneSource tone(double hz) {
        return ToneSource.builder().frequencyHz(hz).beepFrequencyHz(hz).amplitude(0.3).clock(new MediaClock()).build();
    }

    @Override
    public void close() {
        server.close();
        clients.close();
    }
}
