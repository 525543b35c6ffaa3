package io.livepush.capture.source;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFormat;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.VideoSource;
import io.livepush.capture.stamp.FrameStamp;
import io.livepush.capture.stamp.Stamp;
import java.util.Objects;

/**
 * A synthetic camera: moving colour bars, a grey ramp and a bouncing box that give an encoder
 * real work, a {@link FrameStamp} in the top-left corner carrying the frame number and capture
 * wall-clock time, and a white flash band at the bottom on the frames {@link FlashSchedule}
 * names, in step with the beeps of a {@link ToneSource} on the same clock.
 *
 * <h2>Timing</h2>
 * Frames sit on the clock's absolute frame-rate grid: grid frame {@code n} has
 * {@code pts = }{@link FrameRate#ptsUs(long) frameRate.ptsUs(n)} (exact at 29.97). The first
 * {@link #read()} starts the source at the first grid frame at or after {@link MediaClock#nowUs()};
 * the stamped frame number is {@code n} minus that start index, so it counts from 0.
 * <ul>
 *   <li>Real-time (default): {@code read()} sleeps until the frame's pts ({@link MediaClock#sleepUntil}).
 *       If the caller fell more than {@value #MAX_LAG_FRAMES} frames behind, the source jumps to
 *       the first grid frame not yet due and the frame numbers in between are never produced, so
 *       frames are not bunched.</li>
 *   <li>Not real-time: frames come as fast as they are read, timestamps still on the grid.</li>
 * </ul>
 *
 * <p>Threads: none of its own; one thread calls {@code read()}. {@link #close()} may come from any
 * thread, after which {@code read()} returns {@code null}. Frames come from a
 * {@link VideoFramePool}; the caller releases each one.
 */
public final class TestPatternSource implements VideoSource {
    /** How many frame intervals the caller may fall behind before frames are skipped. */
    public static final int MAX_LAG_FRAMES = 3;

    private final Builder config;
    private final VideoFormat format;
    private final VideoFramePool pool;
    private final PatternPainter painter;
    private final int stampCell;
    private volatile boolean closed;
    private boolean started;
    private long startIndex;
    private long nextIndex;
    private long produced;
    private long skipped;

    private TestPatternSource(Builder b) {
        this.config = b.copy();
        this.format = new VideoFormat(b.width, b.height, b.frameRate.fps());
        this.pool = new VideoFramePool(b.width, b.height, b.poolCapacity);
        this.painter = new PatternPainter(b.width, b.height, b.hueDegrees);
        this.stampCell = b.stampCellSize != 0 ? b.stampCellSize : defaultCell(b.width, b.height);
        if (stampCell > 0 && (FrameStamp.width(stampCell) > b.width || FrameStamp.height(stampCell) > b.height)) {
            throw new IllegalArgumentException("a stamp with " + stampCell + " px cells (" + FrameStamp.width(stampCell)
                    + "x" + FrameStamp.height(stampCell) + ") does not fit in " + b.width + "x" + b.height);
        }
    }

    /** @return a builder with the defaults: 1280x720, 30 fps, real-time, flash every second */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this source's configuration, for a variant */
    public Builder toBuilder() {
        return config.copy();
    }

    @Override
    public VideoFormat format() {
        return format;
    }

    /** @return the exact frame rate */
    public FrameRate frameRate() {
        return config.frameRate;
    }

    /** @return when this source flashes */
    public FlashSchedule flashSchedule() {
        return config.flashSchedule;
    }

    /** @return the stamp's cell size in pixels, or 0 when the frame is too small to carry a stamp */
    public int stampCellSize() {
        return stampCell;
    }

    /** @return the first row of the flash band (it runs to the bottom of the frame) */
    public int flashBandTop() {
        return painter.flashBandTop();
    }

    /** @return how many frame numbers real-time pacing has skipped so far */
    public long skippedFrames() {
        return skipped;
    }

    /** @return the pool the frames come from, for reuse checks */
    public VideoFramePool pool() {
        return pool;
    }

    @Override
    public VideoFrame read() throws InterruptedException {
        if (closed || produced >= config.frameLimit) {
            return null;
        }
        MediaClock clock = config.clock;
        if (!started) {
            startIndex = config.frameRate.frameAtOrAfter(clock.nowUs());
            nextIndex = startIndex;
            started = true;
        }
        long n = nextIndex;
        if (config.realtime) {
            long now = clock.nowUs();
            if (now - config.frameRate.ptsUs(n) > MAX_LAG_FRAMES * frameIntervalUs()) {
                long resume = config.frameRate.frameAtOrAfter(now);
                skipped += resume - n;
                n = resume;
            }
            clock.sleepUntil(config.frameRate.ptsUs(n));
            if (closed) {
                return null;
            }
        }
        long pts = config.frameRate.ptsUs(n);
        VideoFrame frame = pool.acquire(pts);
        painter.paint(frame, pts, config.flashSchedule.isFlashFrame(config.frameRate, n));
        if (stampCell > 0) {
            FrameStamp.write(frame, 0, 0, stampCell, new Stamp((n - startIndex) & Stamp.MAX_FRAME_NUMBER,
                    clock.wallClockUs(pts)));
        }
        nextIndex = n + 1;
        produced++;
        return frame;
    }

