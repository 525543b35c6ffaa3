package io.livepush.cohost.protocol;

/**
 * One message of the co-host signaling protocol: a JSON object sent as one WebSocket text frame,
 * whose {@code "type"} field names the record (see {@link SignalCodec}). Directions: C = client to
 * server, S = server to client.
 *
 * <pre>
 * C hello{token}                      first message; the server answers welcome or error and closes
 * S welcome{userId, role, roomId}
 * C invite{toUserId}                  host only; S invited{invitationId, toUserId, expiresAtMs} acknowledges
 * S invitation{invitationId, fromUserId, roomId, expiresAtMs}   to the invited guest
 * S inviteResult{invitationId, outcome}  to host and guest when the invitation ends
 * C accept / decline / cancel{invitationId}
 * C join{invitationId | null for the host}  S joined{userId}
 * S participant{event, userId}        JOINED / LEFT, to everyone in the room
 * C leave{}  C kick{userId} (host) -> S kick{userId} to the kicked participant
 * C offer{sdp} S answer{sdp} C/S ice{sdpMid, sdpMLineIndex, candidate}
 * S error{code, message, inReplyTo}
 *
 * The audience key's handover (host only; cohost/HANDOVER.md):
 * C handoverRequest{timeoutMs}  S mixReady{}         the mix shows everyone and can publish at once
 * C hostUnpublished{}           S mixLive{} | mixFailed{stage, reason}
 *                               S mixFailed{HOST_UNPUBLISH} when no hostUnpublished came within timeoutMs of mixReady
 * C returnRequest{}             S mixUnpublished{}   the mixer no longer publishes to the audience key
 * C hostLive{}                                       the host's own stream holds the key again
 * </pre>
 *
 * <p>The records live in sealed sub-interfaces named after the part of the protocol they serve:
 * {@link SessionMessage} (hello, welcome, error), {@link InvitationMessage} (invite .. inviteResult),
 * {@link ParticipationMessage} (join, joined, leave, kick, participant), {@link MediaMessage} (offer,
 * answer, ice) and {@link HandoverMessage} (the audience key's handover).
 */
public sealed interface SignalMessage
        permits SessionMessage, InvitationMessage, ParticipationMessage, MediaMessage, HandoverMessage {
    /** Longest id (user, room, invitation) accepted in a message. */
    int MAX_ID_LENGTH = 128;
    /** Longest SDP or candidate accepted in a message, in characters. */
    int MAX_SDP_LENGTH = 60_000;
    /** Shortest {@link HandoverMessage.HandoverRequest#timeoutMs()}. */
    long MIN_HANDOVER_TIMEOUT_MS = 100;
    /** Longest {@link HandoverMessage.HandoverRequest#timeoutMs()}. */
    long MAX_HANDOVER_TIMEOUT_MS = 120_000;

    /** @return the wire name of this message, the value of its {@code "type"} field */
    String type();
}
