package io.livepush.encoder;

import io.livepush.capture.VideoFrame;

/**
 * Immutable settings of a video encoder, built with {@link #builder()}; every setter validates at
 * once and says what is allowed. Defaults: 1280x720, 30 fps, 2500 kbps, GOP 2 s, {@link
 * RateControlMode#CBR}, 1 thread.
 */
public final class VideoEncoderConfig {
    private final int width;
    private final int height;
    private final double fps;
    private final int bitrateBps;
    private final long gopUs;
    private final RateControlMode rateControl;
    private final int threads;

    private VideoEncoderConfig(Builder b) {
        this.width = b.width;
        this.height = b.height;
        this.fps = b.fps;
        this.bitrateBps = b.bitrateBps;
        this.gopUs = b.gopUs;
        this.rateControl = b.rateControl;
        this.threads = b.threads;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration's values, to make a variant */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.width = width;
        b.height = height;
        b.fps = fps;
        b.bitrateBps = bitrateBps;
        b.gopUs = gopUs;
        b.rateControl = rateControl;
        b.threads = threads;
        return b;
    }

    /** @return frame width in pixels */
    public int width() {
        return width;
    }

    /** @return frame height in pixels */
    public int height() {
        return height;
    }

    /** @return nominal frames per second (timestamps decide the GOP, not this) */
    public double fps() {
        return fps;
    }

    /** @return target bitrate in bits per second */
    public int bitrateBps() {
        return bitrateBps;
    }

    /** @return the longest distance between two IDR frames, in microseconds */
    public long gopUs() {
        return gopUs;
    }

    /** @return the GOP in seconds */
    public double gopSeconds() {
        return gopUs / 1e6;
    }

    /** @return the rate-control mode */
    public RateControlMode rateControl() {
        return rateControl;
    }

    /** @return encoder threads; 0 lets the backend choose */
    public int threads() {
        return threads;
    }

    @Override
    public String toString() {
        return "VideoEncoderConfig[" + width + "x" + height + " @" + fps + " fps, " + bitrateBps / 1000 + " kbps, gop "
                + gopSeconds() + " s, " + rateControl + ", threads " + threads + "]";
    }

    /** Builds a {@link VideoEncoderConfig}; each setter validates its value at once. */
    public static final class Builder {
        private int width = 1280;
        private int height = 720;
        private double fps = 30;
        private int bitrateBps = 2_500_000;
        private long gopUs = 2_000_000;
        private RateControlMode rateControl = RateControlMode.CBR;
        private int threads = 1;

        private Builder() {
        }

        /**
         * Frame size: even width and height, each 2..16384 (default 1280x720).
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
         * Nominal frame rate, greater than 0 and at most 240 (default 30).
         *
         * @param fps frames per second, greater than 0 and at most 240
         * @return this builder
         * @throws IllegalArgumentException outside that range or not a number
         */
        public Builder fps(double fps) {
            if (!(fps > 0 && fps <= 240)) {
                throw new IllegalArgumentException("frame rate " + fps + " is not allowed (expected > 0 and <= 240)");
            }
            this.fps = fps;
            return this;
        }

        /**
         * Target bitrate in bits per second, 50_000..100_000_000 (default 2_500_000).
         *
         * @param bps bits per second, 50_000..100_000_000
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder bitrateBps(int bps) {
            requireBitrate(bps);
            this.bitrateBps = bps;
            return this;
        }

        /**
         * Longest IDR distance in seconds, 0.1..60 (default 2).
         *
         * @param seconds the longest distance between IDR frames in seconds, 0.1..60
         * @return this builder
         * @throws IllegalArgumentException outside that range or not a number
         */
        public Builder gopSeconds(double seconds) {
            if (!(seconds >= 0.1 && seconds <= 60)) {
                throw new IllegalArgumentException("GOP of " + seconds + " s is not allowed (expected 0.1..60 seconds)");
            }
            this.gopUs = Math.round(seconds * 1e6);
            return this;
        }

        /**
         * Rate-control mode (default CBR).
         *
         * @param mode the rate-control mode, never null
         * @return this builder
         * @throws IllegalArgumentException for null
         */
        public Builder rateControl(RateControlMode mode) {
            if (mode == null) {
                throw new IllegalArgumentException("rate-control mode is null (expected one of CBR, VBR, QUALITY)");
            }
            this.rateControl = mode;
            return this;
        }

        /**
         * Encoder threads, 0..16; 0 lets the backend choose (default 1).
         *
         * @param threads 0..16; 0 lets the backend choose
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder threads(int threads) {
            if (threads < 0 || threads > 16) {
                throw new IllegalArgumentException("thread count " + threads + " is not allowed (expected 0..16)");
            }
            this.threads = threads;
            return this;
        }

        /** @return the configuration */
        public VideoEncoderConfig build() {
            return new VideoEncoderConfig(this);
        }
    }

    /**
     * Checks a bitrate against the range every video encoder accepts.
     *
     * @param bps the bitrate in bits per second, allowed 50_000..100_000_000
     * @throws IllegalArgumentException naming the value and the range
     */
    public static void requireBitrate(int bps) {
        if (bps < 50_000 || bps > 100_000_000) {
            throw new IllegalArgumentException("video bitrate " + bps + " bps is not allowed (expected 50000..100000000)");
        }
    }
}
