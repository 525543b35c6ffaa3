package io.livepush.cohost.protocol;

/**
 * The media negotiation of a participant's leg to the mixer: the SDP {@link Offer} and {@link Answer}
 * and the trickled {@link Ice} candidates.
 */
public sealed interface MediaMessage extends SignalMessage {
    /** @param sdp the participant's SDP offer for its leg to the mixer */
    record Offer(String sdp) implements MediaMessage {
        /**
         * Validates.
         *
         * @param sdp the participant's SDP offer, 1..{@value SignalMessage#MAX_SDP_LENGTH} characters
         * @throws NullPointerException when {@code sdp} is null
         * @throws IllegalArgumentException when {@code sdp} is empty or longer than {@value SignalMessage#MAX_SDP_LENGTH}
         *     characters
         */
        public Offer {
            MessageChecks.requireText("sdp", sdp, MAX_SDP_LENGTH);
        }

        @Override
        public String type() {
            return "offer";
        }
    }

    /** @param sdp the mixer's SDP answer */
    record Answer(String sdp) implements MediaMessage {
        /**
         * Validates.
         *
         * @param sdp the mixer's SDP answer, 1..{@value SignalMessage#MAX_SDP_LENGTH} characters
         * @throws NullPointerException when {@code sdp} is null
         * @throws IllegalArgumentException when {@code sdp} is empty or longer than {@value SignalMessage#MAX_SDP_LENGTH}
         *     characters
         */
        public Answer {
            MessageChecks.requireText("sdp", sdp, MAX_SDP_LENGTH);
        }

        @Override
        public String type() {
            return "answer";
        }
    }

    /**
     * A trickled ICE candidate (RFC 8838), either direction.
     *
     * @param sdpMid the media stream id, may be null
     * @param sdpMLineIndex the m-line index, 0..1023
     * @param candidate the candidate line
     */
    record Ice(String sdpMid, int sdpMLineIndex, String candidate) implements MediaMessage {
        /**
         * Validates.
         *
         * @param sdpMid the media stream id, 1..{@value SignalMessage#MAX_ID_LENGTH} characters, or null
         * @param sdpMLineIndex the m-line index, 0..1023
         * @param candidate the candidate line, 0..{@value SignalMessage#MAX_SDP_LENGTH} characters
         * @throws NullPointerException when {@code candidate} is null
         * @throws IllegalArgumentException when {@code sdpMid} is empty or too long, {@code sdpMLineIndex} is
         *     outside 0..1023 or {@code candidate} is too long
         */
        public Ice {
            MessageChecks.requireOptionalId("sdpMid", sdpMid);
            MessageChecks.requireInRange("sdpMLineIndex", sdpMLineIndex, 0, 1023);
            MessageChecks.requireAtMost("candidate", candidate, MAX_SDP_LENGTH);
        }

        @Override
        public String type() {
            return "ice";
        }
    }
}
