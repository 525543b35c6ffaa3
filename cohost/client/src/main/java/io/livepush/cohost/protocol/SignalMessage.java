package io.livepush.cohost.protocol;

import io.livepush.cohost.token.CohostToken;
import java.util.Objects;

/**
 * One message of the co-host signaling protocol: a JSON object sent as one WebSocket text frame,
 * whose {@code "type"} field names the record (see {@link SignalCodec}). Directions: C = client to
 * server, S = server to client.
 *
 * <pre>
 * C hello{token}                      first message; the server answers welcome or error and closes
 * S welcome{userId, role, roomId}
 * C invite{toUserId}                  host only; S invited{invitationId, toUserId, expiresAtMs} acknowledges
 * S invitation{invitationId, fromUserId, roomId, expiresAtMs}   to the invited guest
 * S inviteResult{invitationId, outcome}  to host and guest when the invitation ends
 * C accept / decline / cancel{invitationId}
 * C join{invitationId | null for the host}  S joined{userId}
 * S participant{event, userId}        JOINED / LEFT, to everyone in the room
 * C leave{}  C kick{userId} (host) -> S kick{userId} to the kicked participant
 * C offer{sdp} S answer{sdp} C/S ice{sdpMid, sdpMLineIndex, candidate}
 * S error{code, message, inReplyTo}
 *
 * The audience key's handover (host only; cohost/HANDOVER.md):
 * C handoverRequest{timeoutMs}  S mixReady{}         the mix shows everyone and can publish at once
 * C hostUnpublished{}           S mixLive{} | mixFailed{stage, reason}
 *                               S mixFailed{HOST_UNPUBLISH} when no hostUnpublished came within timeoutMs of mixReady
 * C returnRequest{}             S mixUnpublished{}   the mixer no longer publishes to the audience key
 * C hostLive{}                                       the host's own stream holds the key again
 * </pre>
 */
public sealed interface SignalMessage {
    /** Longest id (user, room, invitation) accepted in a message. */
    int MAX_ID_LENGTH = 128;
    /** Longest SDP or candidate accepted in a message, in characters. */
    int MAX_SDP_LENGTH = 60_000;
    /** Shortest {@link HandoverRequest#timeoutMs()}. */
    long MIN_HANDOVER_TIMEOUT_MS = 100;
    /** Longest {@link HandoverRequest#timeoutMs()}. */
    long MAX_HANDOVER_TIMEOUT_MS = 120_000;

    /** @return the wire name of this message, the value of its {@code "type"} field */
    String type();

    /** @param token the signed co-host token of the connecting user */
    record Hello(String token) implements SignalMessage {
        /**
         * Checks the token's length (its signature is the server's to verify).
         *
         * @param token the signed co-host token of the connecting user, 1..4096 characters
         * @throws NullPointerException when {@code token} is null
         * @throws IllegalArgumentException when {@code token} is empty or longer than 4096 characters
         */
        public Hello {
            requireText("token", token, 4096);
        }

        @Override
        public String type() {
            return "hello";
        }

        @Override
        public String toString() {
            return "Hello[token=<" + token.length() + " chars>]";
        }
    }

    /**
     * @param userId the authenticated user
     * @param role the role the token grants
     * @param roomId the room the token opens
     */
    record Welcome(String userId, CohostToken.Role role, String roomId) implements SignalMessage {
        /**
         * Validates.
         *
         * @param userId the authenticated user, 1..{@value #MAX_ID_LENGTH} characters
         * @param role the role the token grants, not null
         * @param roomId the room the token opens, 1..{@value #MAX_ID_LENGTH} characters
         * @throws NullPointerException when a value is null
         * @throws IllegalArgumentException when an id is empty or longer than {@value #MAX_ID_LENGTH}
         *     characters
         */
        public Welcome {
            requireId("userId", userId);
            Objects.requireNonNull(role, "role");
            requireId("roomId", roomId);
        }

        @Override
        public String type() {
            return "welcome";
        }
    }

