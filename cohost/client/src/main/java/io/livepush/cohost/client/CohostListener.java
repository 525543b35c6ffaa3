package io.livepush.cohost.client;

import io.livepush.cohost.CohostException;
import java.time.Instant;

/**
 * Events of one {@link CohostSession}. Every method is called on the session's own thread
 * ({@code livepush-cohost-client-N}), never on the Netty event loop, one at a time in the order the
 * server sent them; implementations must not block (hand long work to another thread).
 */
public interface CohostListener {
    /**
     * A host invited this user; answer with {@link Invitation#accept()} or {@link Invitation#decline()}.
     *
     * @param invitation the invitation, with the inviting host and the room; answer it before
     *     {@link Invitation#expiresAt()}
     */
    default void onInvited(Invitation invitation) {
    }

    /**
     * The server registered an invitation this host sent (the id {@link CohostSession#cancel} takes).
     *
     * @param invitationId the new invitation's id
     * @param toUserId the invited user
     * @param expiresAt when it expires unanswered
     */
    default void onInvitationSent(String invitationId, String toUserId, Instant expiresAt) {
    }

    /**
     * Another user became a participant of the room.
     *
     * @param userId the new participant's user id
     */
    default void onParticipantJoined(String userId) {
    }

    /**
     * Another participant left, was kicked or dropped.
     *
     * @param userId the former participant's user id
     */
    default void onParticipantLeft(String userId) {
    }

    /** The host removed this user from the mix; its leg is closed, the session stays connected. */
    default void onKicked() {
    }

    /**
     * The server refused something no pending call was waiting for, or a leg failed.
     *
     * @param error what went wrong; {@link CohostException#code()} names the reason
     */
    default void onError(CohostException error) {
    }

    /** The signaling connection closed (by either side); the session is over. */
    default void onClosed() {
    }
}
