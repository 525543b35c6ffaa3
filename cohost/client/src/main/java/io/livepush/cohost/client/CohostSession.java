package io.livepush.cohost.client;

import io.livepush.capture.AudioSource;
import io.livepush.capture.VideoSource;
import io.livepush.cohost.token.CohostToken;
import io.livepush.publisher.stream.LiveStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An authenticated connection to the co-host signaling server. Every call returns at once; the
 * futures complete on the session's thread when the server answers, or exceptionally with a
 * {@link io.livepush.cohost.CohostException} carrying the server's typed refusal. Closing the
 * session (or losing the connection) fails what is still pending.
 */
public interface CohostSession extends AutoCloseable {
    /** @return this user's id, from the token */
    String userId();

    /** @return this user's role, from the token */
    CohostToken.Role role();

    /**
     * Invites a user connected to the same room (host only).
     *
     * @param userId the user to invite
     * @return completes with how the invitation ended; exceptionally {@code NOT_HOST} or {@code UNKNOWN_USER}
     */
    CompletableFuture<InvitationOutcome> invite(String userId);

    /**
     * Withdraws an invitation this host sent (see {@link CohostListener#onInvitationSent}).
     *
     * @param invitationId the invitation
     * @return completes when cancelled
     */
    CompletableFuture<Void> cancel(String invitationId);

    /**
     * Enters the mix: the host directly, a guest with the invitation it last accepted. Once the server
     * confirms, a WebRTC leg to the mixer is opened and a pump thread reads the sources into it.
     *
     * @param video the camera or other source; its frames are sent, then released; owned by the caller
     * @param audio 48 kHz mono or stereo, or null for none; owned by the caller
     * @return completes when the leg is connected; exceptionally {@code NOT_INVITED}, {@code ROOM_FULL}, ...
     */
    CompletableFuture<Void> join(VideoSource video, AudioSource audio);

    /** @return completes when this user left the mix (its leg closed) */
    CompletableFuture<Void> leave();

    /**
     * Removes a participant from the mix (host only).
     *
     * @param userId the participant
     * @return completes when the server reports it left
     */
    CompletableFuture<Void> kick(String userId);

    /**
     * Sends an SEI payload to the mixer over the leg's data channel, tagged with the frame number
     * stamped in the next frame pushed, so it lands on the mixed frame built from that frame.
     *
     * @param payload 1..255 bytes (copied)
     * @throws IllegalArgumentException for an empty or longer payload
     * @throws IllegalStateException when this user is not co-hosting (no leg)
     */
    void sendSei(byte[] payload);

    /**
     * Hands the audience's stream key from the host's own stream to the mix, over signaling, by the
     * rules of {@link AudienceRelay} (host only): asks the mixer to get ready ({@code handoverRequest}),
     * waits for {@code mixReady} with {@code hostStream} untouched, closes {@code hostStream}, tells the
     * mixer ({@code hostUnpublished}) and waits for {@code mixLive}. The mixer publishes to the audience
     * URL of its own configuration. Runs on the session's handover thread; one handover at a time.
     *
     * @param hostStream the host's running stream to the audience key
     * @param hostRestart makes a new, not started host stream to the same key, for the fallback
     * @param timeout how long each step may take, 100 ms .. 120 s; closing {@code hostStream} is one of them
     *     (the mixer stops waiting for {@code hostUnpublished} after this long), so it must exceed the
     *     stream's close time (at most its {@code closeTimeout})
     * @return completes with the switch; exceptionally with a {@link io.livepush.cohost.CohostException}:
     *     {@code MIX_NOT_READY} or the server's refusal ({@code NOT_HOST}, {@code HANDOVER_OUT_OF_ORDER})
     *     with {@code hostStream} untouched, or a {@link HandoverFailedException} whose
     *     {@link HandoverFailedException#fallback()} is the restarted host stream
     * @throws IllegalArgumentException for a timeout out of range
     */
    CompletableFuture<AudienceSwitch> handOverToMix(LiveStream hostStream, Supplier<LiveStream> hostRestart,
            Duration timeout);

    /**
     * Takes the audience key back from the mix (host only): {@code returnRequest}, waits for
     * {@code mixUnpublished}, starts a new host stream, then tells the mixer {@code hostLive}. The
     * participants stay in the mix. Runs on the session's handover thread; one handover at a time.
     *
     * @param hostStream makes the host's new, not started stream to the audience key
     * @param timeout how long each step may take, 100 ms .. 120 s
     * @return completes with the switch holding the host's running stream; exceptionally with a
     *     {@link io.livepush.cohost.CohostException} ({@code MIXER_UNAVAILABLE}: the mix did not leave the
     *     key; {@link HandoverFailedException}: the host's stream was not accepted)
     * @throws IllegalArgumentException for a timeout out of range
     */
    CompletableFuture<AudienceSwitch> returnToHost(Supplier<LiveStream> hostStream, Duration timeout);

    /** Closes the leg and the connection; idempotent. */
    @Override
    void close();
}
