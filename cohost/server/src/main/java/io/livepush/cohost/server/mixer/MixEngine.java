package io.livepush.cohost.server.mixer;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.stamp.Stamp;
import io.livepush.encoder.VideoEncoder;
import io.livepush.encoder.sei.SeiRepeat;
import io.livepush.publisher.stream.CaptureTimeSei;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media half of the {@link Mixer}, independent of how pictures and sound arrive: the
 * participants present (host first, then guests in join order), the layout, the canvas and mixed
 * audio sources, the host's SEI queue, and the output {@link LiveStream} (prepared, started and
 * stopped as the handover asks).
 *
 * <p>Threads: participants are added and removed from any thread (a lock guards the roster); the
 * canvas is composed on the output stream's capture thread, the audio mixed on its audio thread.
 * The frame hook runs on the capture thread and is where SEI and the leave keyframe are queued.
 */
final class MixEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MixEngine.class);
    /** Canvases composed and thrown away while preparing the output (one 720p canvas is a few ms once compiled). */
    private static final int WARM_UP_CANVASES = 3;

    private final MixerConfig config;
    private final MediaClock clock = new MediaClock();
    private final Compositor compositor;
    private final HostSeiQueue hostSei = new HostSeiQueue();
    private final LiveStreamListener listener;
    private final Map<String, Member> roster = new LinkedHashMap<>();
    private volatile Layout layout;
    private volatile List<Region> regions = List.of();
    private volatile List<ParticipantFeed> feeds = List.of();
    private volatile long rosterVersion;
    private long leaveVersion = -1;
    private long keyframeHandledVersion = -1;
    private LiveStream stream;
    /** An output prepared ({@link #prepareOutput()}) and not yet started. */
    private LiveStream prepared;
    private boolean closed;

    private record Member(ParticipantFeed feed, boolean host) { }

    MixEngine(MixerConfig config, LiveStreamListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.layout = config.layout();
        this.compositor = new Compositor(config.output().video().width(), config.output().video().height());
    }

    /**
     * Adds a participant; the host is always placed first.
     *
     * @return the feed its leg delivers into
     * @throws IllegalStateException when the mixer is full or closed
     */
    synchronized ParticipantFeed add(String userId, boolean host) {
        if (closed) {
            throw new IllegalStateException("mixer is closed");
        }
        Member old = roster.remove(userId);
        if (old != null) {
            old.feed.close();
        }
        if (roster.size() >= config.maxParticipants()) {
            throw new IllegalStateException("mixer is full: " + roster.size() + " participants (at most "
                    + config.maxParticipants() + ")");
        }
        ParticipantFeed feed = new ParticipantFeed(userId);
        if (host) {
            Map<String, Member> reordered = new LinkedHashMap<>();
            reordered.put(userId, new Member(feed, true));
            reordered.putAll(roster);
            roster.clear();
            roster.putAll(reordered);
        } else {
            roster.put(userId, new Member(feed, false));
        }
        republish(false);
        return feed;
    }

    /** Removes a participant; the next canvas without it is encoded as a keyframe. @return true when present */
    synchronized boolean remove(String userId) {
        Member m = roster.remove(userId);
        if (m == null) {
            return false;
        }
        republish(true);
        m.feed.close();
        return true;
    }

    synchronized void setLayout(Layout newLayout) {
        List<String> ids = new ArrayList<>(roster.keySet());
        List<Region> next = ids.isEmpty() ? List.of() : validated(newLayout, ids);
        layout = newLayout;
        regions = next;
    }

    private void republish(boolean left) {
        List<String> ids = new ArrayList<>(roster.keySet());
        regions = ids.isEmpty() ? List.of() : validated(layout, ids);
        feeds = roster.values().stream().map(Member::feed).toList();
        rosterVersion++;
        if (left) {
            leaveVersion = rosterVersion;
        }
    }

    private List<Region> validated(Layout l, List<String> ids) {
        int w = config.output().video().width();
        int h = config.output().video().height();
        List<Region> r = List.copyOf(l.arrange(List.copyOf(ids), w, h));
        for (Region region : r) {
            region.requireInside(w, h);
        }
        return r;
    }

    /** @return user ids present, host first */
    synchronized List<String> participants() {
        return List.copyOf(roster.keySet());
    }

    /** @return the regions the next canvas is drawn with */
    List<Region> regions() {
        return regions;
    }

    /** @return the host's user id, or null when no host is present */
    synchronized String hostId() {
        for (Map.Entry<String, Member> e : roster.entrySet()) {
            if (e.getValue().host) {
                return e.getKey();
            }
        }
        return null;
    }

    synchronized ParticipantFeed feed(String userId) {
        Member m = roster.get(userId);
        return m == null ? null : m.feed;
    }

    HostSeiQueue hostSei() {
        return hostSei;
    }

    MediaClock clock() {
        return clock;
    }

    private LiveStream newStream() {
        int w = config.output().video().width();
        int h = config.output().video().height();
        // The canvas keeps the frame that starts the next GOP by the output encoder's own rule; the
        // stream (and its encoder, opened by prepare or start) exists only once the canvas does.
        AtomicReference<LiveStream> output = new AtomicReference<>();
        CanvasVideoSource video = new CanvasVideoSource(w, h, config.output().video().fps(), clock,
                this::composeCanvas, this::beforeHandOver, pts -> keyframeDue(output.get(), pts));
        MixedAudioSource audio = new MixedAudioSource(clock, () -> feeds);
        LiveStream s = LiveStream.create(config.output(), video, audio, clock, listener);
        output.set(s);
        return s;
    }

    /** Whether {@code s}'s encoder must start a GOP at {@code ptsUs}; false while it has none open. */
    private static boolean keyframeDue(LiveStream s, long ptsUs) {
        VideoEncoder encoder = s == null ? null : s.videoEncoder();
        return encoder != null && encoder.isKeyframeDue(ptsUs);
    }

    /**
     * Prepares the output without publishing ({@link LiveStream#prepare()}): encoders open and warm,
     * connections up to {@code createStream}. A second call while a preparation is held returns a
     * completed future; while pushing it prepares nothing.
     *
     * @return completes when every destination is prepared; fails with the first error
     */
    CompletableFuture<Void> prepareOutput() {
        LiveStream s;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("mixer is closed");
            }
            if ((stream != null && !stream.done().isDone()) || (prepared != null && !prepared.done().isDone())) {
                return CompletableFuture.completedFuture(null);
            }
            s = newStream();
            prepared = s;
        }
        LOG.info("mix output preparing: {} participants, {}x{} (the audience key is not taken)", feeds.size(),
                config.output().video().width(), config.output().video().height());
        warmUpCompositor();
        try {
            return s.prepare(); // encoders open here, outside the roster lock
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(e); // cancelled or started meanwhile
        }
    }

    /** Closes a prepared output that was not started; the audience key is not touched. Idempotent. */
    void cancelPreparedOutput() {
        LiveStream s;
        synchronized (this) {
            s = prepared;
            prepared = null;
        }
        if (s != null) {
            LOG.info("mix output preparation given up; its connections close without publishing");
            s.close();
        }
    }

    /**
     * Starts pushing the mix, on the prepared output when there is one; a second call while pushing
     * returns a completed future.
     */
    synchronized CompletableFuture<Void> startOutput() {
        if (closed) {
            throw new IllegalStateException("mixer is closed");
        }
        if (stream != null && !stream.done().isDone()) {
            return CompletableFuture.completedFuture(null);
        }
        LiveStream s = prepared;
        prepared = null;
        boolean warm = s != null && !s.done().isDone();
        stream = warm ? s : newStream();
        LOG.info("mix output starting{}: {} participants", warm ? " on the prepared output" : "", feeds.size());
        return stream.start();
    }

    /** Stops pushing and closes a prepared output (the mix keeps its participants); idempotent. */
    void stopOutput() {
        LiveStream s;
        synchronized (this) {
            s = stream;
            stream = null;
        }
        cancelPreparedOutput();
        if (s != null) {
            s.close();
        }
    }

    /** @return the output stream, or null while not pushing */
    synchronized LiveStream output() {
        return stream;
    }

    /** On the output's capture thread; under the compositor's lock, which the warm-up also takes. */
    private Map<String, Stamp> composeCanvas(VideoFrame canvas) {
        List<Region> r = regions;
        synchronized (compositor) {
            return compositor.compose(canvas, r, id -> {
                ParticipantFeed f = feed(id);
                return f == null ? null : f.latest();
            });
        }
    }

    /**
     * Composes a few canvases of the present participants into a scratch frame, so that the output's
     * first canvas runs compiled code with its scalers made, instead of paying for that between the
     * publish and the first keyframe.
     */
    private void warmUpCompositor() {
        VideoFrame scratch = VideoFrame.allocate(config.output().video().width(), config.output().video().height(), 0);
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < WARM_UP_CANVASES; i++) {
                composeCanvas(scratch);
            }
        } finally {
            scratch.release();
        }
        LOG.debug("compositor warmed up with {} canvases in {} ms", WARM_UP_CANVASES, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Runs on the capture thread right before a canvas goes to the encoder. */
    private void beforeHandOver(VideoFrame canvas, Map<String, Stamp> shown,
            CanvasVideoSource.FrameHook.Handover handover) throws InterruptedException {
        LiveStream s = output();
        if (s == null || s.videoEncoder() == null) {
            return;
        }
        String host = hostId();
        Stamp hostStamp = host == null ? null : shown.get(host);
        List<byte[]> sei = hostSei.takeFor(hostStamp);
        boolean keyframe;
        synchronized (this) {
            keyframe = leaveVersion > keyframeHandledVersion;
            keyframeHandledVersion = leaveVersion;
        }
        boolean captureTime = config.hostCaptureTimeSei() && hostStamp != null;
        if (sei.isEmpty() && !keyframe && !captureTime) {
            return;
        }
        handover.awaitEncoded();
        try {
            if (keyframe) {
                s.videoEncoder().requestKeyframe();
            }
            for (byte[] payload : sei) {
                s.sendSei(payload);
            }
            if (captureTime) {
                s.videoEncoder().sendSei(CaptureTimeSei.message(hostStamp.wallClockUs()), SeiRepeat.once());
            }
        } catch (IllegalStateException e) {
            LOG.warn("SEI for the mixed frame not queued: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        stopOutput();
        List<Member> members;
        synchronized (this) {
            closed = true;
            members = new ArrayList<>(roster.values());
            roster.clear();
            republish(false);
        }
        for (Member m : members) {
            m.feed.close();
        }
    }
}
