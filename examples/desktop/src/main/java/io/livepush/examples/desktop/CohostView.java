package io.livepush.examples.desktop;

import io.livepush.cohost.client.Invitation;
import io.livepush.cohost.client.InvitationOutcome;

/**
 * What the {@link CohostController} tells the co-host panel. Every method is called on the event
 * dispatch thread, one at a time; none may block.
 */
public interface CohostView {
    /**
     * Connecting to the signaling server: show progress.
     *
     * @param server the server's URI as text
     */
    void connecting(String server);

    /**
     * Signed in.
     *
     * @param userId this user
     * @param role {@code HOST} or {@code GUEST}
     */
    void connected(String userId, String role);

    /** The connection closed; the lists are stale. */
    void disconnected();

    /**
     * An invitation this host sent was registered by the server.
     *
     * @param toUserId the invited user
     */
    void invitationSent(String toUserId);

    /**
     * An invitation this host sent ended.
     *
     * @param toUserId the invited user
     * @param outcome how it ended
     */
    void invitationEnded(String toUserId, InvitationOutcome outcome);

    /**
     * A host invited this user: list it with Accept and Decline.
     *
     * @param invitation the invitation, to hand back to {@link CohostController#accept} or
     *     {@link CohostController#decline}
     */
    void invited(Invitation invitation);

    /**
     * An invitation this user received was answered or ended: remove it from the list.
     *
     * @param invitation the invitation given to {@link #invited}
     * @param words what happened, as a sentence to show
     */
    void invitationClosed(Invitation invitation, String words);

    /**
     * A participant joined the mix.
     *
     * @param userId the participant
     */
    void participantJoined(String userId);

    /**
     * A participant left the mix.
     *
     * @param userId the participant
     */
    void participantLeft(String userId);

    /**
     * Something failed.
     *
     * @param words what failed, as a sentence to show
     */
    void error(String words);
}
