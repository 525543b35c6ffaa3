package io.livepush.cohost.protocol;

import java.util.Objects;

/**
 * The messages of an invitation's life: the host's {@link Invite} and its {@link Invited} acknowledgement,
 * the guest's {@link Invitation}, the answers {@link Accept}, {@link Decline} and {@link Cancel}, and the
 * {@link InviteResult} that ends it.
 */
public sealed interface InvitationMessage extends SignalMessage {
    /** @param toUserId the user the host invites */
    record Invite(String toUserId) implements InvitationMessage {
        /**
         * Validates.
         *
         * @param toUserId the user the host invites, 1..{@value SignalMessage#MAX_ID_LENGTH} characters
         * @throws NullPointerException when {@code toUserId} is null
         * @throws IllegalArgumentException when {@code toUserId} is empty or longer than {@value
         *     SignalMessage#MAX_ID_LENGTH} characters
         */
        public Invite {
            MessageChecks.requireId("toUserId", toUserId);
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
    record Invited(String invitationId, String toUserId, long expiresAtMs) implements InvitationMessage {
        /**
         * Validates.
         *
         * @param invitationId the id the host may cancel, 1..{@value SignalMessage#MAX_ID_LENGTH} characters
         * @param toUserId the invited user, 1..{@value SignalMessage#MAX_ID_LENGTH} characters
         * @param expiresAtMs when the invitation expires, epoch milliseconds; not checked
         * @throws NullPointerException when an id is null
         * @throws IllegalArgumentException when an id is empty or longer than {@value SignalMessage#MAX_ID_LENGTH}
         *     characters
         */
        public Invited {
            MessageChecks.requireId("invitationId", invitationId);
            MessageChecks.requireId("toUserId", toUserId);
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
    record Invitation(String invitationId, String fromUserId, String roomId, long expiresAtMs) implements InvitationMessage {
        /**
         * Validates.
         *
         * @param invitationId the id to accept or decline, 1..{@value SignalMessage#MAX_ID_LENGTH} characters
         * @param fromUserId the inviting host, 1..{@value SignalMessage#MAX_ID_LENGTH} characters
         * @param roomId the room, 1..{@value SignalMessage#MAX_ID_LENGTH} characters
         * @param expiresAtMs when it expires, epoch milliseconds; not checked
         * @throws NullPointerException when an id is null
         * @throws IllegalArgumentException when an id is empty or longer than {@value SignalMessage#MAX_ID_LENGTH}
         *     characters
         */
        public Invitation {
            MessageChecks.requireId("invitationId", invitationId);
            MessageChecks.requireId("fromUserId", fromUserId);
            MessageChecks.requireId("roomId", roomId);
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
    record InviteResult(String invitationId, Outcome outcome) implements InvitationMessage {
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
         * @param invitationId the invitation, 1..{@value SignalMessage#MAX_ID_LENGTH} characters
         * @param outcome how it ended, not null
         * @throws NullPointerException when a value is null
         * @throws IllegalArgumentException when {@code invitationId} is empty or longer than {@value
         *     SignalMessage#MAX_ID_LENGTH} characters
         */
        public InviteResult {
            MessageChecks.requireId("invitationId", invitationId);
            Objects.requireNonNull(outcome, "outcome");
        }

        @Override
        public String type() {
            return "inviteResult";
        }
    }

    /** @param invitationId the invitation the guest accepts */
    record Accept(String invitationId) implements InvitationMessage {
        /**
         * Validates.
         *
         * @param invitationId the invitation the guest accepts, 1..{@value SignalMessage#MAX_ID_LENGTH} characters
         * @throws NullPointerException when {@code invitationId} is null
         * @throws IllegalArgumentException when {@code invitationId} is empty or longer than {@value
         *     SignalMessage#MAX_ID_LENGTH} characters
         */
        public Accept {
            MessageChecks.requireId("invitationId", invitationId);
        }

        @Override
        public String type() {
            return "accept";
        }
    }

    /** @param invitationId the invitation the guest declines */
    record Decline(String invitationId) implements InvitationMessage {
        /**
         * Validates.
         *
         * @param invitationId the invitation the guest declines, 1..{@value SignalMessage#MAX_ID_LENGTH} characters
         * @throws NullPointerException when {@code invitationId} is null
         * @throws IllegalArgumentException when {@code invitationId} is empty or longer than {@value
         *     SignalMessage#MAX_ID_LENGTH} characters
         */
        public Decline {
            MessageChecks.requireId("invitationId", invitationId);
        }

        @Override
        public String type() {
            return "decline";
        }
    }

    /** @param invitationId the invitation the host withdraws */
    record Cancel(String invitationId) implements InvitationMessage {
        /**
         * Validates.
         *
         * @param invitationId the invitation the host withdraws, 1..{@value SignalMessage#MAX_ID_LENGTH} characters
         * @throws NullPointerException when {@code invitationId} is null
         * @throws IllegalArgumentException when {@code invitationId} is empty or longer than {@value
         *     SignalMessage#MAX_ID_LENGTH} characters
         */
        public Cancel {
            MessageChecks.requireId("invitationId", invitationId);
        }

        @Override
        public String type() {
            return "cancel";
        }
    }
}
