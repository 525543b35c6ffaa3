package io.livepush.cohost.server;

import io.livepush.cohost.server.handover.LocalMix;
import io.livepush.cohost.server.mixer.Mixer;
import io.livepush.cohost.server.mixer.MixerConfig;
import io.livepush.cohost.server.signaling.SignalingConfig;
import io.livepush.cohost.server.signaling.SignalingServer;
import io.livepush.publisher.stream.LiveStreamListener;
import java.net.URI;
import java.util.Objects;

/**
 * The co-host server in one piece: a {@link SignalingServer} (invitations, tokens, WebSocket at
 * {@value SignalingServer#PATH}) whose joined participants' legs go to a {@link Mixer}, which pushes
 * the one mixed stream the audience watches. What {@code livepush mixer} runs. The host may hand
 * the audience key to the mix and take it back over signaling ({@code handoverRequest} ...
 * {@code returnRequest}; cohost/HANDOVER.md): the mix then pushes to its configured output, which
 * should be started with {@code outputOnStart(false)} so that it waits to be asked.
 *
 * <p>Threads: those of its two parts. {@link #close()} ends the output first, then stops the
 * signaling server (no new joins), then the mixer (its legs and WebRTC runtime); idempotent.
 */
public final class MixerServer implements AutoCloseable {
    private final Mixer mixer;
    private final SignalingServer signaling;

    private MixerServer(Mixer mixer, SignalingServer signaling) {
        this.mixer = mixer;
        this.signaling = signaling;
    }

    /**
     * Starts the mixer, then the signaling server with the mixer as its gateway.
     *
     * @param mixerConfig the mix and its output
     * @param signaling the signaling settings (port, token verifier, invitation lifetime...) without a
     *     gateway: the mixer becomes the gateway, and its output the audience output of handovers
     * @param outputListener the output stream's events
     * @return the running server; close it
     * @throws IllegalStateException when webrtc-java cannot load, or the port cannot be bound (the mixer
     *     started for it is closed again)
     * @throws IllegalArgumentException when the signaling settings are invalid
     * @throws NullPointerException when an argument or the signaling token verifier is missing
     */
    public static MixerServer start(MixerConfig mixerConfig, SignalingConfig.Builder signaling,
            LiveStreamListener outputListener) {
        Objects.requireNonNull(signaling, "signaling");
        Mixer mixer = Mixer.start(mixerConfig, outputListener);
        try {
            SignalingServer server = SignalingServer.start(signaling.mixerGateway(mixer).audienceOutput(new LocalMix(mixer))
                    .maxParticipants(mixerConfig.maxParticipants()).build());
            return new MixerServer(mixer, server);
        } catch (RuntimeException e) {
            mixer.close();
            throw e;
        }
    }

    /** @return the signaling port on the bind address */
    public int port() {
        return signaling.port();
    }

    /** @return {@code ws://127.0.0.1:PORT/cohost}, for clients on this machine */
    public URI localUri() {
        return URI.create("ws://127.0.0.1:" + port() + SignalingServer.PATH);
    }

    /** @return the mixer, to change the layout or start and stop the output */
    public Mixer mixer() {
        return mixer;
    }

    /**
     * Ends the audience's output first (its last frames flushed, unpublished), so no participant
     * leaving afterwards forces a keyframe into an output about to end; then closes signaling (no new
     * joins; participants are told); then the mixer (legs and WebRTC runtime). Idempotent.
     */
    @Override
    public void close() {
        try {
            mixer.stopOutput();
        } finally {
            try {
                signaling.close();
            } finally {
                mixer.close();
            }
        }
    }
}
