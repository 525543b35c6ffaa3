package io.livepush.publisher.stream;

import io.livepush.capture.AudioSource;
import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFormat;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoSource;
import io.livepush.encoder.VideoEncoder;
import io.livepush.encoder.VideoEncoders;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.AudioEncoders;
import io.livepush.encoder.sei.SeiRepeat;
import io.livepush.encoder.sei.SeiUserDataUnregistered;
import io.livepush.publisher.congestion.BitrateController;
import io.livepush.publisher.flv.FlvMetaData;
import io.livepush.publisher.url.RtmpUrl;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live stream: sources, encoders and the RTMP publisher wired together in {@link #start()}.
 *
 * <pre>{@code
 * try (LiveStream stream = LiveStream.create(LiveStreamConfig.builder("rtmp://ingest/live/KEY").build(),
 *         TestPatternSource.builder().build(), ToneSource.builder().build(), new LiveStreamListener() {})) {
 *     stream.start().join();
 *     stream.sendSei("coupon:42".getBytes(UTF_8));
 *     Thread.sleep(10_000);
 * }
 * }</pre>
 *
 * <p>Threads: {@code livepush-video-capture}, {@code livepush-video-encoder}, {@code livepush-audio}
 * (capture and AAC encode), one {@code livepush-sender-N} per destination (its queue to its socket,
 * its reconnects and, for the first, the adaptive bitrate: see {@link DestinationState}),
 * {@code livepush-recorder} when recording, {@code livepush-events} (the listener and the
 * once-a-second stats), plus Netty's event loop for the connections. The stream
 * takes ownership of the sources: {@link #close()} closes them, the encoders, the connection and the
 * recording, sends {@code FCUnpublish}/{@code deleteStream}, and returns within the configured close
 * timeout. {@code close()} is idempotent and may be called from any thread.
 */
public final class LiveStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);

    private final LiveStreamConfig config;
    private final VideoSource videoSource;
    private final AudioSource audioSource;
    private final LiveStreamEvents events;
    private final MediaClock clock;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile VideoEncoder videoEncoder;
    /** The encoder {@link #sendSei} queues on: set once the encoder is open and past its warm-up frame. */
    private volatile VideoEncoder seiEncoder;
    private final SeiLedger seiLedger = new SeiLedger();
    private volatile AudioEncoder audioEncoder;
    private volatile List<Destination> destinations = List.of();
    private volatile RecordingOutput recording;
    private volatile MediaFanOut fanOut;
    private volatile VideoTrack videoTrack;
    private volatile AudioTrack audioTrack;
    private volatile long startNanos;
    private final CompletableFuture<Void> publishing = new CompletableFuture<>();
    private boolean mediaStarted;
    /** Encoders, destinations and fan-out made (by prepare() or start()); under the stream's lock. */
    private boolean wired;
    private int firstFailures;

    private LiveStream(LiveStreamConfig config, VideoSource video, AudioSource audio, MediaClock clock,
            LiveStreamListener listener) {
        this.config = config;
        this.videoSource = video;
        this.audioSource = audio;
        this.clock = clock;
        this.events = new LiveStreamEvents(listener);
        video.setErrorListener(events::sourceError);
        if (audio != null) {
            audio.setErrorListener(events::sourceError);
        }
    }

    /**
     * Creates a stream; nothing runs until {@link #start()}.
     *
     * @param config the settings
     * @param video the video source (owned by the stream from now on)
     * @param audio the audio source, or {@code null} for a stream without sound
     * @param clock the clock the sources stamp their frames with
     * @param listener the events; use {@code new LiveStreamListener() {}} for none
     * @return the stream, not started
     * @throws IllegalArgumentException when the sources' formats do not match the encoder settings
     */
    public static LiveStream create(LiveStreamConfig config, VideoSource video, AudioSource audio, MediaClock clock,
            LiveStreamListener listener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(video, "video source");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(listener, "listener");
        VideoFormat vf = video.format();
        if (vf.width() != config.video().width() || vf.height() != config.video().height()) {
            throw new IllegalArgumentException("video source is " + vf.width() + "x" + vf.height()
                    + " but the encoder is configured for " + config.video().width() + "x" + config.video().height()
                    + " (expected the same size)");
        }
        if (audio != null && !audio.format().equals(config.audio().audioFormat())) {
            throw new IllegalArgumentException("audio source delivers " + audio.format()
                    + " but the encoder is configured for " + config.audio().audioFormat() + " (expected the same)");
        }
        return new LiveStream(config, video, audio, clock, listener);
    }

    /**
     * Wires the whole path, in order: encoders, one sender per destination (each connects: handshake, connect,
     * publish, on its own thread), and once the first destination publishes, the optional recording and the
     * capture threads, so the first frame captured is among the first frames sent. Returns at once.
     *
     * <p>After {@link #prepare()}, the encoders and connections it opened are used: each destination only sends
     * {@code publish} on its prepared connection (or connects anew when that connection is gone).
     *
     * <p>A destination whose connection is lost later reconnects by the {@link LiveStreamConfig#reconnect()}
     * policy while capture and encoding go on; the stream fails only when every destination has given up.
     *
     * @return completes when an ingest accepted the stream; fails with the cause when every destination failed
     *     its first attempt (the stream is then closed)
     * @throws IllegalStateException when called twice
     */
    public CompletableFuture<Void> start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("stream was already started");
        }
        startNanos = System.nanoTime();
        synchronized (this) {
            if (!wired && !wire()) {
                return publishing;
            }
        }
        seiEncoder = videoEncoder;
        for (Destination d : destinations) {
            d.start();
        }
        return publishing;
    }

    /**
     * Does everything {@link #start()} does that does not take the stream key, so that a later
     * {@code start()} only has to publish and encode its first keyframe: opens the encoders and
     * encodes one throw-away frame (the first real frame is still a keyframe), and opens every
     * destination's connection up to {@code createStream} without {@code publish}
     * ({@link io.livepush.publisher.rtmp.client.RtmpClient#prepare}). For a publisher that takes over
     * a key another one still holds: an ingest takes one publisher per key. Returns at once.
     *
     * <p>A prepared connection that is gone by the time {@code start()} runs (the ingest dropped an idle
     * connection) is replaced by a new one as usual. {@link #close()} closes prepared connections without
     * touching the key (only {@code deleteStream} is sent).
     *
     * @return completes when every destination holds a prepared connection; fails with the first
     *     destination's error (the stream stays usable: {@code start()} then connects as usual), or with the
     *     encoder's error (the stream is then closed)
     * @throws IllegalStateException when called twice, after {@code start()} or after {@code close()}
     */
    public CompletableFuture<Void> prepare() {
        synchronized (this) {
            if (closed.get() || started.get() || wired) {
                throw new IllegalStateException("prepare() comes once, before start() (the stream is "
                        + (closed.get() ? "closed" : started.get() ? "started" : "already prepared") + ")");
            }
            if (!wire()) {
                return publishing.thenApply(v -> null);
            }
        }
        long t0 = System.nanoTime();
        warmUpVideoEncoder();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Destination d : destinations) {
            all.add(d.prepare());
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            if (e == null) {
                LOG.info("prepared {} destination(s) in {} ms; the publish is held until start()", all.size(),
                        (System.nanoTime() - t0) / 1_000_000);
            }
        });
    }

    /**
     * One frame with detail in it (a luma ramp, a chroma pattern) through the video encoder and thrown
     * away, so that the first real frame does not pay for the encoder's first-use costs; the first real
     * frame is then asked to be a keyframe.
     */
    private void warmUpVideoEncoder() {
        long t0 = System.nanoTime();
        VideoFrame frame = VideoFrame.allocate(config.video().width(), config.video().height(), 0);
        for (int p = 0; p < 3; p++) {
            ByteBuffer plane = frame.plane(p);
            byte[] row = new byte[frame.planeWidth(p)];
            for (int y = 0; y < frame.planeHeight(p); y++) {
                for (int x = 0; x < row.length; x++) {
                    row[x] = (byte) (p == 0 ? x * 3 + y * 5 : 128 + ((x ^ y) & 15));
                }
                plane.put(y * frame.stride(p), row);
            }
        }
        try {
            videoEncoder.encode(frame);
        } catch (RuntimeException e) {
            LOG.debug("encoder warm-up frame failed: {}", e.toString());
        } finally {
            frame.release();
            videoEncoder.requestKeyframe();
            // Only now: an SEI queued before would ride on the frame thrown away.
            seiEncoder = videoEncoder;
        }
        LOG.debug("video encoder warmed up with one frame in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Opens the encoders, makes the destinations, the recording and the fan-out. Under the stream's lock.
     *
     * @return false when that failed: the stream is then failing and {@code publishing} failed
     */
    private boolean wire() {
        wired = true;
        try {
            videoEncoder = VideoEncoders.create(config.videoEncoder(), config.video());
            LOG.info("video encoder: {}", VideoEncoders.lastSelectionReport());
            if (audioSource != null) {
                audioEncoder = AudioEncoders.create(config.audioEncoder(), config.audio());
                LOG.info("audio encoder: {}", AudioEncoders.lastSelectionReport());
            }
        } catch (RuntimeException e) {
            fail(e);
            publishing.completeExceptionally(e);
            return false;
        }
        events.primary(config.url().redacted());
        events.connecting(config.url().redacted());
        Map<String, Object> meta = metaData().toEcmaArray();
        byte[] asc = audioEncoder != null ? audioEncoder.audioSpecificConfig() : null;
        List<Destination> all = new ArrayList<>();
        List<RtmpUrl> urls = config.destinations();
        for (int i = 0; i < urls.size(); i++) {
            BitrateController controller = i == 0 && config.adaptiveBitrate()
                    ? new BitrateController(config.video().bitrateBps(), audioEncoder != null ? config.audio().bitrate() : 0,
                            BITRATE_RECOVER_INTERVAL_MS)
                    : null;
            all.add(new Destination(i, urls.get(i), config.rtmp(), config.reconnect(), config.dropThresholdMs(),
                    new StreamSender(meta, asc), videoEncoder, controller, events, owner));
        }
        destinations = List.copyOf(all);
        try {
            if (config.recordFile() != null) {
                String file = config.recordFile().toString();
                recording = new RecordingOutput(config.recordFile(), audioSource != null, meta, asc, this::fail,
                        (packet, reason) -> events.seiDropped(packet.seiPayloads(), reason, file));
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
            publishing.completeExceptionally(e);
            return false;
        }
        List<MediaSendQueue> queues = new ArrayList<>();
        for (Destination d : destinations) {
            queues.add(d.queue());
        }
        if (recording != null) {
            queues.add(recording.queue());
        }
        fanOut = new MediaFanOut(queues);
        return true;
    }

    /** Reconnect and bitrate changes are applied after 4 s of a drained queue per step (SPECS.md). */
    private static final long BITRATE_RECOVER_INTERVAL_MS = 4000;

    private final Destination.Owner owner = new Destination.Owner() {
        @Override
        public boolean firstOutcome(Destination d, Throwable error) {
            synchronized (LiveStream.this) {
                if (error == null) {
                    if (!mediaStarted && !closed.get()) {
                        mediaStarted = true;
                        try {
                            startMedia();
                            events.publishing();
                            publishing.complete(null);
                        } catch (Exception | Error e) {
                            fail(e);
                            publishing.completeExceptionally(e);
                        }
                    }
                    return true;
                }
                firstFailures++;
                if (!mediaStarted && firstFailures == destinations.size()) {
                    fail(error);
                    publishing.completeExceptionally(error);
                    return false;
                }
                return !closed.get();
            }
        }

        @Override
        public void gaveUp(Destination d, Throwable cause) {
            for (Destination other : destinations) {
                if (other.state() != DestinationState.GAVE_UP) {
                    return;
                }
            }
            fail(cause);
        }
    };

    private void startMedia() {
        videoTrack = new VideoTrack(videoSource, videoEncoder, clock, config.seiTimestamps(), fanOut, this::fail,
                seiLedger, unsent -> events.seiDropped(unsent, SeiDropReason.SOURCE_ENDED, null));
        if (audioSource != null) {
            audioTrack = new AudioTrack(audioSource, audioEncoder, fanOut, this::fail);
        }
        if (recording != null) {
            recording.start();
        }
        videoTrack.start();
        if (audioTrack != null) {
            audioTrack.start();
        }
        events.startStats(this::stats);
    }

    private FlvMetaData metaData() {
        FlvMetaData.Builder b = FlvMetaData.builder()
                .size(config.video().width(), config.video().height())
                .frameRate(config.video().fps())
                .videoDataRateKbps(config.video().bitrateBps() / 1000.0);
        if (audioSource != null) {
            b.audio(config.audio().sampleRate(), config.audio().channels() == 2, config.audio().bitrate() / 1000.0);
        } else {
            b.noAudio();
        }
        return b.build();
    }

    /**
     * Attaches an SEI payload to the next encoded video frame. A bad payload throws and leaves the
     * stream untouched. A payload accepted here is never lost silently: when no frame carries it
     * (the source ends, the stream closes first) or the frame carrying it is dropped on the way to a
     * destination, {@link LiveStreamListener#onSeiDropped} says so.
     *
     * @param payload 1..255 bytes
     * @throws IllegalArgumentException for a null, empty or over-long payload
     * @throws IllegalStateException before {@link #start()} or {@link #prepare()} has opened the encoder, after
     *     {@link #close()}, once the video source has ended with no frame left to carry the payload, or when the
     *     encoder's SEI queue is full; the payload is then not queued
     */
    public void sendSei(byte[] payload) {
        sendSei(payload, SeiRepeat.once());
    }

    /**
     * Like {@link #sendSei(byte[])}, on the frames {@code repeat} names.
     *
     * @param payload 1..255 bytes, copied; sent under the default LivePush SEI UUID
     *     ({@link SeiUserDataUnregistered#LIVEPUSH_UUID})
     * @param repeat which upcoming frames carry it, never null
     * @throws IllegalArgumentException for a bad payload or a null repeat; the stream is unchanged
     * @throws IllegalStateException as {@link #sendSei(byte[])}; the stream is unchanged
     */
    public void sendSei(byte[] payload, SeiRepeat repeat) {
        VideoEncoder enc = seiEncoder;
        if (enc == null || closed.get()) {
            throw new IllegalStateException(closed.get() ? SEI_AFTER_CLOSE
                    : "SEI can only be sent while the stream runs (it is not started)");
        }
        SeiUserDataUnregistered message = SeiUserDataUnregistered.of(payload);
        SeiLedger.requireRepeat(repeat);
        VideoTrack track = videoTrack;
        if (track != null && track.sourceEndedWithNoFrameQueued()) {
            throw new IllegalStateException(SEI_AFTER_SOURCE_END);
        }
        SeiLedger.Entry entry = seiLedger.add(message, repeat);
        try {
            enc.sendSei(message, repeat);
        } catch (RuntimeException e) {
            seiLedger.withdraw(entry);
            throw e;
        }
    }

    static final String SEI_AFTER_SOURCE_END = "the video source has ended; no frame is left to carry the SEI";
    static final String SEI_AFTER_CLOSE = "SEI can only be sent while the stream runs (it is closed)";

    /** @return the video encoder in use (to change its bitrate, or ask for a keyframe) */
    public VideoEncoder videoEncoder() {
        return videoEncoder;
    }

    /** @return a snapshot of the counters */
    public LiveStreamStats stats() {
        return events.snapshot(startNanos, videoTrack, destinations, videoEncoder);
    }

    /** @return completes when the stream has stopped, for any reason */
    public CompletableFuture<Void> done() {
        return done;
    }

    /**
     * Waits until the sources have ended (file sources, frame limits) and everything encoded was
     * handed to the recording and to every destination that is publishing.
     *
     * @param timeoutMs the longest wait in milliseconds
     * @return false when {@code timeoutMs} passed first
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitSourcesEnded(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline && !done.isDone()) {
            VideoTrack v = videoTrack;
            AudioTrack a = audioTrack;
            if (v != null && v.finished() && (a == null || a.finished()) && outputsDrained()) {
                return true;
            }
            Thread.sleep(20);
        }
        return done.isDone();
    }

    /** @return true when the recording and every publishing destination have sent all they hold */
    private boolean outputsDrained() {
        RecordingOutput r = recording;
        if (r != null && r.queue().size() > 0) {
            return false;
        }
        for (Destination d : destinations) {
            // A destination without a connection holds its last GOP for a reconnect; it is not waited for.
            if (d.state() == DestinationState.PUBLISHING && d.queue().size() > 0) {
                return false;
            }
        }
        return true;
    }

    private void fail(Throwable cause) {
        if (closed.get()) {
            return;
        }
        LOG.warn("stream to {} failed: {}", config.url().redacted(), cause.toString());
        events.failed(cause);
        Thread t = new Thread(this::close, "livepush-close");
        t.setDaemon(true);
        t.start();
    }

    /** Stops everything within the configured close timeout; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            done.join();
            return;
        }
        long budgetMs = config.closeTimeout().toMillis();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMs);
        try {
            if (videoTrack != null) {
                videoTrack.stop(remaining(deadline, budgetMs / 4));
            }
            events.seiDropped(seiLedger.close(SEI_AFTER_CLOSE), SeiDropReason.STREAM_CLOSED, null);
            if (audioTrack != null) {
                audioTrack.stop(remaining(deadline, budgetMs / 4));
            }
            // Every destination drains at once, so a stalled one does not eat the others' time.
            long drainDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(remaining(deadline, budgetMs / 4));
            for (Destination d : destinations) {
                d.drain(0);
            }
            if (recording != null) {
                recording.drainAndStop(remaining(drainDeadline, budgetMs / 4));
            }
            for (Destination d : destinations) {
                d.drain(remaining(drainDeadline, budgetMs / 4));
            }
            List<CompletableFuture<Void>> closing = new ArrayList<>();
            long stopDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(remaining(deadline, 200));
            for (Destination d : destinations) {
                closing.add(d.stop(stopDeadline));
            }
            try {
                CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                        .get(remaining(deadline, budgetMs), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                LOG.debug("connections still closing after the close timeout: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } catch (RuntimeException e) {
            LOG.warn("while closing the stream to {}: {}", config.url().redacted(), e.toString());
        } finally {
            closeQuietly(videoSource);
            closeQuietly(audioSource);
            // An encoder still in use by a thread that did not stop in time is left to the GC:
            // freeing native codec memory under a running encode would crash the JVM.
            if (videoTrack == null || !videoTrack.encoderThreadAlive()) {
                closeQuietly(videoEncoder);
            }
            if (audioTrack == null || !audioTrack.threadAlive()) {
                closeQuietly(audioEncoder);
            }
            events.closed();
            done.complete(null);
        }
    }

    private static long remaining(long deadlineNanos, long capMs) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        return Math.max(1, Math.min(left, capMs));
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }
}
