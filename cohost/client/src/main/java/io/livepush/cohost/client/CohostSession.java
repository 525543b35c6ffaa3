package io.livepush.cohost.client;

import io.livepush.capture.AudioSource;
import io.livepush.capture.VideoSource;
import io.livepush.cohost.token.CohostToken;
import java.util.concurrent.CompletableFuture;

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

    /** Closes the leg and the connection; idempotent. */
    @Override
    void close();
}