    /** @param toUserId the user the host invites */
    record Invite(String toUserId) implements SignalMessage {
        /**
         * Validates.
         *
         * @param toUserId the user the host invites, 1..{@value #MAX_ID_LENGTH} characters
         * @throws NullPointerException when {@code toUserId} is null
         * @throws IllegalArgumentException when {@code toUserId} is empty or longer than {@value
         *     #MAX_ID_LENGTH} characters
         */
        public Invite {
            requireId("toUserId", toUserId);
        }

        @Override
        public String type() {
            return "invite";
        }
    }

    /**
     * The server's acknowledgement of an {@link Invite} to the host, naming the new invitation.
     *
     * @param invitationId the id the host may cancel
     * @param toUserId the invited user
     * @param expiresAtMs when the invitation expires, epoch milliseconds
     */
    record Invited(String invitationId, String toUserId, long expiresAtMs) implements SignalMessage {
        /**
         * Validates.
         *
         * @param invitationId the id the host may cancel, 1..{@value #MAX_ID_LENGTH} characters
         * @param toUserId the invited user, 1..{@value #MAX_ID_LENGTH} characters
         * @param expiresAtMs when the invitation expires, epoch milliseconds; not checked
         * @throws NullPointerException when an id is null
         * @throws IllegalArgumentException when an id is empty or longer than {@value #MAX_ID_LENGTH}
         *     characters
         */
        public Invited {
            requireId("invitationId", invitationId);
            requireId("toUserId", toUserId);
        }

        @Override
        public String type() {
            return "invited";
        }
    }

    /**
     * An invitation delivered to the invited guest.
     *
     * @param invitationId the id to accept or decline
     * @param fromUserId the inviting host
     * @param roomId the room
     * @param expiresAtMs when it expires, epoch milliseconds
     */
    record Invitation(String invitationId, String fromUserId, String roomId, long expiresAtMs) implements SignalMessage {
        /**
         * Validates.
         *
         * @param invitationId the id to accept or decline, 1..{@value #MAX_ID_LENGTH} characters
         * @param fromUserId the inviting host, 1..{@value #MAX_ID_LENGTH} characters
         * @param roomId the room, 1..{@value #MAX_ID_LENGTH} characters
         * @param expiresAtMs when it expires, epoch milliseconds; not checked
         * @throws NullPointerException when an id is null
         * @throws IllegalArgumentException when an id is empty or longer than {@value #MAX_ID_LENGTH}
         *     characters
         */
        public Invitation {
            requireId("invitationId", invitationId);
            requireId("fromUserId", fromUserId);
            requireId("roomId", roomId);
        }

        @Override
        public String type() {
            return "invitation";
        }
    }

    /**
     * How an invitation ended; sent to both the host and the guest.
     *
     * @param invitationId the invitation
     * @param outcome how it ended
     */
    record InviteResult(String invitationId, Outcome outcome) implements SignalMessage {
        /** How an invitation ended. */
        public enum Outcome {
            /** The guest accepted. */
            ACCEPTED,
            /** The guest declined. */
            DECLINED,
            /** Nobody answered within the invitation's time to live. */
            EXPIRED,
            /** The host cancelled it. */
            CANCELLED
        }

        /**
         * Validates.
         *
         * @param invitationId the invitation, 1..{@value #MAX_ID_LENGTH} characters
         * @param outcome how it ended, not null
         * @throws NullPointerException when a value is null
         * @throws IllegalArgumentException when {@code invitationId} is empty or longer than {@value
         *     #MAX_ID_LENGTH} characters
         */
        public InviteResult {
            requireId("invitationId", invitationId);
            Objects.requireNonNull(outcome, "outcome");
        }

        @Override
        public String type() {
            return "inviteResult";
        }
    }

    /** @param invitationId the invitation the guest accepts */
    record Accept(String invitationId) implements SignalMessage {
        /**
         * Validates.
         *
         * @param invitationId the invitation the guest accepts, 1..{@value #MAX_ID_LENGTH} characters
         * @throws NullPointerException when {@code invitationId} is null
         * @throws IllegalArgumentException when {@code invitationId} is empty or longer than {@value
         *     #MAX_ID_LENGTH} characters
         */
        public Accept {
            requireId("invitationId", invitationId);
        }

