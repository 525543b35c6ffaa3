package io.livepush.cohost.server.signaling;

import io.livepush.cohost.rtc.LegSignaling;
import io.livepush.cohost.token.CohostToken;

/**
 * What the signaling server needs from the mixer: take a joined participant's WebRTC offer and
 * let it go again. The server calls these on its one mixer-call thread
 * ({@code livepush-signaling-mixer-N}), in the order the participant's messages arrived, so
 * {@link ParticipantLeg#addRemoteCandidate} never runs before the {@code join} that made the leg.
 */
public interface MixerGateway {
    /**
     * Opens the mixer's end of a participant's leg.
     *
     * @param userId the participant (only invited, accepted participants and the host get here)
     * @param role its role
     * @param offerSdp the participant's SDP offer
     * @param toParticipant where the mixer sends its answer and ICE candidates; they reach the participant's socket
     * @return the leg, to which the participant's later ICE candidates are handed
     * @throws RuntimeException when the mixer cannot take the leg; the participant gets {@code MIXER_UNAVAILABLE}
     */
    ParticipantLeg join(String userId, CohostToken.Role role, String offerSdp, LegSignaling toParticipant);

    /**
     * Closes the participant's leg: it left, was kicked, or its socket dropped.
     *
     * @param userId the participant, for which {@link #join} returned a leg before
     */
    void leave(String userId);
}
