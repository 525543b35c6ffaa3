package io.livepush.cohost.rtc;

/**
 * Where a WebRTC leg sends its half of the signaling: its session description and its ICE
 * candidates. The legs know nothing of the transport; the co-host client sends these over the
 * signaling WebSocket, tests wire two legs directly in one JVM.
 *
 * <p>Called on the leg's own event thread ({@code livepush-rtc-<leg>-events}), never on a
 * webrtc-java native thread, in the order the leg produced them (the description always before
 * the first candidate). Implementations must not block for long; they may call into another leg.
 */
public interface LegSignaling {
    /**
     * Sends a session description.
     *
     * @param type {@code "offer"} (from a {@link PublishingLeg}) or {@code "answer"} (from a
     *     {@link ReceivingLeg})
     * @param sdp the SDP text
     */
    void sendDescription(String type, String sdp);

    /**
     * Sends one local ICE candidate (trickle ICE).
     *
     * @param sdpMid the media stream id the candidate belongs to
     * @param sdpMLineIndex the index of its m-line
     * @param candidate the {@code candidate:...} attribute value
     */
    void sendCandidate(String sdpMid, int sdpMLineIndex, String candidate);
}
