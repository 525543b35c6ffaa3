package io.livepush.cohost.rtc;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer connection both legs share: offer/answer with the local description sent through
 * {@link LegSignaling}, trickle ICE in both directions (remote candidates that arrive before the
 * remote description are held and applied after it), connection state turned into a
 * {@code connected} future and a one-time disconnect report.
 *
 * <h2>Threads</h2>
 * webrtc-java calls the observer on its signaling thread; signaling and the disconnect report are
 * handed to one event thread per leg, {@code livepush-rtc-<name>-events}, so callers never run on a
 * native thread and may call back into any leg. Calls into the peer connection from other threads
 * hold {@code pcLock}, which {@link #closePeerConnection()} takes too, so none reaches a closed
 * connection; native callbacks take no lock (the connection's own calls run on the signaling
 * thread) and guard against a concurrent close by catching what webrtc-java throws for a closed
 * handle. The candidate queue is guarded by {@code this}, never held across a native call.
 */
final class PeerLink implements PeerConnectionObserver {
    private static final Logger LOG = LoggerFactory.getLogger(PeerLink.class);
    private static final AtomicInteger SERIAL = new AtomicInteger();

    /**
     * What a leg wants to hear about beyond ICE and connection state. {@code onTrack} and
     * {@code onDataChannel} run on webrtc's signaling thread (so sinks and observers are in place
     * before the first media); {@code onDisconnected} runs on the event thread.
     */
    interface Hooks {
        default void onTrack(RTCRtpTransceiver transceiver) {
        }

        default void onDataChannel(RTCDataChannel channel) {
        }

        default void onDisconnected(String why) {
        }
    }

    private final String name;
    private final LegSignaling signaling;
    private final Hooks hooks;
    private final ExecutorService events;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final CompletableFuture<String> disconnected = new CompletableFuture<>();
    private final List<RTCIceCandidate> pendingCandidates = new ArrayList<>();
    private final RTCPeerConnection pc;
    private final Object pcLock = new Object();
    private boolean pcClosed;
    private boolean remoteDescriptionSet;
    private volatile boolean closing;

    PeerLink(PeerConnectionFactory factory, String kind, LegSignaling signaling, Hooks hooks) {
        this.name = kind + "-" + SERIAL.incrementAndGet();
        this.signaling = Objects.requireNonNull(signaling, "signaling");
        this.hooks = hooks;
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "livepush-rtc-" + name + "-events");
            t.setDaemon(true);
            return t;
        });
        RTCPeerConnection created;
        try {
            created = factory.createPeerConnection(configuration(), this);
        } catch (RuntimeException e) {
            events.shutdown();
            throw new RtcLegException(name + ": webrtc could not create a peer connection", e);
        }
        if (created == null) {
            events.shutdown();
            throw new RtcLegException(name + ": webrtc could not create a peer connection");
        }
        this.pc = created;
    }

    /** Loopback and LAN legs: host candidates only, one bundled transport, RTCP multiplexed. */
    private static RTCConfiguration configuration() {
        RTCConfiguration c = new RTCConfiguration();
        c.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        c.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        return c;
    }

    String name() {
        return name;
    }

    RTCPeerConnection pc() {
        return pc;
    }

    CompletableFuture<Void> connected() {
        return connected;
    }

    CompletableFuture<String> disconnected() {
        return disconnected;
    }

    boolean isClosing() {
        return closing;
    }

    /** Runs {@code task} on the event thread, unless the leg has closed. */
    void onEventThread(Runnable task) {
        try {
            events.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("{}: event handler failed", name, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: event after close dropped", name);
        }
    }

    /** Creates the offer, applies it locally and sends it. */
    void offer() {
        synchronized (pcLock) {
            if (!pcClosed) {
                pc.createOffer(new RTCOfferOptions(), describeObserver("offer"));
            }
        }
    }

    /** Applies a remote offer, then creates, applies and sends the answer. */
    void answer(String offerSdp) {
        applyRemote(new RTCSessionDescription(RTCSdpType.OFFER, offerSdp),
                () -> pc.createAnswer(new RTCAnswerOptions(), describeObserver("answer")));
    }

    /** Applies the remote answer to our offer. */
    void acceptAnswer(String answerSdp) {
        applyRemote(new RTCSessionDescription(RTCSdpType.ANSWER, answerSdp), () -> { });
    }

    private void applyRemote(RTCSessionDescription description, Runnable then) {
        synchronized (pcLock) {
            if (pcClosed) {
                return;
            }
            pc.setRemoteDescription(description, remoteObserver(description, then));
        }
    }

    private SetSessionDescriptionObserver remoteObserver(RTCSessionDescription description, Runnable then) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                List<RTCIceCandidate> held;
                synchronized (PeerLink.this) {
                    remoteDescriptionSet = true;
                    held = new ArrayList<>(pendingCandidates);
                    pendingCandidates.clear();
                }
                if (closing) {
                    return;
                }
                onNative("applying the remote " + description.sdpType, () -> {
                    for (RTCIceCandidate c : held) {
                        pc.addIceCandidate(c);
                    }
                    then.run();
                });
            }

            @Override
            public void onFailure(String error) {
                fail("webrtc rejected the remote " + description.sdpType + ": " + error);
            }
        };
    }

    /** Runs a native call from a webrtc callback; a concurrent close makes it throw, which is expected. */
    private void onNative(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            if (closing) {
                LOG.debug("{}: {} stopped by close: {}", name, what, e.toString());
            } else {
                fail(what + " failed: " + e);
            }
        }
    }

    /** Adds a remote candidate now, or once the remote description is in place. */
    void addRemoteCandidate(String sdpMid, int sdpMLineIndex, String candidate) {
        Objects.requireNonNull(candidate, "candidate");
        if (sdpMLineIndex < 0) {
            throw new IllegalArgumentException("sdpMLineIndex " + sdpMLineIndex + " is not allowed (expected >= 0)");
        }
        if (candidate.isBlank()) {
            return; // end of candidates: nothing to add
        }
        RTCIceCandidate c = new RTCIceCandidate(sdpMid, sdpMLineIndex, candidate);
        synchronized (this) {
            if (closing) {
                return;
            }
            if (!remoteDescriptionSet) {
                pendingCandidates.add(c);
                return;
            }
        }
        synchronized (pcLock) {
            if (!pcClosed) {
                pc.addIceCandidate(c);
            }
        }
    }

    private CreateSessionDescriptionObserver describeObserver(String type) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                if (closing) {
                    return;
                }
                onNative("applying the local " + type, () -> pc.setLocalDescription(description, localObserver(type, description)));
            }

            @Override
            public void onFailure(String error) {
                fail("webrtc could not create an " + type + ": " + error);
            }
        };
    }

    private SetSessionDescriptionObserver localObserver(String type, RTCSessionDescription description) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                onEventThread(() -> signaling.sendDescription(type, description.sdp));
            }

            @Override
            public void onFailure(String error) {
                fail("webrtc rejected its own " + type + ": " + error);
            }
        };
    }

    private void fail(String why) {
        RtcLegException e = new RtcLegException(name + ": " + why);
        LOG.warn("{}", e.getMessage());
        connected.completeExceptionally(e);
        reportDisconnect(why);
    }

    /** Reports the end of the link once, unless we are closing it ourselves. */
    void reportDisconnect(String why) {
        if (closing || disconnected.isDone()) {
            return;
        }
        connected.completeExceptionally(new RtcLegException(name + ": disconnected before connecting: " + why));
        if (disconnected.complete(why)) {
            LOG.info("{}: disconnected: {}", name, why);
            onEventThread(() -> hooks.onDisconnected(why));
        }
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
        onEventThread(() -> signaling.sendCandidate(candidate.sdpMid, candidate.sdpMLineIndex, candidate.sdp));
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState state) {
        LOG.debug("{}: connection {}", name, state);
        switch (state) {
            case CONNECTED -> connected.complete(null);
            case DISCONNECTED -> reportDisconnect("the peer stopped answering (ICE disconnected)");
            case FAILED -> reportDisconnect("the connection failed");
            case CLOSED -> reportDisconnect("the connection closed");
            default -> { }
        }
    }

    @Override
    public void onTrack(RTCRtpTransceiver transceiver) {
        hooks.onTrack(transceiver);
    }

    @Override
    public void onDataChannel(RTCDataChannel channel) {
        hooks.onDataChannel(channel);
    }

    /**
     * Marks the link closing (no more reports), fails a pending {@code connected} future. The caller
     * then tears down its media and data channel and calls {@link #closePeerConnection()}.
     */
    void beginClose() {
        synchronized (this) {
            closing = true;
            pendingCandidates.clear();
        }
        connected.completeExceptionally(new RtcLegException(name + ": closed before it connected"));
        disconnected.complete("closed locally");
    }

    /**
     * Takes every local track off its sender, so the connection holds no reference to our tracks
     * and sources (also where {@link ClosedPeerConnectionRelease} is off and the closed connection
     * is never freed).
     */
    void detachSenders() {
        synchronized (pcLock) {
            if (pcClosed) {
                return;
            }
            for (RTCRtpSender sender : pc.getSenders()) {
                try {
                    pc.removeTrack(sender);
                } catch (RuntimeException e) {
                    LOG.debug("{}: removing a track failed: {}", name, e.toString());
                }
            }
        }
    }

    /**
     * Closes the peer connection, frees its native object (which webrtc-java's {@code close()}
     * leaks; see {@link ClosedPeerConnectionRelease}) and lets the event thread finish what it
     * holds. Nothing of the connection (transceivers, senders, remote tracks) may be used after.
     */
    void closePeerConnection() {
        synchronized (pcLock) {
            if (pcClosed) {
                return;
            }
            pcClosed = true;
            long handle = ClosedPeerConnectionRelease.handleOf(pc);
            pc.close();
            ClosedPeerConnectionRelease.release(handle);
        }
        events.shutdown();
    }

    @Override
    public String toString() {
        return name;
    }
}
