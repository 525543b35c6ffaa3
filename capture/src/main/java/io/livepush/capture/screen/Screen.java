package io.livepush.capture.screen;

import io.livepush.capture.MediaClock;
import io.livepush.capture.SourceErrorListener;
import io.livepush.capture.VideoFormat;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.VideoSource;
import io.livepush.capture.convert.I420Scaler;
import io.livepush.capture.convert.RgbToI420;
import io.livepush.capture.devices.Devices;
import io.livepush.capture.source.FrameRate;
import java.io.IOException;
import java.util.Objects;

/**
 * Captures an X11 screen (the whole root window or a region) as I420 frames: MIT-SHM when the
 * server offers it, {@code XGetImage} otherwise; optionally with the mouse cursor drawn in (XFIXES);
 * optionally scaled to another output size ({@link I420Scaler}: box when exactly half, else bilinear).
 *
 * <h2>Timing</h2>
 * Like the test pattern: frames sit on the clock's frame-rate grid; {@link #read()} sleeps until the
 * next grid time, then grabs, so each frame's pts is the time it was grabbed at (within scheduling
 * jitter). A caller that falls more than three frame intervals behind resumes at the next grid frame.
 *
 * <h2>Sizes</h2>
 * The region is rounded down to even width and height ({@link ScreenRegion#evenSize()}) and must
 * lie inside the screen. {@link #captureRegion()} tells what is captured, {@link #captureMethod()}
 * how.
 *
 * <h2>Errors</h2>
 * A grab that fails once is reported to the {@link SourceErrorListener} and retried at the next
 * grid frame; after {@value #MAX_CONSECUTIVE_FAILURES} failures in a row, or when the connection to
 * the X server is lost (Xlib's exit is replaced so the process survives), {@code read()} throws
 * {@link IOException}.
 *
 * <p>Threads: none of its own. One thread calls {@code read()}; {@link #close()} may come from any
 * thread (it waits for a grab in progress), after which {@code read()} returns {@code null}.
 */
public final class Screen implements VideoSource {
    /** Grabs failing in a row before {@link #read()} gives up. */
    public static final int MAX_CONSECUTIVE_FAILURES = 30;
    private static final int MAX_LAG_FRAMES = 3;

    private final Object lock = new Object();
    private final X11Grabber grabber;
    private final ScreenRegion region;
    private final FrameRate frameRate;
    private final MediaClock clock;
    private final boolean cursor;
    private final VideoFormat format;
    private final VideoFramePool pool;
    private RgbToI420 converter;
    private final I420Scaler scaler;
    private final VideoFrame captureFrame;
    private final String method;
    private volatile SourceErrorListener errorListener = (s, e) -> { };
    private volatile boolean closed;
    private boolean started;
    private long nextIndex;
    private int failures;

    private Screen(Builder b, X11Grabber grabber, ScreenRegion region) {
        this.grabber = grabber;
        this.region = region;
        this.frameRate = b.frameRate;
        this.clock = b.clock != null ? b.clock : new MediaClock();
        this.cursor = b.cursor;
        int outW = b.outputWidth > 0 ? b.outputWidth : region.width();
        int outH = b.outputHeight > 0 ? b.outputHeight : region.height();
        this.format = new VideoFormat(outW, outH, frameRate.fps());
        this.pool = new VideoFramePool(outW, outH, b.poolCapacity);
        this.converter = new RgbToI420(io.livepush.capture.convert.RgbLayout.BGRA, region.width());
        boolean scale = outW != region.width() || outH != region.height();
        this.scaler = scale ? new I420Scaler(region.width(), region.height(), outW, outH) : null;
        this.captureFrame = scale ? VideoFrame.allocate(region.width(), region.height(), 0) : null;
        this.method = grabber.prepare(region, b.useShm);
    }

    /** @return a builder: {@code $DISPLAY}, the whole screen, 30 fps, no cursor, MIT-SHM when possible */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public VideoFormat format() {
        return format;
    }

