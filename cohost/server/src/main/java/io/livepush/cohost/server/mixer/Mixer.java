package io.livepush.cohost.server.mixer;

import io.livepush.capture.AudioFrame;
import io.livepush.capture.VideoFrame;
import io.livepush.cohost.protocol.SeiDataMessage;
import io.livepush.cohost.rtc.LegSignaling;
import io.livepush.cohost.rtc.ReceivingLeg;
import io.livepush.cohost.rtc.RtcRuntime;
import io.livepush.cohost.server.signaling.MixerGateway;
import io.livepush.cohost.server.signaling.ParticipantLeg;
import io.livepush.cohost.token.CohostToken;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The co-host mixer: terminates each joined participant's WebRTC leg ({@link ReceivingLeg}, all on
 * one {@link RtcRuntime}), composes their newest pictures on an I420 canvas by a {@link Layout},
 * mixes their sound with a limiter, and pushes the result as one H.264 (pinned GOP) + AAC stream
 * with the publisher's {@link LiveStream}.
 *
 * <pre>{@code
 * try (Mixer mixer = Mixer.start(MixerConfig.builder("rtmp://ingest/live/KEY").build())) {
 *     SignalingServer server = SignalingServer.start(SignalingConfig.builder()...mixerGateway(mixer).build());
 *     ...
 *     mixer.setLayout(Layout.pictureInPicture());
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>The canvas always shows each participant's newest picture; a stalled leg holds its last one.</li>
 *   <li>A participant who leaves is gone from the next canvas, and that canvas is a keyframe.</li>
 *   <li>SEI the host sends over its data channel ({@link SeiDataMessage}) is written on the mixed
 *       frame composed from the host frame it is tagged with (see {@link HostSeiQueue} for the rule).</li>
 *   <li>Data messages from guests are ignored: only the host writes into the audience's stream.</li>
 * </ul>
 *
 * <p>Threads: the legs' own threads deliver into per-participant feeds; the output stream's capture
 * thread composes, its audio thread mixes; {@code livepush-mixer-control} closes legs whose
 * participant disconnected. All public methods are thread-safe. {@link #close()} stops the output,
 * closes every leg, then the runtime; idempotent.
 */
public final class Mixer implements MixerGateway, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Mixer.class);

    private final MixEngine engine;
    private final RtcRuntime runtime;
    private final Map<String, ReceivingLeg> legs = new HashMap<>();
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "livepush-mixer-control");
        t.setDaemon(true);
        return t;
    });
    private boolean closed;

    private Mixer(MixerConfig config, LiveStreamListener listener) {
        this.engine = new MixEngine(config, listener);
        this.runtime = RtcRuntime.create(engine.clock());
    }

    /**
     * Starts a mixer with no output events reported.
     *
     * @param config the mix and its output
     * @return the running mixer; close it
     * @throws IllegalStateException when webrtc-java cannot load here (the message says why)
     * @throws NullPointerException when {@code config} is null
     */
    public static Mixer start(MixerConfig config) {
        return start(config, new LiveStreamListener() { });
    }

    /**
     * Starts a mixer: the WebRTC runtime, and the output stream unless
     * {@link MixerConfig#outputOnStart()} is off.
     *
     * @param config the mix and its output
     * @param listener the output stream's events
     * @return the running mixer; close it
     * @throws IllegalStateException when webrtc-java cannot load here (the message says why)
     * @throws NullPointerException when an argument is null
     */
    public static Mixer start(MixerConfig config, LiveStreamListener listener) {
        Objects.requireNonNull(config, "config");
        Mixer m = new Mixer(config, Objects.requireNonNull(listener, "listener"));
        if (config.outputOnStart()) {
            m.startOutput();
        }
        return m;
    }

    /**
     * Takes a participant's leg: answers its offer and adds it to the mix. A participant joining
     * again replaces its earlier leg.
     *
     * @throws IllegalStateException when the mixer is full or closed
     */
    @Override
    public ParticipantLeg join(String userId, CohostToken.Role role, String offerSdp, LegSignaling toParticipant) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        ReceivingLeg previous;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("mixer is closed");
            }
            previous = legs.remove(userId);
        }
        if (previous != null) {
            previous.close();
        }
        boolean host = role == CohostToken.Role.HOST;
        ParticipantFeed feed = engine.add(userId, host);
        ReceivingLeg leg;
        try {
            leg = ReceivingLeg.accept(runtime, offerSdp, toParticipant, new FeedListener(userId, feed, host));
        } catch (RuntimeException e) {
            engine.remove(userId);
            throw e;
        }
        synchronized (this) {
            legs.put(userId, leg);
        }
        LOG.info("participant {} ({}) joined the mix", userId, role);
        return leg::addRemoteCandidate;
    }

    /** Closes the participant's leg and takes it out of the mix; unknown users are ignored. */
    @Override
    public void leave(String userId) {
        ReceivingLeg leg;
        synchronized (this) {
            leg = legs.remove(userId);
        }
        if (leg != null) {
            leg.close();
        }
        if (engine.remove(userId)) {
            LOG.info("participant {} left the mix", userId);
        }
    }

    /** Leaves only if {@code leg} is still the participant's current leg (a rejoin may have replaced it). */
    private void leaveIfCurrent(String userId, ReceivingLeg expected, String why) {
        synchronized (this) {
            if (legs.get(userId) != expected) {
                return;
            }
        }
        LOG.info("participant {} disconnected ({})", userId, why);
        leave(userId);
    }

    /**
     * Installs a new layout; the next canvas uses it. The running stream is not touched when the layout
     * is bad.
     *
     * @param layout the layout for the next canvases
     * @throws IllegalArgumentException when the layout puts a region outside the canvas
     * @throws NullPointerException when {@code layout} is null
     */
    public void setLayout(Layout layout) {
        engine.setLayout(Objects.requireNonNull(layout, "layout"));
    }

    /** @return the regions the next canvas is drawn with */
    public List<Region> regions() {
        return engine.regions();
    }

    /** @return user ids in the mix, host first */
    public List<String> participants() {
        return engine.participants();
    }

    /** @return how many WebRTC legs are open */
    public synchronized int legCount() {
        return legs.size();
    }

    /**
     * @param userId the participant
     * @return how many pictures a participant's leg has delivered, or -1 when it is not in the mix
     */
    public long picturesFrom(String userId) {
        ParticipantFeed f = engine.feed(userId);
        return f == null ? -1 : f.videoFrames();
    }

    /**
     * Waits until every participant in the mix has delivered a picture, so a mix that starts now
     * shows everyone from its first keyframe.
     *
     * @param timeout how long to wait
     * @return true once everyone has delivered a picture (and someone is in the mix); false when
     *     {@code timeout} passed first
     * @throws InterruptedException when the calling thread is interrupted while it waits
     */
    public boolean awaitPictures(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> ids = participants();
            if (!ids.isEmpty() && ids.stream().allMatch(id -> picturesFrom(id) > 0)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /**
     * Prepares the output while another publisher still holds the audience key, so that a later
     * {@link #startOutput()} only has to publish and encode its first keyframe: opens the encoders
     * (and encodes one throw-away frame), and connects every output destination up to
     * {@code createStream} without {@code publish} (see {@code LiveStream.prepare()}). Nothing reaches
     * the audience key. While pushing, or while a preparation is held, it does nothing.
     *
     * @return completes when every destination is prepared; fails with the first error ({@code
     *     startOutput()} then connects in full)
     * @throws IllegalStateException when the mixer is closed
     */
    public CompletableFuture<Void> prepareOutput() {
        return engine.prepareOutput();
    }

    /**
     * Closes a prepared output that was not started (its connections send {@code deleteStream} only);
     * the audience key is not touched. Idempotent.
     */
    public void cancelPreparedOutput() {
        engine.cancelPreparedOutput();
    }

    /**
     * Starts pushing the mix (when {@link MixerConfig#outputOnStart()} was off, or after
     * {@link #stopOutput()}), on the prepared output when {@link #prepareOutput()} made one; while
     * pushing, returns a completed future.
     *
     * @return completes when the ingest accepted the stream
     */
    public CompletableFuture<Void> startOutput() {
        return engine.startOutput();
    }

    /** Stops pushing, and closes a prepared output; the participants stay in the mix. Idempotent. */
    public void stopOutput() {
        engine.stopOutput();
    }

    /** @return the output stream (for its stats), or null while not pushing */
    public LiveStream output() {
        return engine.output();
    }

    /** @return SEI messages from the host waiting for their mixed frame */
    public int pendingHostSei() {
        return engine.hostSei().size();
    }

    @Override
    public void close() {
        Map<String, ReceivingLeg> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new HashMap<>(legs);
            legs.clear();
        }
        engine.stopOutput();
        for (ReceivingLeg leg : open.values()) {
            leg.close();
        }
        engine.close();
        control.shutdown();
        try {
            control.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtime.close();
    }

    /** Delivers one leg into its feed. */
    private final class FeedListener implements ReceivingLeg.Listener {
        private final String userId;
        private final ParticipantFeed feed;
        private final boolean host;

        FeedListener(String userId, ParticipantFeed feed, boolean host) {
            this.userId = userId;
            this.feed = feed;
            this.host = host;
        }

        @Override
        public void onVideo(VideoFrame frame) {
            feed.offerVideo(frame);
        }

        @Override
        public void onAudio(AudioFrame frame) {
            feed.offerAudio(frame);
        }

        @Override
        public void onData(byte[] message) {
            if (!host || !SeiDataMessage.matches(message)) {
                return;
            }
            try {
                SeiDataMessage m = SeiDataMessage.decode(message);
                engine.hostSei().add(m.frameNumber(), m.payload());
            } catch (IllegalArgumentException e) {
                LOG.warn("host {} sent a bad SEI data message: {}", userId, e.getMessage());
            }
        }

        @Override
        public void onDisconnected(String why) {
            control.execute(() -> {
                ReceivingLeg current;
                synchronized (Mixer.this) {
                    current = legs.get(userId);
                }
                if (current != null && engine.feed(userId) == feed) {
                    leaveIfCurrent(userId, current, why);
                }
            });
        }
    }
}