    /** Ends the source: later reads return {@code null}. Idempotent; frames already handed out stay valid. */
    @Override
    public void close() {
        closed = true;
    }

    private long frameIntervalUs() {
        return Math.max(1, Math.round(1_000_000.0 / config.frameRate.fps()));
    }

    private static int defaultCell(int width, int height) {
        int fit = Math.min(Math.min(width / 16, height / 8), FrameStamp.DEFAULT_CELL_SIZE) & ~1;
        return fit >= 2 ? fit : 0;
    }

    @Override
    public String toString() {
        return "TestPatternSource[" + format.width() + "x" + format.height() + " @ " + config.frameRate
                + (config.realtime ? " real-time" : " unpaced") + ", hue " + config.hueDegrees + "]";
    }

    /**
     * Configuration of a {@link TestPatternSource}; every setter validates at once. Defaults:
     * 1280x720, 30/1 fps, a new {@link MediaClock}, real-time, flash every 1 s, hue 0, pool of 8
     * idle frames, no frame limit, stamp cells of 16 px (smaller when the frame is too small).
     */
    public static final class Builder {
        private int width = 1280;
        private int height = 720;
        private FrameRate frameRate = FrameRate.of(30);
        private MediaClock clock;
        private boolean realtime = true;
        private FlashSchedule flashSchedule = FlashSchedule.EVERY_SECOND;
        private double hueDegrees;
        private int poolCapacity = 8;
        private long frameLimit = Long.MAX_VALUE;
        private int stampCellSize;

        private Builder() {
        }

        /**
         * Frame size: even, 2..16384 each.
         *
         * @param width frame width in pixels: even, 2..16384
         * @param height frame height in pixels: even, 2..16384
         * @return this builder
         * @throws IllegalArgumentException for an odd or out-of-range dimension
         */
        public Builder size(int width, int height) {
            VideoFrame.requireValidSize(width, height);
            this.width = width;
            this.height = height;
            return this;
        }

        /**
         * The exact frame rate, e.g. {@code new FrameRate(30000, 1001)}.
         *
         * @param frameRate the exact frame rate, never null
         * @return this builder
         */
        public Builder frameRate(FrameRate frameRate) {
            this.frameRate = Objects.requireNonNull(frameRate, "frameRate");
            return this;
        }

        /**
         * The clock timestamps are read from; share it with the audio source.
         *
         * @param clock the shared clock, never null
         * @return this builder
         */
        public Builder clock(MediaClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * true (default): pace frames in real time; false: produce them as fast as they are read.
         *
         * @param realtime true to pace, false to run free
         * @return this builder
         */
        public Builder realtime(boolean realtime) {
            this.realtime = realtime;
            return this;
        }

        /**
         * When to flash; share the schedule with the {@link ToneSource}.
         *
         * @param flashSchedule the schedule, never null
         * @return this builder
         */
        public Builder flashSchedule(FlashSchedule flashSchedule) {
            this.flashSchedule = Objects.requireNonNull(flashSchedule, "flashSchedule");
            return this;
        }

        /**
         * Rotates the colours of the bars and the box by this many degrees (co-host sources differ by hue).
         *
         * @param hueDegrees any finite angle in degrees; 0 keeps the standard colours
         * @return this builder
         * @throws IllegalArgumentException for NaN or an infinite angle
         */
        public Builder hueDegrees(double hueDegrees) {
            if (!Double.isFinite(hueDegrees)) {
                throw new IllegalArgumentException("hue " + hueDegrees + " is not allowed (expected a finite angle in degrees)");
            }
            this.hueDegrees = hueDegrees;
            return this;
        }

        /**
         * Idle frames the pool keeps for reuse, 1..256.
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
         * After this many frames {@code read()} returns {@code null}; at least 1.
         *
         * @param frameLimit frames to deliver, 1 or more
         * @return this builder
         * @throws IllegalArgumentException below 1
         */
        public Builder frameLimit(long frameLimit) {
            if (frameLimit < 1) {
                throw new IllegalArgumentException("frame limit " + frameLimit + " is not allowed (expected >= 1)");
            }
            this.frameLimit = frameLimit;
            return this;
        }

        /**
         * Stamp cell size in pixels, 2..64 and even (default 16, or what fits).
         *
         * @param cellSize even, 2..64 pixels
         * @return this builder
         * @throws IllegalArgumentException for an odd value or one outside 2..64
         */
        public Builder stampCellSize(int cellSize) {
            if (cellSize < 2 || cellSize > 64 || (cellSize & 1) != 0) {
                throw new IllegalArgumentException("stamp cell size " + cellSize + " is not allowed (expected even, 2..64)");
            }
            this.stampCellSize = cellSize;
            return this;
        }

        /** @return the source; the stamp must fit in the frame */
        public TestPatternSource build() {
            if (clock == null) {
                clock = new MediaClock();
            }
            return new TestPatternSource(this);
        }

        private Builder copy() {
            Builder b = new Builder();
            b.width = width;
            b.height = height;
            b.frameRate = frameRate;
            b.clock = clock;
            b.realtime = realtime;
            b.flashSchedule = flashSchedule;
            b.hueDegrees = hueDegrees;
            b.poolCapacity = poolCapacity;
            b.frameLimit = frameLimit;
            b.stampCellSize = stampCellSize;
            return b;
        }
    }
}
