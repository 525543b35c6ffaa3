package io.livepush.cohost.rtc;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.livepush.capture.AudioFrame;
import io.livepush.capture.VideoFrame;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mixer's side of a co-host leg: answers a participant's offer on the runtime's receiving
 * factory and delivers what arrives — decoded video as pooled I420 frames, decoded audio as 48 kHz
 * PCM, data-channel messages — to a {@link Listener}, and reports when the participant is gone.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>{@link Listener#onVideo}: webrtc's decoder thread, as soon as a frame is decoded.</li>
 *   <li>{@link Listener#onAudio}: the runtime's playout thread, every 10 ms.</li>
 *   <li>{@link Listener#onData} and {@link Listener#onDisconnected}: the leg's event thread
 *       {@code livepush-rtc-receive-N-events}, in arrival order; {@link LegSignaling} is called
 *       there too.</li>
 * </ul>
 * None of them may block. {@link #close()} may come from any thread except webrtc's.
 *
 * <h2>Disconnect detection</h2>
 * {@link Listener#onDisconnected} is called once when the connection state goes to disconnected
 * (ICE consent lost: webrtc declares it after about 2.5 s without a packet), failed or closed, or
 * when the peer closes the data channel (a clean close on the other side is seen at once). It is
 * never called after our own {@link #close()}. The leg does not recover; close it.
 *
 * <h2>Close</h2>
 * Idempotent and safe while connecting: remove the sinks, close the data channel, close the peer
 * connection. The remote tracks belong to the connection and go with it.
 */
public final class ReceivingLeg implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceivingLeg.class);

    /**
     * What a receiving leg delivers. Default methods do nothing. See the class Javadoc for the
     * thread of each; none may block.
     */
    public interface Listener {
        /**
         * A decoded picture: an I420 copy from a pool, stamped with its arrival time on the
         * runtime's clock. The listener owns one reference and must {@link VideoFrame#release()} it.
         *
         * @param frame the picture at the size the sender sends (an odd decoded size cropped to even); it may
         *     be kept or handed to another thread until released
         */
        default void onVideo(VideoFrame frame) {
            frame.release();
        }

        /**
         * A block of decoded audio (48 kHz s16, usually 10 ms), stamped on the runtime's clock.
         *
         * @param frame the block, interleaved with the sender's channel count; a new frame each call
         */
        default void onAudio(AudioFrame frame) {
        }

        /**
         * A message from the participant's data channel, in the order it was sent.
         *
         * @param message the message's bytes, in a new array the listener may keep
         */
        default void onData(byte[] message) {
        }

        /**
         * The participant is gone. Called at most once.
         *
         * @param why how it was noticed, for logs, e.g. {@code "the participant closed the data channel"}
         */
        default void onDisconnected(String why) {
        }
    }

    private final RtcRuntime runtime;
    private final Listener listener;
    private final PeerLink link;
    private final ReceivedVideo videoSink;
    private final ReceivedAudio audioSink;
    private VideoTrack videoTrack;
    private AudioTrack audioTrack;
    private DataChannelLink data;
    private boolean closed;

    private ReceivingLeg(RtcRuntime runtime, LegSignaling signaling, Listener listener) {
        this.runtime = runtime;
        this.listener = listener;
        this.link = new PeerLink(runtime.receivingFactory(), "receive", signaling, new PeerLink.Hooks() {
            @Override
            public void onTrack(RTCRtpTransceiver transceiver) {
                attach(transceiver.getReceiver().getTrack());
            }

            @Override
            public void onDataChannel(RTCDataChannel channel) {
                attach(channel);
            }

            @Override
            public void onDisconnected(String why) {
                listener.onDisconnected(why);
            }
        });
        this.videoSink = new ReceivedVideo(link.name(), runtime.clock(), listener::onVideo);
        this.audioSink = new ReceivedAudio(link.name(), runtime.clock(), listener::onAudio);
    }

    /**
     * Answers {@code offerSdp} (from a {@link PublishingLeg} or any WebRTC sender) and sends the
     * answer through {@code signaling}.
     *
     * @param rt the open runtime whose receiving factory builds the connection; it closes the leg when it closes
     * @param offerSdp the participant's SDP offer, not null or blank
     * @param signaling where the answer and our ICE candidates go, not null
     * @param listener receives what arrives, on the threads the class Javadoc names; not null
     * @return the leg, connecting; see {@link #connected()}
     * @throws NullPointerException when {@code rt}, {@code signaling} or {@code listener} is null
     * @throws IllegalArgumentException when the offer is empty
     * @throws IllegalStateException when the runtime is closed
     * @throws RtcLegException when webrtc cannot create the connection; a rejected offer fails
     *     {@link #connected()} instead
     */
    public static ReceivingLeg accept(RtcRuntime rt, String offerSdp, LegSignaling signaling, Listener listener) {
        Objects.requireNonNull(rt, "rt");
        Objects.requireNonNull(signaling, "signaling");
        Objects.requireNonNull(listener, "listener");
        if (offerSdp == null || offerSdp.isBlank()) {
            throw new IllegalArgumentException("the offer SDP is empty");
        }
        ReceivingLeg leg;
        synchronized (rt) {
            if (rt.isClosed()) {
                throw new IllegalStateException("RtcRuntime is closed; create legs on an open runtime");
            }
            leg = new ReceivingLeg(rt, signaling, listener);
            rt.register(leg);
        }
        leg.link.answer(offerSdp);
        return leg;
    }

    /** On webrtc's signaling thread: a remote track arrived; put our sink on it. */
    private synchronized void attach(MediaStreamTrack track) {
        if (closed) {
            return;
        }
        if (track instanceof VideoTrack v && videoTrack == null) {
            videoTrack = v;
            v.addSink(videoSink);
        } else if (track instanceof AudioTrack a && audioTrack == null) {
            audioTrack = a;
            a.addSink(audioSink);
        } else {
            LOG.debug("{}: extra track {} ignored", link.name(), track.getKind());
        }
    }

    /** On webrtc's signaling thread: the participant announced its data channel. */
    private synchronized void attach(RTCDataChannel channel) {
        if (closed || data != null || !DataChannelLink.LABEL.equals(channel.getLabel())) {
            LOG.debug("{}: data channel '{}' ignored", link.name(), channel.getLabel());
            return;
        }
        data = new DataChannelLink(link.name(), channel,
                message -> link.onEventThread(() -> listener.onData(message)),
                () -> link.reportDisconnect("the participant closed the data channel"));
    }

    /**
     * Adds one of the participant's ICE candidates (held until the offer is applied). An empty
     * candidate (end of candidates) is ignored, so is any candidate after close.
     *
     * @param sdpMid the media stream id the candidate belongs to, or null
     * @param sdpMLineIndex the index of its m-line in the SDP, 0 or more
     * @param candidate the {@code candidate:...} attribute value, not null; blank for end of candidates
     * @throws IllegalArgumentException when {@code sdpMLineIndex} is negative
     * @throws NullPointerException when {@code candidate} is null
     */
    public void addRemoteCandidate(String sdpMid, int sdpMLineIndex, String candidate) {
        link.addRemoteCandidate(sdpMid, sdpMLineIndex, candidate);
    }

    /** @return completes when the connection is up; fails with {@link RtcLegException} if it never comes up */
    public CompletableFuture<Void> connected() {
        return link.connected();
    }

    /** @return decoded video frames delivered so far */
    public long videoFramesReceived() {
        return videoSink.frames();
    }

    /** @return decoded audio samples (per channel) delivered so far */
    public long audioSamplesReceived() {
        return audioSink.samples();
    }

    /** Removes the sinks, closes the data channel and the connection. Idempotent; safe while connecting. */
    @Override
    public void close() {
        VideoTrack v;
        AudioTrack a;
        DataChannelLink d;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            v = videoTrack;
            a = audioTrack;
            d = data;
        }
        link.beginClose();
        if (v != null) {
            v.removeSink(videoSink);
        }
        if (a != null) {
            a.removeSink(audioSink);
        }
        if (d != null) {
            d.close();
        }
        link.closePeerConnection();
        runtime.unregister(this);
    }

    @Override
    public String toString() {
        return "ReceivingLeg[" + link.name() + "]";
    }
}
