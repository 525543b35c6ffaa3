package io.livepush.cohost.client;

import io.livepush.capture.AudioSource;
import io.livepush.capture.VideoSource;
import io.livepush.cohost.protocol.MediaMessage;
import io.livepush.cohost.protocol.SeiDataMessage;
import io.livepush.cohost.protocol.SignalMessage;
import io.livepush.cohost.rtc.LegSignaling;
import io.livepush.cohost.rtc.PublishingLeg;
import io.livepush.cohost.rtc.RtcRuntime;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * This user's WebRTC leg to the mixer while joined: the {@link PublishingLeg}, its offer and ICE
 * candidates sent as signaling messages, the {@link MediaPump} that reads the sources into it, and
 * the WebRTC runtime when the session had to make its own. Owned by the {@link SessionThread},
 * except the pump, which {@link #sendSei} reads from the caller's thread.
 */
final class MixLeg {
    private final Consumer<SignalMessage> send;
    private final RtcRuntime givenRuntime;
    private final int serial;
    private final Consumer<Exception> sourceFailed;
    private volatile MediaPump pump;
    // Session-thread state.
    private PublishingLeg leg;
    private RtcRuntime ownRuntime;

    /**
     * @param send sends a message on the socket; called on the session thread
     * @param runtime the WebRTC runtime to open legs on, or null to make one at the first {@link #open}
     * @param serial the session's number, in the pump's thread name
     * @param sourceFailed told (on the pump's thread) when a source fails while joined
     */
    MixLeg(Consumer<SignalMessage> send, RtcRuntime runtime, int serial, Consumer<Exception> sourceFailed) {
        this.send = send;
        this.givenRuntime = runtime;
        this.serial = serial;
        this.sourceFailed = sourceFailed;
    }

    /** @return true while a leg is open; session thread */
    boolean isOpen() {
        return leg != null;
    }

    /**
     * Opens the leg (its offer goes out at once) and starts pumping the sources into it.
     *
     * @return completes when the leg is connected
     * @throws RuntimeException when WebRTC cannot open the leg ({@link #close()} it)
     */
    CompletableFuture<Void> open(VideoSource video, AudioSource audio) {
        RtcRuntime rt = givenRuntime;
        if (rt == null) {
            if (ownRuntime == null) {
                ownRuntime = RtcRuntime.create();
            }
            rt = ownRuntime;
        }
        leg = PublishingLeg.open(rt, new OfferSignaling(), video.format().width(), video.format().height());
        pump = new MediaPump(leg, video, audio, serial, sourceFailed);
        return leg.connected();
    }

    /**
     * @param sdp the mixer's answer
     * @throws RuntimeException or {@link Error} when WebRTC refuses it (webrtc-java reports a refused SDP as an Error)
     */
    void answer(String sdp) {
        leg.setRemoteDescription("answer", sdp);
    }

    /** @throws RuntimeException or {@link Error} when WebRTC refuses the candidate */
    void candidate(String sdpMid, int sdpMLineIndex, String candidate) {
        leg.addRemoteCandidate(sdpMid, sdpMLineIndex, candidate);
    }

    /** @see CohostSession#sendSei(byte[]) */
    void sendSei(byte[] payload) {
        new SeiDataMessage(-1, payload); // validates 1..255 bytes
        MediaPump p = pump;
        if (p == null) {
            throw new IllegalStateException("not co-hosting: join() before sending SEI");
        }
        p.queueSei(payload.clone());
    }

    /** Stops the pump and closes the leg; harmless when none is open. */
    void close() {
        MediaPump p = pump;
        pump = null;
        if (p != null) {
            p.close();
        }
        if (leg != null) {
            leg.close();
            leg = null;
        }
    }

    /** Closes the leg and the runtime this session made, if any. */
    void closeAll() {
        close();
        if (ownRuntime != null) {
            ownRuntime.close();
            ownRuntime = null;
        }
    }

    /** The publishing leg's offer and candidates, as signaling messages. */
    private final class OfferSignaling implements LegSignaling {
        @Override
        public void sendDescription(String type, String sdp) {
            if (!"offer".equals(type)) {
                throw new IllegalArgumentException("a publishing leg sent a '" + type + "' (expected offer)");
            }
            send.accept(new MediaMessage.Offer(sdp));
        }

        @Override
        public void sendCandidate(String sdpMid, int sdpMLineIndex, String candidate) {
            send.accept(new MediaMessage.Ice(sdpMid, sdpMLineIndex, candidate));
        }
    }
}