        @Override
        public String type() {
            return "accept";
        }
    }

    /** @param invitationId the invitation the guest declines */
    record Decline(String invitationId) implements SignalMessage {
        /**
         * Validates.
         *
         * @param invitationId the invitation the guest declines, 1..{@value #MAX_ID_LENGTH} characters
         * @throws NullPointerException when {@code invitationId} is null
         * @throws IllegalArgumentException when {@code invitationId} is empty or longer than {@value
         *     #MAX_ID_LENGTH} characters
         */
        public Decline {
            requireId("invitationId", invitationId);
        }

        @Override
        public String type() {
            return "decline";
        }
    }

    /** @param invitationId the invitation the host withdraws */
    record Cancel(String invitationId) implements SignalMessage {
        /**
         * Validates.
         *
         * @param invitationId the invitation the host withdraws, 1..{@value #MAX_ID_LENGTH} characters
         * @throws NullPointerException when {@code invitationId} is null
         * @throws IllegalArgumentException when {@code invitationId} is empty or longer than {@value
         *     #MAX_ID_LENGTH} characters
         */
        public Cancel {
            requireId("invitationId", invitationId);
        }

        @Override
        public String type() {
            return "cancel";
        }
    }

    /** @param invitationId the accepted invitation, or null when the host joins its own room */
    record Join(String invitationId) implements SignalMessage {
        /**
         * Validates.
         *
         * @param invitationId the accepted invitation, 1..{@value #MAX_ID_LENGTH} characters, or null when
         *     the host joins its own room
         * @throws IllegalArgumentException when {@code invitationId} is empty or longer than {@value
         *     #MAX_ID_LENGTH} characters
         */
        public Join {
            if (invitationId != null) {
                requireId("invitationId", invitationId);
            }
        }

        @Override
        public String type() {
            return "join";
        }
    }

    /** @param userId the user that is now a participant (the receiver itself) */
    record Joined(String userId) implements SignalMessage {
        /**
         * Validates.
         *
         * @param userId the user that is now a participant (the receiver itself), 1..{@value #MAX_ID_LENGTH}
         *     characters
         * @throws NullPointerException when {@code userId} is null
         * @throws IllegalArgumentException when {@code userId} is empty or longer than {@value
         *     #MAX_ID_LENGTH} characters
         */
        public Joined {
            requireId("userId", userId);
        }

        @Override
        public String type() {
            return "joined";
        }
    }

    /** The participant leaves the mix (it stays connected). */
    record Leave() implements SignalMessage {
        @Override
        public String type() {
            return "leave";
        }
    }

    /** @param userId the participant the host removes; also sent to that participant */
    record Kick(String userId) implements SignalMessage {
        /**
         * Validates.
         *
         * @param userId the participant the host removes, 1..{@value #MAX_ID_LENGTH} characters
         * @throws NullPointerException when {@code userId} is null
         * @throws IllegalArgumentException when {@code userId} is empty or longer than {@value
         *     #MAX_ID_LENGTH} characters
         */
        public Kick {
            requireId("userId", userId);
        }

        @Override
        public String type() {
            return "kick";
        }
    }

    /**
     * @param event whether the user joined or left the mix
     * @param userId the user
     */
    record Participant(Event event, String userId) implements SignalMessage {
        /** Membership change. */
        public enum Event {
            /** The user became a participant. */
            JOINED,
            /** The user left, was kicked or dropped. */
            LEFT
        }

        /**
         * Validates.
         *
         * @param event whether the user joined or left the mix, not null
         * @param userId the user, 1..{@value #MAX_ID_LENGTH} characters
         * @throws NullPointerException when a value is null
         * @throws IllegalArgumentException when {@code userId} is empty or longer than {@value
         *     #MAX_ID_LENGTH} characters
         */
        public Participant {
            Objects.requireNonNull(event, "event");
            requireId("userId", userId);
        }

        @Override
        public String type() {
            return "participant";
        }
    }