    /** @return the screen area captured (even size, inside the screen) */
    public ScreenRegion captureRegion() {
        return region;
    }

    /** @return how pixels are read: {@code "MIT-SHM"} or {@code "XGetImage (why)"} */
    public String captureMethod() {
        return method;
    }

    /** @return a line saying what was opened: display, region, method, output size and rate */
    public String describe() {
        return "screen " + grabber.displayName() + " " + grabber.screenWidth() + "x" + grabber.screenHeight()
                + ", region " + region + " via " + method + (cursor ? ", with cursor" : "") + " -> "
                + format.width() + "x" + format.height() + (scaler != null ? " (" + scaler.method() + ")" : "")
                + " @ " + frameRate;
    }

    /** @return the pool output frames come from */
    public VideoFramePool pool() {
        return pool;
    }

    @Override
    public void setErrorListener(SourceErrorListener listener) {
        this.errorListener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public VideoFrame read() throws IOException, InterruptedException {
        while (true) {
            if (closed) {
                return null;
            }
            if (!started) {
                nextIndex = frameRate.frameAtOrAfter(clock.nowUs());
                started = true;
            }
            long n = nextIndex;
            long now = clock.nowUs();
            long intervalUs = Math.max(1, Math.round(1_000_000.0 / frameRate.fps()));
            if (now - frameRate.ptsUs(n) > MAX_LAG_FRAMES * intervalUs) {
                n = frameRate.frameAtOrAfter(now);
            }
            clock.sleepUntil(frameRate.ptsUs(n));
            nextIndex = n + 1;
            long pts = frameRate.ptsUs(n);
            synchronized (lock) {
                if (closed) {
                    return null;
                }
                try {
                    VideoFrame frame = grabInto(pts);
                    failures = 0;
                    return frame;
                } catch (IOException e) {
                    failures++;
                    if (grabber.lost() || failures >= MAX_CONSECUTIVE_FAILURES) {
                        throw new IOException(e.getMessage() + (failures > 1 ? " (" + failures + " grabs in a row)" : ""), e);
                    }
                    errorListener.onSourceError(this, e);
                }
            }
        }
    }

    private VideoFrame grabInto(long pts) throws IOException {
        X11Grabber.Grab g = grabber.grab();
        if (cursor) {
            grabber.paintCursor(g);
        }
        if (g.layout() != converter.layout()) {
            converter = new RgbToI420(g.layout(), region.width()); // once: the server's byte order does not change
        }
        RgbToI420 conv = converter;
        VideoFrame out = pool.acquire(pts);
        if (scaler == null) {
            conv.convert(g.pixels(), 0, g.stride(), out);
        } else {
            conv.convert(g.pixels(), 0, g.stride(), captureFrame);
            captureFrame.setPtsUs(pts);
            scaler.scale(captureFrame, out);
        }
        return out;
    }

    /** Stops capturing and closes the display connection; idempotent, callable from any thread. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            grabber.close();
        }
    }

    @Override
    public String toString() {
        return "Screen[" + describe() + "]";
    }

    /**
     * Configuration of a {@link Screen}; setters validate at once, {@link #build()} opens the display.
     * Defaults: display {@code $DISPLAY}, the whole screen, 30 fps, a new clock, no cursor, output at
     * the captured size, MIT-SHM when possible, 8 idle frames pooled.
     */
    public static final class Builder {
        private String display;
        private ScreenRegion region;
        private FrameRate frameRate = FrameRate.of(30);
        private MediaClock clock;
        private boolean cursor;
        private int outputWidth;
        private int outputHeight;
        private boolean useShm = true;
        private int poolCapacity = 8;

        private Builder() {
        }

        /**
         * The X display, e.g. {@code ":99"}; null for {@code $DISPLAY}.
         *
         * @param display an X display name such as {@code :0}, or {@code null} for {@code $DISPLAY}; not blank
         * @return this builder
         * @throws IllegalArgumentException for a blank name
         */
        public Builder display(String display) {
            if (display != null && display.isBlank()) {
                throw new IllegalArgumentException("display name is blank (expected e.g. :0, or null for $DISPLAY)");
            }
            this.display = display;
            return this;
        }

        /**
         * The area to capture; null for the whole screen. Odd sizes are rounded down to even.
         *
         * @param region the region in screen pixels, or {@code null} for the whole screen
         * @return this builder
         */
        public Builder region(ScreenRegion region) {
            this.region = region;
            return this;
        }

        /**
         * The capture rate.
         *
         * @param frameRate the exact capture rate, never null
         * @return this builder
         */
        public Builder frameRate(FrameRate frameRate) {
            this.frameRate = Objects.requireNonNull(frameRate, "frameRate");
            return this;
        }

        /**
         * The clock frames are stamped from; share it with the audio source.
         *
         * @param clock the shared clock, never null
         * @return this builder
         */
        public Builder clock(MediaClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether to draw the mouse cursor into the frames.
         *
         * @param cursor true to draw the cursor (needs XFIXES), false to leave it out
         * @return this builder
         */
        public Builder cursor(boolean cursor) {
            this.cursor = cursor;
            return this;
        }

        /**
         * Scale frames to this size (even, 2..16384) when it differs from the captured region.
         *
         * @param width output width in pixels: even, 2..16384
         * @param height output height in pixels: even, 2..16384
         * @return this builder
         * @throws IllegalArgumentException for an odd or out-of-range dimension
         */
        public Builder outputSize(int width, int height) {
            VideoFrame.requireValidSize(width, height);
            this.outputWidth = width;
            this.outputHeight = height;
            return this;
        }

        /**
         * false: skip MIT-SHM and read with {@code XGetImage} (slower; for remote displays and tests).
         *
         * @param useShm true (default) to use MIT-SHM when the display offers it, false to always use {@code XGetImage}
         * @return this builder
         */
        public Builder useShm(boolean useShm) {
            this.useShm = useShm;
            return this;
        }

        /**
         * Idle output frames kept for reuse, 1..256.
         *
         * @param poolCapacity 1..256
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder poolCapacity(int poolCapacity) {
            if (poolCapacity < 1 || poolCapacity > 256) {
                throw new IllegalArgumentException("pool capacity " + poolCapacity + " is not allowed (expected 1..256)");
            }
            this.poolCapacity = poolCapacity;
            return this;
        }

        /**
         * Opens the display and prepares capture.
         *
         * @return the screen source, owned by the caller (who closes it)
         * @throws IllegalArgumentException when the display cannot be opened (the message lists the
         *     displays found) or the region does not lie inside the screen (the message gives its size)
         */
        public Screen build() {
            String name = display != null ? display : System.getenv("DISPLAY");
            if (name == null) {
                throw new IllegalArgumentException("no X display given and $DISPLAY is not set (displays found: "
                        + Devices.screenNames() + ")");
            }
            X11Grabber grabber;
            try {
                grabber = new X11Grabber(name);
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage() + " (displays found: " + Devices.screenNames() + ")", e);
            } catch (UnsatisfiedLinkError e) {
                throw new IllegalArgumentException("X display '" + name + "' cannot be opened: " + e.getMessage()
                        + " (apt-get install libx11-6 libxext6 libxfixes3)", e);
            }
            try {
                ScreenRegion r = region != null ? region.evenSize()
                        : new ScreenRegion(0, 0, grabber.screenWidth(), grabber.screenHeight()).evenSize();
                if (!r.fitsIn(grabber.screenWidth(), grabber.screenHeight())) {
                    throw new IllegalArgumentException("screen region " + r + " does not fit in display " + name
                            + " of " + grabber.screenWidth() + "x" + grabber.screenHeight());
                }
                return new Screen(this, grabber, r);
            } catch (RuntimeException e) {
                grabber.close();
                throw e;
            }
        }
    }
}
