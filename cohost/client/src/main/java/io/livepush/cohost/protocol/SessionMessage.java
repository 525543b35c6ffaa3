package io.livepush.cohost.protocol;

import io.livepush.cohost.token.CohostToken;
import java.util.Objects;

/**
 * The messages that open a signaling connection and refuse a request: the client's {@link Hello}, the
 * server's {@link Welcome}, and an {@link Error} in answer to any request.
 */
public sealed interface SessionMessage extends SignalMessage {
    /** @param token the signed co-host token of the connecting user */
    record Hello(String token) implements SessionMessage {
        /**
         * Checks the token's length (its signature is the server's to verify).
         *
         * @param token the signed co-host token of the connecting user, 1..4096 characters
         * @throws NullPointerException when {@code token} is null
         * @throws IllegalArgumentException when {@code token} is empty or longer than 4096 characters
         */
        public Hello {
            MessageChecks.requireText("token", token, 4096);
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
    record Welcome(String userId, CohostToken.Role role, String roomId) implements SessionMessage {
        /**
         * Validates.
         *
         * @param userId the authenticated user, 1..{@value SignalMessage#MAX_ID_LENGTH} characters
         * @param role the role the token grants, not null
         * @param roomId the room the token opens, 1..{@value SignalMessage#MAX_ID_LENGTH} characters
         * @throws NullPointerException when a value is null
         * @throws IllegalArgumentException when an id is empty or longer than {@value SignalMessage#MAX_ID_LENGTH}
         *     characters
         */
        public Welcome {
            MessageChecks.requireId("userId", userId);
            Objects.requireNonNull(role, "role");
            MessageChecks.requireId("roomId", roomId);
        }

        @Override
        public String type() {
            return "welcome";
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
    record Error(CohostErrorCode code, String message, String inReplyTo) implements SessionMessage {
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
}
