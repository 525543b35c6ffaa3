package io.livepush.cohost.client;

/** How an invitation ended, as both the host and the invited guest learn it. */
public enum InvitationOutcome {
    /** The guest accepted; it may now join once. */
    ACCEPTED,
    /** The guest declined. */
    DECLINED,
    /** Nobody answered within the invitation's time to live. */
    EXPIRED,
    /** The host cancelled it (or disconnected). */
    CANCELLED
}
