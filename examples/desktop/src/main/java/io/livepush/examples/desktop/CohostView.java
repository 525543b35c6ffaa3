package io.livepush.examples.desktop;

import io.livepush.cohost.client.Invitation;
import io.livepush.cohost.client.InvitationOutcome;

/**
 * What the {@link CohostController} tells the co-host panel. Every method is called on the event
 * dispatch thread, one at a time; none may block.
 */
public interface CohostView {
    /** Connecting to the signaling server: show progress. */
    void connecting(String server);

    /** Signed in. @param userId this user @param role HOST or GUEST */
    void connected(String userId, String role);

    /** The connection closed; the lists are stale. */
    void disconnected();

    /** An invitation this host sent was registered by the server. */
    void invitationSent(String toUserId);

    /** An invitation this host sent ended. */
    void invitationEnded(String toUserId, InvitationOutcome outcome);

    /** A host invited this user: list it with Accept and Decline. */
    void invited(Invitation invitation);

    /** An invitation this user received was answered or ended: remove it from the list. */
    void invitationClosed(Invitation invitation, String words);

    /** A participant joined the mix. */
    void participantJoined(String userId);

    /** A participant left the mix. */
    void participantLeft(String userId);

    /** Something failed; the words say what. */
    void error(String words);
}
