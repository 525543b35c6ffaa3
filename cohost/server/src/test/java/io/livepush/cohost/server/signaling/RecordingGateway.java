package io.livepush.cohost.server.signaling;

import io.livepush.cohost.rtc.LegSignaling;
import io.livepush.cohost.token.CohostToken;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in mixer that records what the signaling server asks of it and answers every offer with a
 * fixed SDP and one candidate (the real mixer is tested with real legs in the mixer package).
 */
final class RecordingGateway implements MixerGateway {
    static final String ANSWER = "v=0\r\ns=recording-gateway\r\n";

    record Join(String userId, CohostToken.Role role, String offerSdp, String thread) {
    }

    final BlockingQueue<Join> joins = new LinkedBlockingQueue<>();
    final BlockingQueue<String> leaves = new LinkedBlockingQueue<>();
    final List<String> candidates = new CopyOnWriteArrayList<>();
    volatile boolean refuse;
    /** False to leave offers unanswered (a real leg refuses the fixed SDP and leaves). */
    volatile boolean answer = true;

    @Override
    public ParticipantLeg join(String userId, CohostToken.Role role, String offerSdp, LegSignaling toParticipant) {
        if (refuse) {
            throw new IllegalStateException("mixer is full");
        }
        joins.add(new Join(userId, role, offerSdp, Thread.currentThread().getName()));
        if (!answer) {
            return (mid, index, candidate) -> candidates.add(userId + "|" + mid + "|" + index + "|" + candidate);
        }
        toParticipant.sendDescription("answer", ANSWER);
        toParticipant.sendCandidate("0", 0, "candidate:1 1 udp 1 127.0.0.1 9 typ host");
        return (mid, index, candidate) -> candidates.add(userId + "|" + mid + "|" + index + "|" + candidate);
    }

    @Override
    public void leave(String userId) {
        leaves.add(userId);
    }

    String nextLeave() throws InterruptedException {
        return leaves.poll(5, TimeUnit.SECONDS);
    }

    Join nextJoin() throws InterruptedException {
        return joins.poll(5, TimeUnit.SECONDS);
    }
}
