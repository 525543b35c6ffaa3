package io.livepush.cohost.token;

import java.time.Instant;
import java.util.Objects;

/**
 * The claims of a co-host token: who the bearer is, in which room, with which role, until when.
 * The application's backend creates one per user and signs it with {@link TokenSigner}; the signaling
 * server checks it with {@link TokenVerifier} before anything else.
 *
 * @param userId the bearer's user id: 1..128 characters, no control characters
 * @param role {@link Role#HOST} may invite, cancel and kick; {@link Role#GUEST} may only answer invitations
 * @param roomId the room the bearer may enter: 1..128 characters, no control characters
 * @param expiresAt the instant from which the token is refused (millisecond precision on the wire)
 */
public record CohostToken(String userId, Role role, String roomId, Instant expiresAt) {

    /** Longest user or room id accepted. */
    public static final int MAX_ID_LENGTH = 128;

    /** What the bearer may do in the room. */
    public enum Role {
        /** Owns the room's audience stream: invites guests, cancels invitations, kicks participants. */
        HOST,
        /** Joins the room only through an invitation it accepted. */
        GUEST
    }

    /**
     * Validates the claims.
     *
     * @param userId the bearer's user id: 1..{@value #MAX_ID_LENGTH} characters, no control characters
     * @param role what the bearer may do, never null
     * @param roomId the room the bearer may enter: 1..{@value #MAX_ID_LENGTH} characters, no control characters
     * @param expiresAt the instant from which the token is refused, never null
     * @throws IllegalArgumentException when an id is empty, longer than {@value #MAX_ID_LENGTH} characters or holds a
     *     control character
     * @throws NullPointerException when any claim is null
     */
    public CohostToken {
        requireId("userId", userId);
        Objects.requireNonNull(role, "role");
        requireId("roomId", roomId);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    static void requireId(String what, String id) {
        Objects.requireNonNull(id, what);
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(
                    what + " is " + id.length() + " characters (expected 1.." + MAX_ID_LENGTH + ")");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                throw new IllegalArgumentException(
                        what + " contains control character U+" + String.format("%04X", (int) id.charAt(i))
                                + " at index " + i + " (expected printable characters)");
            }
        }
    }
}
