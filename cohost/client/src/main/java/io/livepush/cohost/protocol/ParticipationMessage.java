package io.livepush.cohost.protocol;

import java.util.Objects;

/**
 * The messages that change who is in the mix: {@link Join} and its {@link Joined} answer, {@link Leave},
 * {@link Kick}, and the {@link Participant} events sent to everyone in the room.
 */
public sealed interface ParticipationMessage extends SignalMessage {
    /** @param invitationId the accepted invitation, or null when the host joins its own room */
    record Join(String invitationId) implements ParticipationMessage {
        /**
         * Validates.
         *
         * @param invitationId the accepted invitation, 1..{@value SignalMessage#MAX_ID_LENGTH} characters, or null when
         *     the host joins its own room
         * @throws IllegalArgumentException when {@code invitationId} is empty or longer than {@value
         *     SignalMessage#MAX_ID_LENGTH} characters
         */
        public Join {
            MessageChecks.requireOptionalId("invitationId", invitationId);
        }

        @Override
        public String type() {
            return "join";
        }
    }

    /** @param userId the user that is now a participant (the receiver itself) */
    record Joined(String userId) implements ParticipationMessage {
        /**
         * Validates.
         *
         * @param userId the user that is now a participant (the receiver itself), 1..{@value SignalMessage#MAX_ID_LENGTH}
         *     characters
         * @throws NullPointerException when {@code userId} is null
         * @throws IllegalArgumentException when {@code userId} is empty or longer than {@value
         *     SignalMessage#MAX_ID_LENGTH} characters
         */
        public Joined {
            MessageChecks.requireId("userId", userId);
        }

        @Override
        public String type() {
            return "joined";
        }
    }

    /** The participant leaves the mix (it stays connected). */
    record Leave() implements ParticipationMessage {
        @Override
        public String type() {
            return "leave";
        }
    }

    /** @param userId the participant the host removes; also sent to that participant */
    record Kick(String userId) implements ParticipationMessage {
        /**
         * Validates.
         *
         * @param userId the participant the host removes, 1..{@value SignalMessage#MAX_ID_LENGTH} characters
         * @throws NullPointerException when {@code userId} is null
         * @throws IllegalArgumentException when {@code userId} is empty or longer than {@value
         *     SignalMessage#MAX_ID_LENGTH} characters
         */
        public Kick {
            MessageChecks.requireId("userId", userId);
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
    record Participant(Event event, String userId) implements ParticipationMessage {
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
         * @param userId the user, 1..{@value SignalMessage#MAX_ID_LENGTH} characters
         * @throws NullPointerException when a value is null
         * @throws IllegalArgumentException when {@code userId} is empty or longer than {@value
         *     SignalMessage#MAX_ID_LENGTH} characters
         */
        public Participant {
            Objects.requireNonNull(event, "event");
            MessageChecks.requireId("userId", userId);
        }

        @Override
        public String type() {
            return "participant";
        }
    }
}
