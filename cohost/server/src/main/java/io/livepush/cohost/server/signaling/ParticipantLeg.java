package io.livepush.cohost.server.signaling;

/**
 * The mixer's end of one participant's WebRTC leg, as the signaling server sees it: a place to hand
 * the participant's trickled ICE candidates. Called on the server's mixer-call thread.
 */
public interface ParticipantLeg {
    /**
     * @param sdpMid the media stream id, may be null
     * @param sdpMLineIndex the m-line index
     * @param candidate the candidate line
     */
    void addRemoteCandidate(String sdpMid, int sdpMLineIndex, String candidate);
}
