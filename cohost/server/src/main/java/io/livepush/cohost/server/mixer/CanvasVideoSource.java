package io.livepush.cohost.server.mixer;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFormat;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.VideoSource;
import io.livepush.capture.stamp.Stamp;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * The mixer's canvas as a {@link VideoSource} for a {@code LiveStream}: each {@link #read()} sleeps
 * until the next frame of the output rate is due on the shared {@link MediaClock}, then composes the
 * participants' newest pictures at that moment (no queue in front of the canvas, so nothing adds
 * latency) and returns the canvas.
 *
 * <h2>The frame hook and exact SEI placement</h2>
 * Before a canvas is returned, a {@link FrameHook} is told which participant frames (by their
 * stamps) it shows, so it can queue SEI for exactly this canvas. The encoder attaches queued SEI to
 * the next picture it <em>finishes</em>, so the hook must only queue once every canvas returned
 * earlier has been encoded: {@link FrameHook.Handover#awaitEncoded()} waits (at most two frame
 * intervals) until all earlier canvases were released by the stream, i.e. encoded or dropped. A
 * hook with nothing to queue does not wait.
 *
 * <h2>Falling behind, and the GOP</h2>
 * When {@code read()} comes more than {@value #MAX_LAG_FRAMES} frames late (a busy machine, a slow
 * encoder), the missed grid frames are skipped so latency does not build up, except the one frame
 * the encoder needs to start the next GOP: the {@code keyframeDue} rule given at construction (the
 * output encoder's {@code VideoEncoder.isKeyframeDue}, the rule the publisher's video track keeps
 * when it drops frames) is asked for each skipped frame, and the first one it names is composed
 * instead of the newest. So keyframes stay on the 2 s grid of the canvas however late the reads.
 *
 * <p>Threads: none of its own; the stream's capture thread calls {@code read()} (composition runs
 * there). Frames come from a pool; {@link #close()} may come from any thread, after which
 * {@code read()} returns null.
 */
public final class CanvasVideoSource implements VideoSource {
    static final int MAX_LAG_FRAMES = 3;

    private final VideoFormat format;
    private final MediaClock clock;
    private final Composer composer;
    private final FrameHook hook;
    private final LongPredicate keyframeDue;
    private final VideoFramePool pool;
    private final long intervalUs;
    private final ArrayDeque<VideoFrame> outstanding = new ArrayDeque<>();
    private volatile boolean closed;
    private long startPts = -1;
    private long index;

    /** Composes one canvas; returns the stamps of the pictures drawn, by user id. */
    @FunctionalInterface
    public interface Composer {
        /**
         * @param canvas the frame to draw into
         * @return stamps of the pictures drawn, by user id (empty when none)
         */
        Map<String, Stamp> compose(VideoFrame canvas);
    }

    /** Told of each canvas right before it is handed to the encoder. */
    @FunctionalInterface
    public interface FrameHook {
        /**
         * @param canvas the composed canvas (do not keep it)
         * @param shown stamps of the participant pictures it shows, by user id
         * @param handover lets the hook wait until earlier canvases were encoded
         * @throws InterruptedException when the reading thread is interrupted while the hook waits; the
         *     canvas is released and {@code read()} throws it on
         */
        void beforeHandOver(VideoFrame canvas, Map<String, Stamp> shown, Handover handover) throws InterruptedException;

        /** Waiting for the encoder, offered to a {@link FrameHook}. */
        interface Handover {
            /**
             * Waits at most two frame intervals.
             *
             * @return true when every earlier canvas was encoded (or dropped); false on timeout
             * @throws InterruptedException when the reading thread is interrupted while it waits
             */
            boolean awaitEncoded() throws InterruptedException;
        }
    }

    /**
     * @param width canvas width in pixels, even, 2..16384
     * @param height canvas height in pixels, even, 2..16384
     * @param fps output frames per second, 1..120
     * @param clock the shared clock
     * @param composer draws a canvas
     * @param hook told of each canvas before it is handed over
     * @param keyframeDue tells whether the encoder must start a GOP at a timestamp (in microseconds);
     *     a frame it names is never skipped. Called on the reading thread; must be thread-safe
     * @throws IllegalArgumentException when a size is odd or out of range, or {@code fps} is outside 1..120
     * @throws NullPointerException when {@code clock}, {@code composer}, {@code hook} or {@code keyframeDue}
     *     is null
     */
    public CanvasVideoSource(int width, int height, double fps, MediaClock clock, Composer composer, FrameHook hook,
            LongPredicate keyframeDue) {
        VideoFrame.requireValidSize(width, height);
        if (!(fps >= 1 && fps <= 120)) {
            throw new IllegalArgumentException("canvas rate " + fps + " fps is not allowed (expected 1..120)");
        }
        this.format = new VideoFormat(width, height, fps);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.composer = Objects.requireNonNull(composer, "composer");
        this.hook = Objects.requireNonNull(hook, "hook");
        this.keyframeDue = Objects.requireNonNull(keyframeDue, "keyframeDue");
        this.pool = new VideoFramePool(width, height, 8);
        this.intervalUs = Math.round(1_000_000 / fps);
    }

    @Override
    public VideoFormat format() {
        return format;
    }

    @Override
    public VideoFrame read() throws InterruptedException {
        if (closed) {
            return null;
        }
        long now = clock.nowUs();
        if (startPts < 0) {
            startPts = now;
        }
        long due = ptsOf(index);
        if (now - due > MAX_LAG_FRAMES * intervalUs) {
            index = catchUp(index + (now - due) / intervalUs);
            due = ptsOf(index);
        }
        clock.sleepUntil(due);
        if (closed) {
            return null;
        }
        index++;
        forgetEncoded();
        VideoFrame canvas = pool.acquire(due);
        // A canvas released since forgetEncoded() may come straight back from the pool.
        while (outstanding.remove(canvas)) {
            // removed by identity (VideoFrame does not override equals)
        }
        try {
            Map<String, Stamp> shown = composer.compose(canvas);
            hook.beforeHandOver(canvas, shown, this::awaitEncoded);
        } catch (RuntimeException | InterruptedException e) {
            canvas.release();
            throw e;
        }
        outstanding.add(canvas);
        return canvas;
    }

    /** Frame {@code n} of the output grid, exact in whole seconds (frame 60 at 30 fps is 2.000000 s). */
    private long ptsOf(long n) {
        return startPts + Math.round(n * 1_000_000.0 / format.fps());
    }

    /**
     * Skips from {@link #index} towards {@code newest}, stopping at the first frame for which the
     * encoder is due a keyframe: that frame starts the next GOP and must not be skipped. A canvas
     * already handed over that is itself due (not encoded yet) is that GOP's start, so the frames
     * after it are only kept once the encoder has taken it (waited for once, at most two intervals)
     * and still names one.
     *
     * @param newest the newest frame due now
     * @return the frame to compose
     */
    private long catchUp(long newest) throws InterruptedException {
        boolean waited = false;
        for (long k = index; k < newest; k++) {
            if (!keyframeDue.test(ptsOf(k))) {
                continue;
            }
            if (!dueCanvasOutstanding()) {
                return k;
            }
            if (waited) {
                break;
            }
            waited = true;
            awaitEncoded();
            if (keyframeDue.test(ptsOf(k)) && !dueCanvasOutstanding()) {
                return k;
            }
        }
        return newest;
    }

    private boolean dueCanvasOutstanding() {
        forgetEncoded();
        for (VideoFrame f : outstanding) {
            if (keyframeDue.test(f.ptsUs())) {
                return true;
            }
        }
        return false;
    }

    private void forgetEncoded() {
        outstanding.removeIf(f -> !f.isLive());
    }

    private boolean awaitEncoded() throws InterruptedException {
        long deadline = System.nanoTime() + 2 * intervalUs * 1000;
        while (true) {
            forgetEncoded();
            if (outstanding.isEmpty()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(0, 200_000);
        }
    }

    /** @return canvases composed so far */
    public long composed() {
        return index;
    }

    @Override
    public void close() {
        closed = true;
    }
}
