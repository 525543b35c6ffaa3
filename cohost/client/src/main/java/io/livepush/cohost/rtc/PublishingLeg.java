package io.livepush.cohost.rtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.media.MediaType;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.livepush.capture.AudioFrame;
import io.livepush.capture.VideoFrame;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The participant's side of a co-host leg: sends our video and audio frames and data messages to
 * the mixer over one WebRTC peer connection, built on the runtime's sending factory.
 *
 * <h2>Pipeline</h2>
 * {@link #pushVideo} copies the I420 frame into a native buffer and pushes it into a
 * {@code CustomVideoSource} (send-only transceiver, {@link PublishingOptions#codec()} offered
 * first, bitrate capped at {@link PublishingOptions#maxBitrateKbps()}); {@link #pushAudio} cuts
 * 48 kHz s16 into 10 ms blocks for a {@code CustomAudioSource} (send-only, Opus);
 * {@link #sendData} writes to the reliable, ordered data channel {@value DataChannelLink#LABEL}.
 * {@link #open} creates the offer and sends it through {@link LegSignaling}; the answer and the
 * peer's candidates come back through {@link #setRemoteDescription} and {@link #addRemoteCandidate}.
 *
 * <h2>Threads</h2>
 * None of its own beyond the event thread that calls {@link LegSignaling}. Video and audio may be
 * pushed from one thread each; pushes, sends and {@link #close()} may come from any thread. A push
 * after close, or while not yet connected, is dropped (webrtc discards media before the
 * connection is up; the first few frames are always lost).
 *
 * <h2>Close</h2>
 * {@link #close()} is idempotent and follows the order that never crashed: stop the pushers (no
 * push is in flight once it holds the push locks), close the data channel, close the peer
 * connection (freeing its native object and our transceivers, see {@link ClosedPeerConnectionRelease}),
 * dispose the tracks and then the custom sources. The runtime's factory stays.
 */
public final class PublishingLeg implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PublishingLeg.class);

    private final RtcRuntime runtime;
    private final PublishingOptions options;
    private final PeerLink link;
    private final CustomVideoSource videoSource;
    private final CustomAudioSource audioSource;
    private final VideoTrack videoTrack;
    private final AudioTrack audioTrack;
    private final DataChannelLink data;
    private final AudioReblocker reblocker;
    /** Native references webrtc-java handed over with {@code addTransceiver}; see {@link ClosedPeerConnectionRelease}. */
    private final long[] transceiverHandles;
    private final Object videoLock = new Object();
    private final Object audioLock = new Object();
    private volatile boolean closed;
    private long videoFramesPushed;
    private long audioBlocksPushed;

    private PublishingLeg(RtcRuntime runtime, LegSignaling signaling, PublishingOptions options) {
        this.runtime = runtime;
        this.options = options;
        PeerConnectionFactory factory = runtime.sendingFactory();
        this.link = new PeerLink(factory, "publish", signaling, new PeerLink.Hooks() { });
        this.videoSource = new CustomVideoSource();
        this.audioSource = new CustomAudioSource();
        this.videoTrack = factory.createVideoTrack("livepush-video", videoSource);
        this.audioTrack = factory.createAudioTrack("livepush-audio", audioSource);
        this.reblocker = new AudioReblocker(block -> {
            audioSource.pushAudio(block.pcm(), 16, AudioReblocker.SAMPLE_RATE, block.channels(),
                    AudioReblocker.BLOCK_SAMPLES);
            audioBlocksPushed++;
        });
        RTCRtpTransceiver video = link.pc().addTransceiver(videoTrack, sendOnly(options.maxBitrateKbps()));
        preferCodec(factory, video, options.codec());
        RTCRtpTransceiver audio = link.pc().addTransceiver(audioTrack, sendOnly(0));
        this.transceiverHandles = new long[] {
            ClosedPeerConnectionRelease.handleOf(video), ClosedPeerConnectionRelease.handleOf(audio)};
        RTCDataChannelInit init = new RTCDataChannelInit();
        init.ordered = true;
        init.maxRetransmits = -1;
        init.maxPacketLifeTime = -1;
        this.data = new DataChannelLink(link.name(), link.pc().createDataChannel(DataChannelLink.LABEL, init),
                message -> { }, () -> link.reportDisconnect("the data channel was closed by the peer"));
    }

    /**
     * Opens a leg for {@code width} x {@code height} frames with the default options (H.264,
     * {@value PublishingOptions#DEFAULT_MAX_BITRATE_KBPS} kbit/s) and sends the offer.
     *
     * @param rt the open runtime whose sending factory builds the connection; it closes the leg when it closes
     * @param signaling where the offer and our ICE candidates go, not null
     * @param width frame width in pixels, even, 2..16384; every pushed frame must have it
     * @param height frame height in pixels, even, 2..16384
     * @return the leg, connecting; see {@link #connected()}
     * @throws IllegalArgumentException when the size is not even or outside 2..16384
     * @throws IllegalStateException when the runtime is closed
     * @throws RtcLegException when webrtc cannot create the connection
     * @throws NullPointerException when {@code rt} or {@code signaling} is null
     */
    public static PublishingLeg open(RtcRuntime rt, LegSignaling signaling, int width, int height) {
        return open(rt, signaling, PublishingOptions.of(width, height));
    }

    /**
     * Opens a leg with explicit options and sends the offer through {@code signaling}.
     *
     * @param rt the open runtime whose sending factory builds the connection; it closes the leg when it closes
     * @param signaling where the offer and our ICE candidates go, not null
     * @param options frame size, preferred codec and bitrate ceiling, not null
     * @return the leg, connecting; see {@link #connected()}
     * @throws IllegalStateException when the runtime is closed
     * @throws RtcLegException when webrtc cannot create the connection
     * @throws NullPointerException when an argument is null
     */
    public static PublishingLeg open(RtcRuntime rt, LegSignaling signaling, PublishingOptions options) {
        Objects.requireNonNull(rt, "rt");
        Objects.requireNonNull(signaling, "signaling");
        Objects.requireNonNull(options, "options");
        PublishingLeg leg;
        synchronized (rt) {
            if (rt.isClosed()) {
                throw new IllegalStateException("RtcRuntime is closed; create legs on an open runtime");
            }
            leg = new PublishingLeg(rt, signaling, options);
            rt.register(leg);
        }
        leg.link.offer();
        return leg;
    }

    private static RTCRtpTransceiverInit sendOnly(int maxBitrateKbps) {
        RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
        init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
        init.streamIds = List.of("livepush");
        if (maxBitrateKbps > 0) {
            RTCRtpEncodingParameters encoding = new RTCRtpEncodingParameters();
            encoding.active = true;
            encoding.maxBitrate = maxBitrateKbps * 1000;
            init.sendEncodings = List.of(encoding);
        }
        return init;
    }

    /**
     * Puts {@code codec} first; the other codecs (and the retransmission format) stay as fallbacks.
     * A build of webrtc-java without that codec keeps its own order, with a warning.
     */
    private static void preferCodec(PeerConnectionFactory factory, RTCRtpTransceiver transceiver, VideoCodec codec) {
        List<RTCRtpCodecCapability> all = factory.getRtpSenderCapabilities(MediaType.VIDEO).getCodecs();
        List<RTCRtpCodecCapability> first = all.stream().filter(c -> c.getName().equalsIgnoreCase(codec.rtpName())).toList();
        if (first.isEmpty()) {
            LOG.warn("webrtc-java here cannot send {} (it offers {}); offering its own order",
                    codec.rtpName(), all.stream().map(RTCRtpCodecCapability::getName).distinct().toList());
            return;
        }
        List<RTCRtpCodecCapability> rest = all.stream().filter(c -> !c.getName().equalsIgnoreCase(codec.rtpName())).toList();
        transceiver.setCodecPreferences(java.util.stream.Stream.concat(first.stream(), rest.stream()).toList());
    }

    /**
     * Applies the mixer's answer.
     *
     * @param type must be {@code "answer"}: this leg always makes the offer
     * @param sdp the mixer's SDP answer, not null or blank; ignored after {@link #close()}
     * @throws IllegalArgumentException for another type or an empty SDP
     */
    public void setRemoteDescription(String type, String sdp) {
        if (!"answer".equals(type)) {
            throw new IllegalArgumentException("remote description type '" + type
                    + "' is not allowed here (expected 'answer': a publishing leg makes the offer)");
        }
        if (sdp == null || sdp.isBlank()) {
            throw new IllegalArgumentException("the answer SDP is empty");
        }
        if (!closed) {
            link.acceptAnswer(sdp);
        }
    }

    /**
     * Adds one of the mixer's ICE candidates (held until the answer is applied). An empty
     * candidate (end of candidates) is ignored; so is any candidate after close.
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

    /**
     * Sends a copy of one video frame. The caller keeps its reference.
     *
     * @param frame a live frame of {@link PublishingOptions#width()} x {@link PublishingOptions#height()}; its
     *     timestamp is passed on, though webrtc replaces it with its own
     * @throws IllegalArgumentException when the frame is not the size this leg was opened with
     * @throws IllegalStateException when the frame was already released
     * @throws NullPointerException when {@code frame} is null
     */
    public void pushVideo(VideoFrame frame) {
        Objects.requireNonNull(frame, "frame");
        if (frame.width() != options.width() || frame.height() != options.height()) {
            throw new IllegalArgumentException("a " + frame.width() + "x" + frame.height()
                    + " frame cannot be sent on a leg opened for " + options.width() + "x" + options.height());
        }
        synchronized (videoLock) {
            if (closed) {
                return;
            }
            NativeI420Buffer buffer = NativeI420Buffer.allocate(options.width(), options.height());
            dev.onvoid.webrtc.media.video.VideoFrame out = null;
            try {
                I420Export.copy(frame, buffer);
                out = new dev.onvoid.webrtc.media.video.VideoFrame(buffer, frame.ptsUs() * 1000L);
                videoSource.pushFrame(out);
                videoFramesPushed++;
            } finally {
                if (out != null) {
                    out.release();
                } else {
                    buffer.release();
                }
            }
        }
    }

    /**
     * Sends one block of audio: 48 kHz, mono or stereo, any number of samples (re-blocked to 10 ms;
     * a partial block waits for the next call).
     *
     * @param frame interleaved s16 samples at 48 kHz; the samples are copied, the caller keeps the frame. A
     *     change in the channel count drops the partial block waiting from the previous frames
     * @throws IllegalArgumentException when the audio is not 48 kHz
     * @throws NullPointerException when {@code frame} is null
     */
    public void pushAudio(AudioFrame frame) {
        Objects.requireNonNull(frame, "frame");
        if (frame.sampleRate() != AudioReblocker.SAMPLE_RATE) {
            throw new IllegalArgumentException("audio at " + frame.sampleRate() + " Hz cannot be sent (expected "
                    + AudioReblocker.SAMPLE_RATE + " Hz)");
        }
        synchronized (audioLock) {
            if (!closed) {
                reblocker.push(frame);
            }
        }
    }

    /**
     * Sends a message on the reliable, ordered data channel {@value DataChannelLink#LABEL}; before
     * the channel opens, messages wait and go out in order.
     *
     * @param message the bytes to send, 1..65536; copied, so the caller may reuse the array
     * @throws IllegalArgumentException when the message is empty or larger than 65536 bytes
     * @throws IllegalStateException after close, or when 1024 messages already wait
     * @throws NullPointerException when {@code message} is null
     */
    public void sendData(byte[] message) {
        DataChannelLink.requireValidMessage(message);
        if (closed) {
            throw new IllegalStateException(link.name() + " is closed");
        }
        data.send(message);
    }

    /** @return completes when the connection is up; fails with {@link RtcLegException} if it never comes up */
    public CompletableFuture<Void> connected() {
        return link.connected();
    }

    /**
     * @return completes with the reason when the mixer is gone (connection lost or failed, data
     *     channel closed by the peer), or with {@code "closed locally"} after {@link #close()}
     */
    public CompletableFuture<String> disconnected() {
        return link.disconnected();
    }

    /** @return the options this leg was opened with */
    public PublishingOptions options() {
        return options;
    }

    /** @return video frames handed to webrtc so far */
    public long videoFramesPushed() {
        synchronized (videoLock) {
            return videoFramesPushed;
        }
    }

    /** @return 10 ms audio blocks handed to webrtc so far */
    public long audioBlocksPushed() {
        synchronized (audioLock) {
            return audioBlocksPushed;
        }
    }

    /** Stops sending and frees the connection, tracks and sources; idempotent, safe during connect. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        synchronized (videoLock) {
            synchronized (audioLock) {
                link.beginClose();
            }
        }
        data.close();
        link.detachSenders();
        link.closePeerConnection();
        for (long transceiver : transceiverHandles) {
            ClosedPeerConnectionRelease.release(transceiver);
        }
        disposeTrack(videoTrack);
        disposeTrack(audioTrack);
        videoSource.dispose();
        audioSource.dispose();
        runtime.unregister(this);
    }

    /**
     * Drops our reference to a track. webrtc-java throws an {@link Error} when a reference remains
     * elsewhere (our reference is dropped all the same); calling dispose again would drop someone
     * else's, so it is called exactly once.
     */
    private void disposeTrack(dev.onvoid.webrtc.media.MediaStreamTrack track) {
        try {
            track.dispose();
        } catch (Error e) {
            LOG.debug("{}: {} track still referenced by webrtc at dispose: {}", link.name(), track.getClass().getSimpleName(), e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "PublishingLeg[" + link.name() + ", " + options.width() + "x" + options.height() + " "
                + options.codec() + (closed ? ", closed" : "") + "]";
    }
}
