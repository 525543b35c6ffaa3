package io.livepush.cohost.protocol;

/**
 * Why the signaling server refused a request (the {@code code} of an {@code error} message). The
 * wire form is the constant's name, e.g. {@code "NOT_HOST"}.
 */
public enum CohostErrorCode {
    /** No valid token: no {@code hello} yet, a malformed token, or a request before authentication. */
    UNAUTHORIZED,
    /** The token's {@code expiresAt} has passed. */
    TOKEN_EXPIRED,
    /** The token's signature does not match (signed with another secret, or altered). */
    FORGED_TOKEN,
    /** The message is not valid JSON or lacks a required field. */
    MALFORMED_MESSAGE,
    /** The message type is not known, or not one the receiver accepts in this direction. */
    UNKNOWN_MESSAGE,
    /** There is no invitation for this user under that id (or a guest tried to join without one). */
    NOT_INVITED,
    /** The invitation's time to live ran out before it was answered. */
    INVITATION_EXPIRED,
    /** The invitation was already answered or used to join: invitations are single use. */
    INVITATION_USED,
    /** The host cancelled the invitation. */
    INVITATION_CANCELLED,
    /** Only a host may invite, cancel and kick. */
    NOT_HOST,
    /** The named user is not connected to this room (or not a participant, for kick). */
    UNKNOWN_USER,
    /** The room already has its maximum number of participants. */
    ROOM_FULL,
    /** The mixer refused or could not take the participant's leg. */
    MIXER_UNAVAILABLE,
    /**
     * A handover message the audience key's handover does not expect now: {@code hostUnpublished}
     * before {@code mixReady}, {@code hostLive} without a return, or a second {@code handoverRequest}
     * while one runs or the mix already holds the key.
     */
    HANDOVER_OUT_OF_ORDER,
    /** The mix was not ready (a picture from every participant) within the handover's timeout. */
    MIX_NOT_READY,
    /** An unexpected failure on the other side. */
    INTERNAL
}