    /** @param sdp the participant's SDP offer for its leg to the mixer */
    record Offer(String sdp) implements SignalMessage {
        /**
         * Validates.
         *
         * @param sdp the participant's SDP offer, 1..{@value #MAX_SDP_LENGTH} characters
         * @throws NullPointerException when {@code sdp} is null
         * @throws IllegalArgumentException when {@code sdp} is empty or longer than {@value #MAX_SDP_LENGTH}
         *     characters
         */
        public Offer {
            requireText("sdp", sdp, MAX_SDP_LENGTH);
        }

        @Override
        public String type() {
            return "offer";
        }
    }

    /** @param sdp the mixer's SDP answer */
    record Answer(String sdp) implements SignalMessage {
        /**
         * Validates.
         *
         * @param sdp the mixer's SDP answer, 1..{@value #MAX_SDP_LENGTH} characters
         * @throws NullPointerException when {@code sdp} is null
         * @throws IllegalArgumentException when {@code sdp} is empty or longer than {@value #MAX_SDP_LENGTH}
         *     characters
         */
        public Answer {
            requireText("sdp", sdp, MAX_SDP_LENGTH);
        }

        @Override
        public String type() {
            return "answer";
        }
    }

    /**
     * A trickled ICE candidate (RFC 8838), either direction.
     *
     * @param sdpMid the media stream id, may be null
     * @param sdpMLineIndex the m-line index, 0..1023
     * @param candidate the candidate line
     */
    record Ice(String sdpMid, int sdpMLineIndex, String candidate) implements SignalMessage {
        /**
         * Validates.
         *
         * @param sdpMid the media stream id, 1..{@value #MAX_ID_LENGTH} characters, or null
         * @param sdpMLineIndex the m-line index, 0..1023
         * @param candidate the candidate line, 0..{@value #MAX_SDP_LENGTH} characters
         * @throws NullPointerException when {@code candidate} is null
         * @throws IllegalArgumentException when {@code sdpMid} is empty or too long, {@code sdpMLineIndex} is
         *     outside 0..1023 or {@code candidate} is too long
         */
        public Ice {
            if (sdpMid != null) {
                requireText("sdpMid", sdpMid, MAX_ID_LENGTH);
            }
            if (sdpMLineIndex < 0 || sdpMLineIndex > 1023) {
                throw new IllegalArgumentException("sdpMLineIndex is " + sdpMLineIndex + " (expected 0..1023)");
            }
            Objects.requireNonNull(candidate, "candidate");
            if (candidate.length() > MAX_SDP_LENGTH) {
                throw new IllegalArgumentException("candidate is " + candidate.length() + " characters (expected at most " + MAX_SDP_LENGTH + ")");
            }
        }

        @Override
        public String type() {
            return "ice";
        }
    }

    /**
     * The host asks the mixer to take the audience key: the mixer answers {@link MixReady} once every
     * participant in the mix has delivered a picture, or {@link MixFailed} (stage {@code READY}) when
     * that takes longer than {@code timeoutMs}. The audience URL is the mixer's own configuration.
     *
     * @param timeoutMs how long the mixer may take to get ready, {@value #MIN_HANDOVER_TIMEOUT_MS}..{@value
     *     #MAX_HANDOVER_TIMEOUT_MS}; the same bound applies to the host's {@link HostUnpublished} after
     *     {@link MixReady} (else {@link MixFailed} stage {@code HOST_UNPUBLISH}) and to the mixer's publish after it
     */
    record HandoverRequest(long timeoutMs) implements SignalMessage {
        /**
         * Validates.
         *
         * @param timeoutMs how long the mixer may take to get ready, {@value
         *     #MIN_HANDOVER_TIMEOUT_MS}..{@value #MAX_HANDOVER_TIMEOUT_MS} ms
         * @throws IllegalArgumentException when {@code timeoutMs} is outside that range
         */
        public HandoverRequest {
            if (timeoutMs < MIN_HANDOVER_TIMEOUT_MS || timeoutMs > MAX_HANDOVER_TIMEOUT_MS) {
                throw new IllegalArgumentException("timeoutMs is " + timeoutMs + " (expected "
                        + MIN_HANDOVER_TIMEOUT_MS + ".." + MAX_HANDOVER_TIMEOUT_MS + ")");
            }
        }

