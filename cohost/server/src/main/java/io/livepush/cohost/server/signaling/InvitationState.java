package io.livepush.cohost.server.signaling;

/**
 * Where an invitation is in its life: {@code INVITED -> ACCEPTED | DECLINED | EXPIRED | CANCELLED},
 * and an accepted one {@code -> JOINED -> LEFT}. Only {@code INVITED} can be answered; only
 * {@code ACCEPTED} can be used to join, once.
 */
public enum InvitationState {
    /** Sent, waiting for the guest's answer. */
    INVITED,
    /** The guest accepted; it may join once. */
    ACCEPTED,
    /** The guest declined. */
    DECLINED,
    /** Nobody answered within the time to live. */
    EXPIRED,
    /** The host withdrew it. */
    CANCELLED,
    /** The guest joined the mix with it. */
    JOINED,
    /** The guest left, was kicked or dropped. */
    LEFT
}
