package io.livepush.cohost.server.mixer;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.stamp.Stamp;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media half of the {@link Mixer}, independent of how pictures and sound arrive: the
 * participants present (host first, then guests in join order), the layout, the canvas and mixed
 * audio sources, the host's SEI queue, and the output {@link LiveStream} (started and stopped as the
 * handover asks).
 *
 * <p>Threads: participants are added and removed from any thread (a lock guards the roster); the
 * canvas is composed on the output stream's capture thread, the audio mixed on its audio thread.
 * The frame hook runs on the capture thread and is where SEI and the leave keyframe are queued.
 */
final class MixEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MixEngine.class);

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

    /** Starts pushing the mix; a second call while pushing returns the running stream's future. */
    synchronized CompletableFuture<Void> startOutput() {
        if (closed) {
            throw new IllegalStateException("mixer is closed");
        }
        if (stream != null && !stream.done().isDone()) {
            return CompletableFuture.completedFuture(null);
        }
        int w = config.output().video().width();
        int h = config.output().video().height();
        CanvasVideoSource video = new CanvasVideoSource(w, h, config.output().video().fps(), clock,
                this::composeCanvas, this::beforeHandOver);
        MixedAudioSource audio = new MixedAudioSource(clock, () -> feeds);
        stream = LiveStream.create(config.output(), video, audio, clock, listener);
        LOG.info("mix output starting: {} participants, {}x{}", feeds.size(), w, h);
        return stream.start();
    }

    /** Stops pushing (the mix keeps its participants); idempotent. */
    void stopOutput() {
        LiveStream s;
        synchronized (this) {
            s = stream;
            stream = null;
        }
        if (s != null) {
            s.close();
        }
    }

    /** @return the output stream, or null while not pushing */
    synchronized LiveStream output() {
        return stream;
    }

    private Map<String, Stamp> composeCanvas(VideoFrame canvas) {
        List<Region> r = regions;
        return compositor.compose(canvas, r, id -> {
            ParticipantFeed f = feed(id);
            return f == null ? null : f.latest();
        });
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