        @Override
        public String type() {
            return "handoverRequest";
        }
    }

    /** The mix is composed with everyone and will publish the moment the host has unpublished. */
    record MixReady() implements SignalMessage {
        @Override
        public String type() {
            return "mixReady";
        }
    }

    /** The host's own stream has left the audience key; the mixer publishes to it now. */
    record HostUnpublished() implements SignalMessage {
        @Override
        public String type() {
            return "hostUnpublished";
        }
    }

    /** The ingest accepted the mix on the audience key; its first frame was a keyframe. */
    record MixLive() implements SignalMessage {
        @Override
        public String type() {
            return "mixLive";
        }
    }

    /**
     * The mixer could not take the audience key; it does not publish to it.
     *
     * @param stage where it failed: {@code READY} (the host's stream was never touched and goes on),
     *     {@code HOST_UNPUBLISH} (the mixer stopped waiting for the host's {@code hostUnpublished}; the mix did
     *     not publish and the host keeps or takes back the key) or {@code PUBLISH} (the host has unpublished and
     *     must publish again)
     * @param reason a human-readable explanation
     */
    record MixFailed(Stage stage, String reason) implements SignalMessage {
        /** Where a handover failed. */
        public enum Stage {
            /** Not every participant delivered a picture in time. */
            READY,
            /** The ingest did not accept the mix in time. */
            PUBLISH,
            /**
             * The host did not send {@code hostUnpublished} within the request's {@code timeoutMs} of
             * {@code mixReady}; the mixer went back to waiting for a new request and never published.
             */
            HOST_UNPUBLISH
        }

        /**
         * Validates.
         *
         * @param stage where it failed, not null
         * @param reason a human-readable explanation, not null (may be empty)
         * @throws NullPointerException when a value is null
         */
        public MixFailed {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String type() {
            return "mixFailed";
        }
    }

    /**
     * The host asks for the audience key back (or abandons a handover it started): the mixer stops
     * publishing and answers {@link MixUnpublished}, in any state.
     */
    record ReturnRequest() implements SignalMessage {
        @Override
        public String type() {
            return "returnRequest";
        }
    }

    /** The mixer no longer publishes to the audience key (its legs stay); the host may publish. */
    record MixUnpublished() implements SignalMessage {
        @Override
        public String type() {
            return "mixUnpublished";
        }
    }

    /** The host's own stream publishes to the audience key again. */
    record HostLive() implements SignalMessage {
        @Override
        public String type() {
            return "hostLive";
        }
    }

    /**
     * A refusal.
     *
     * @param code the typed reason
     * @param message a human-readable explanation
     * @param inReplyTo the refused request as {@code TYPE} or {@code TYPE:SUBJECT} (the invitation or user id it
     *     named, e.g. {@code accept:3f2a...}, {@code invite:bob}), or null when it answers no request
     */
    record Error(CohostErrorCode code, String message, String inReplyTo) implements SignalMessage {
        /**
         * Validates.
         *
         * @param code the typed reason, not null
         * @param message a human-readable explanation, not null
         * @param inReplyTo the refused request as {@code TYPE} or {@code TYPE:SUBJECT}, or null when it
         *     answers no request
         * @throws NullPointerException when {@code code} or {@code message} is null
         */
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        /** @return the type part of {@link #inReplyTo()}, or null */
        public String inReplyToType() {
            if (inReplyTo == null) {
                return null;
            }
            int colon = inReplyTo.indexOf(':');
            return colon < 0 ? inReplyTo : inReplyTo.substring(0, colon);
        }

        /** @return the subject part of {@link #inReplyTo()}, or null */
        public String inReplyToSubject() {
            if (inReplyTo == null) {
                return null;
            }
            int colon = inReplyTo.indexOf(':');
            return colon < 0 ? null : inReplyTo.substring(colon + 1);
        }

        @Override
        public String type() {
            return "error";
        }
    }

    private static void requireId(String what, String value) {
        requireText(what, value, MAX_ID_LENGTH);
    }

    private static void requireText(String what, String value, int max) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters (expected 1.." + max + ")");
        }
    }
}
