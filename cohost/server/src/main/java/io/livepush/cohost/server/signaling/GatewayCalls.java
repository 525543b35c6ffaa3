package io.livepush.cohost.server.signaling;

import io.livepush.cohost.protocol.MediaMessage;
import io.livepush.cohost.rtc.LegSignaling;
import io.livepush.cohost.token.CohostToken;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls into the {@link MixerGateway} on one thread, {@code livepush-signaling-mixer-N}, in the order
 * they were queued, so a slow mixer never stalls the registry and a leg's candidates always follow
 * its join. The map of open legs is owned by that thread.
 */
final class GatewayCalls {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayCalls.class);

    private final MixerGateway gateway;
    private final ExecutorService thread;
    private final Map<String, OpenLeg> legs = new HashMap<>();

    private record OpenLeg(ParticipantLeg leg, Link link) {
    }

    /** The mixer's way back to one participant's socket; silent once the leg is closed. */
    private static final class Link implements LegSignaling {
        private final SignalingConnection connection;
        private volatile boolean closed;

        Link(SignalingConnection connection) {
            this.connection = connection;
        }

        @Override
        public void sendDescription(String type, String sdp) {
            if (!"answer".equals(type)) {
                throw new IllegalArgumentException("the mixer sent a description of type '" + type + "' (expected answer)");
            }
            if (!closed) {
                connection.send(new MediaMessage.Answer(sdp));
            }
        }

        @Override
        public void sendCandidate(String sdpMid, int sdpMLineIndex, String candidate) {
            if (!closed) {
                connection.send(new MediaMessage.Ice(sdpMid, sdpMLineIndex, candidate));
            }
        }
    }

    GatewayCalls(MixerGateway gateway, int serial) {
        this.gateway = gateway;
        this.thread = Executors.newSingleThreadExecutor(new DefaultThreadFactory("livepush-signaling-mixer-" + serial, true));
    }

    void join(String userId, CohostToken.Role role, String offerSdp, SignalingConnection to, Consumer<String> onFailure) {
        thread.execute(() -> {
            Link link = new Link(to);
            try {
                ParticipantLeg leg = gateway.join(userId, role, offerSdp, link);
                if (leg == null) {
                    throw new IllegalStateException("the mixer returned no leg");
                }
                legs.put(userId, new OpenLeg(leg, link));
            } catch (RuntimeException e) {
                link.closed = true;
                LOG.warn("mixer refused the leg of {}: {}", userId, e.toString());
                onFailure.accept("the mixer could not take your leg: " + e.getMessage());
            }
        });
    }

    void candidate(String userId, String sdpMid, int sdpMLineIndex, String candidate) {
        thread.execute(() -> {
            OpenLeg open = legs.get(userId);
            if (open == null) {
                return;
            }
            try {
                open.leg().addRemoteCandidate(sdpMid, sdpMLineIndex, candidate);
            } catch (RuntimeException e) {
                LOG.warn("mixer refused a candidate of {}: {}", userId, e.toString());
            }
        });
    }

    void leave(String userId) {
        thread.execute(() -> leaveNow(userId));
    }

    private void leaveNow(String userId) {
        OpenLeg open = legs.remove(userId);
        if (open == null) {
            return;
        }
        open.link().closed = true;
        try {
            gateway.leave(userId);
        } catch (RuntimeException e) {
            LOG.warn("mixer failed to drop the leg of {}: {}", userId, e.toString());
        }
    }

    /** Leaves every open leg, then stops the thread (waits up to 5 s). */
    void close() {
        try {
            thread.execute(() -> new ArrayList<>(legs.keySet()).forEach(this::leaveNow));
        } catch (java.util.concurrent.RejectedExecutionException alreadyClosed) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("mixer calls still running after 5 s; abandoning them");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
