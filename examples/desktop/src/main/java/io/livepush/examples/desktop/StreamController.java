package io.livepush.examples.desktop;

import io.livepush.capture.AudioSource;
import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoSource;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamListener;
import io.livepush.publisher.stream.LiveStreamStats;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presenter between the window and the SDK: keeps the preview source and the {@link LiveStream}
 * off the event dispatch thread. Every state change runs on one worker thread
 * ({@code livepush-desktop-worker}), which owns the preview, the stream and the state; opening devices
 * and closing a stream happen there, connecting is asynchronous, and the {@link StreamView} is told on
 * the event dispatch thread. A call that does not fit the state (Go Live while live, an event while not
 * live) is answered with words and leaves the running stream untouched.
 *
 * <p>The stream key lives only inside the {@link IngestTarget} handed to the SDK; the view sees the
 * redacted URL. {@link #close()} stops the stream and the preview; idempotent.
 */
public final class StreamController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamController.class);
    /** Preview pictures a second. */
    static final int PREVIEW_RATE = 8;

    /** Where the controller is. */
    public enum State {
        /** Nothing runs. */
        IDLE,
        /** The preview source runs. */
        PREVIEW,
        /** Go Live was pressed; the ingest has not accepted yet. */
        CONNECTING,
        /** Publishing. */
        LIVE
    }

    private final StreamView view;
    private final Consumer<PreviewImage> previewSink;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "livepush-desktop-worker");
        t.setDaemon(true);
        return t;
    });
    private volatile State state = State.IDLE;
    private volatile LiveStream stream;
    private PreviewRunner preview;
    private VideoChoice previewChoice = VideoChoice.testPattern();
    private StreamSettings previewSettings = StreamSettings.defaults();
    private boolean closed;

    /**
     * @param view told of every change, on the event dispatch thread
     * @param previewSink takes preview pictures, on capture threads; must not block
     */
    public StreamController(StreamView view, Consumer<PreviewImage> previewSink) {
        this.view = Objects.requireNonNull(view, "view");
        this.previewSink = Objects.requireNonNull(previewSink, "previewSink");
    }

    /** @return the current state */
    public State state() {
        return state;
    }

    /**
     * Shows this source in the preview. While live, the choice is kept for the next Go Live and the
     * running stream is not touched. Returns at once; the work runs on the controller's worker thread.
     *
     * @param choice the video source to preview, not null
     * @param settings the size and frame rate to open it at, not null
     * @throws NullPointerException when an argument is null
     */
    public void showPreview(VideoChoice choice, StreamSettings settings) {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(settings, "settings");
        onWorker(() -> {
            previewChoice = choice;
            previewSettings = settings;
            if (state == State.CONNECTING || state == State.LIVE) {
                ui(() -> view.notice("The new source is used the next time you go live."));
                return;
            }
            startPreview();
        });
    }

    /**
     * Goes live with these sources and settings to this ingest; the preview then shows what is streamed.
     * Returns at once; progress and failures reach the {@link StreamView}.
     *
     * @param video the video source, not null
     * @param audio the sound ({@link AudioChoice#none()} for none), not null
     * @param settings size, frame rate and video bitrate, not null
     * @param target the RTMP(S) URL and stream key, not null
     * @throws NullPointerException when an argument is null
     */
    public void goLive(VideoChoice video, AudioChoice audio, StreamSettings settings, IngestTarget target) {
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(target, "target");
        onWorker(() -> startStream(video, audio, settings, target));
    }

    /** Stops the stream (also while connecting); the preview comes back. */
    public void stop() {
        onWorker(this::stopStream);
    }

    /**
     * Sends text as an SEI event on the next frame. Validated at once: a bad text throws and the
     * stream goes on.
     *
     * @param text what the user typed; surrounding blanks are dropped, the rest must be 1..255 UTF-8 bytes
     * @return words saying what was sent
     * @throws IllegalArgumentException for an empty or over-long text
     * @throws IllegalStateException when not live
     */
    public String sendEvent(String text) {
        byte[] payload = SeiText.encode(text);
        LiveStream s = stream;
        if (s == null || state != State.LIVE) {
            throw new IllegalStateException("Events can only be sent while live (press Go Live first).");
        }
        s.sendSei(payload);
        return "Event sent (" + payload.length + " bytes) on the next video frame.";
    }

    private void startPreview() {
        stopPreview();
        if (closed) {
            return;
        }
        VideoChoice c = previewChoice;
        StreamSettings s = previewSettings;
        ui(() -> view.busy("Opening " + c.label() + "\u2026"));
        try {
            VideoSource source = SourceOpener.openVideo(c, s, new MediaClock());
            preview = new PreviewRunner(new PreviewTap(source, previewSink, PREVIEW_RATE),
                    e -> onWorker(() -> previewFailed(e)));
            state = State.PREVIEW;
            String what = c.label() + ", " + s.sizeText() + " at " + s.fps() + " fps";
            ui(() -> {
                view.idle();
                view.previewing(what);
            });
        } catch (Exception | Error e) {
            state = State.IDLE;
            LOG.warn("preview of {} failed: {}", c.label(), e.toString());
            ui(() -> {
                view.idle();
                view.error(ErrorMessages.describe(e));
            });
        }
    }

    private void previewFailed(Throwable e) {
        if (state == State.PREVIEW) {
            stopPreview();
            state = State.IDLE;
            ui(() -> view.error(ErrorMessages.describe(e)));
        }
    }

    private void stopPreview() {
        if (preview != null) {
            preview.close();
            preview = null;
        }
    }

    private void startStream(VideoChoice video, AudioChoice audio, StreamSettings settings, IngestTarget target) {
        if (closed) {
            return;
        }
        if (state == State.CONNECTING || state == State.LIVE) {
            ui(() -> view.error("Already " + (state == State.LIVE ? "live" : "connecting") + ": press Stop first."));
            return;
        }
        stopPreview();
        state = State.CONNECTING;
        ui(() -> view.busy("Connecting to " + target.redacted() + "\u2026"));
        MediaClock clock = new MediaClock();
        VideoSource v = null;
        AudioSource a = null;
        try {
            LiveStreamConfig config = LiveStreamConfig.builder(target.secretUrl()).video(settings.toVideoConfig()).build();
            v = new PreviewTap(SourceOpener.openVideo(video, settings, clock), previewSink, PREVIEW_RATE);
            a = SourceOpener.openAudio(audio, config.audio().audioFormat(), clock);
            Events events = new Events();
            LiveStream s = LiveStream.create(config, v, a, clock, events);
            events.stream = s;
            v = null; // the stream owns the sources now
            a = null;
            stream = s;
            s.start().whenComplete((ok, error) -> onWorker(() -> started(s, target, error)));
        } catch (Exception | Error e) {
            closeQuietly(v);
            closeQuietly(a);
            LOG.warn("going live failed: {}", e.toString());
            state = State.IDLE;
            ui(() -> {
                view.idle();
                view.error(ErrorMessages.describe(e));
            });
            startPreview();
        }
    }

    private void started(LiveStream s, IngestTarget target, Throwable error) {
        if (s != stream) {
            return; // stopped while connecting
        }
        if (error != null) {
            stream = null;
            state = State.IDLE;
            s.close();
            ui(() -> {
                view.idle();
                view.error(ErrorMessages.describe(error));
                view.stopped();
            });
            startPreview();
            return;
        }
        state = State.LIVE;
        ui(() -> {
            view.idle();
            view.live(target.redacted());
        });
    }

    private void failedWhileLive(LiveStream s, Throwable cause) {
        if (s != stream || state != State.LIVE) {
            return; // not the current stream, or still connecting: started() reports it
        }
        stream = null;
        state = State.IDLE;
        s.close();
        ui(() -> {
            view.error("The stream stopped: " + ErrorMessages.describe(cause));
            view.stopped();
        });
        startPreview();
    }

    private void stopStream() {
        LiveStream s = stream;
        if (s == null) {
            return;
        }
        stream = null;
        ui(() -> view.busy("Stopping\u2026"));
        s.close();
        state = State.IDLE;
        ui(() -> {
            view.idle();
            view.stopped();
        });
        startPreview();
    }

    /** Stops the stream and the preview; waits up to 5 s. Idempotent. */
    @Override
    public void close() {
        if (worker.isShutdown()) {
            return;
        }
        worker.execute(() -> {
            closed = true;
            LiveStream s = stream;
            stream = null;
            if (s != null) {
                s.close();
            }
            stopPreview();
            state = State.IDLE;
        });
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs on the worker; dropped once the controller is closed. */
    private void onWorker(Runnable r) {
        try {
            worker.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException closedAlready) {
            LOG.debug("controller closed; event dropped");
        }
    }

    private void ui(Runnable r) {
        SwingUtilities.invokeLater(r);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("close failed: {}", e.toString());
            }
        }
    }

    /** The stream's events (on its {@code livepush-events} thread), passed on without blocking. */
    private final class Events implements LiveStreamListener {
        private volatile LiveStream stream;

        @Override
        public void onStats(LiveStreamStats stats) {
            ui(() -> view.stats(stats));
        }

        @Override
        public void onReconnecting(int attempt, Duration delay, Throwable cause) {
            String words = String.format(Locale.ROOT, "Connection lost (%s) Reconnecting in %.1f s, attempt %d\u2026",
                    ErrorMessages.describe(cause), delay.toMillis() / 1000.0, attempt);
            ui(() -> view.notice(words));
        }

        @Override
        public void onReconnected() {
            ui(() -> view.notice("Reconnected: the stream goes on."));
        }

        @Override
        public void onSourceError(Object source, Throwable cause) {
            ui(() -> view.notice("The source had a problem and recovered: " + ErrorMessages.describe(cause)));
        }

        @Override
        public void onFailed(Throwable cause) {
            LiveStream s = stream;
            onWorker(() -> failedWhileLive(s, cause));
        }
    }
}
