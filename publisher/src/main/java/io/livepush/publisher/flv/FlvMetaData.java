package io.livepush.publisher.flv;

import io.livepush.publisher.amf.Amf0EcmaArray;

/**
 * The {@code onMetaData} fields a live publisher announces (FLV v10.1 spec, E.5 "onMetaData"), as
 * an immutable value built by {@link #builder()}.
 *
 * <p>{@link #toEcmaArray()} yields the fields in this fixed order: {@code width, height, framerate,
 * videocodecid (7, AVC), videodatarate (kbps)}, then, only when the stream has audio,
 * {@code audiocodecid (10, AAC), audiodatarate (kbps), audiosamplerate (Hz), audiosamplesize (16),
 * stereo}, and last {@code encoder}. All numbers are AMF0 numbers (doubles).
 *
 * @param width picture width in pixels, at least 1
 * @param height picture height in pixels, at least 1
 * @param frameRate frames per second, above 0
 * @param videoDataRateKbps the video bitrate in kbit/s, 0 or more
 * @param hasAudio whether the stream carries AAC audio
 * @param audioDataRateKbps the audio bitrate in kbit/s (ignored without audio)
 * @param audioSampleRate the audio sample rate in Hz (ignored without audio)
 * @param stereo two channels rather than one (ignored without audio)
 * @param encoder the encoder name, e.g. {@link #DEFAULT_ENCODER}
 */
public record FlvMetaData(int width, int height, double frameRate, double videoDataRateKbps, boolean hasAudio,
        double audioDataRateKbps, int audioSampleRate, boolean stereo, String encoder) {
    /** The encoder name written unless another is set. */
    public static final String DEFAULT_ENCODER = "LivePush 0.1";
    /** VideoCodecID 7: AVC. */
    public static final int VIDEO_CODEC_AVC = 7;
    /** SoundFormat 10: AAC. */
    public static final int AUDIO_CODEC_AAC = 10;
    /** AAC in FLV is always announced as 16-bit. */
    public static final int AUDIO_SAMPLE_SIZE = 16;

    /**
     * Validates the fields; see {@link Builder#build()}.
     *
     * @param width picture width in pixels, at least 1
     * @param height picture height in pixels, at least 1
     * @param frameRate frames per second, above 0
     * @param videoDataRateKbps the video bitrate in kbit/s, 0 or more
     * @param hasAudio whether the stream carries AAC audio
     * @param audioDataRateKbps the audio bitrate in kbit/s (ignored without audio)
     * @param audioSampleRate the audio sample rate in Hz (ignored without audio)
     * @param stereo two channels rather than one (ignored without audio)
     * @param encoder the encoder name, e.g. {@link #DEFAULT_ENCODER}
     * @throws IllegalArgumentException naming the first field out of range (audio fields are checked only with audio)
     */
    public FlvMetaData {
        check(width >= 1, "width is " + width + " (expected at least 1)");
        check(height >= 1, "height is " + height + " (expected at least 1)");
        check(frameRate > 0 && Double.isFinite(frameRate), "frame rate is " + frameRate + " fps (expected above 0)");
        check(videoDataRateKbps >= 0 && Double.isFinite(videoDataRateKbps),
                "video data rate is " + videoDataRateKbps + " kbps (expected 0 or more)");
        if (hasAudio) {
            check(audioDataRateKbps >= 0 && Double.isFinite(audioDataRateKbps),
                    "audio data rate is " + audioDataRateKbps + " kbps (expected 0 or more)");
            check(audioSampleRate >= 1, "audio sample rate is " + audioSampleRate + " Hz (expected at least 1)");
        }
        check(encoder != null && !encoder.isEmpty(), "encoder name is empty (expected e.g. \"" + DEFAULT_ENCODER + "\")");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** @return a builder with no audio and {@link #DEFAULT_ENCODER}; size and frame rate must be set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values, to make a variant */
    public Builder toBuilder() {
        Builder b = new Builder().size(width, height).frameRate(frameRate).videoDataRateKbps(videoDataRateKbps)
                .encoder(encoder);
        return hasAudio ? b.audio(audioSampleRate, stereo, audioDataRateKbps) : b;
    }

    /** @return the onMetaData fields in the fixed order described above */
    public Amf0EcmaArray toEcmaArray() {
        Amf0EcmaArray a = new Amf0EcmaArray();
        a.put("width", (double) width);
        a.put("height", (double) height);
        a.put("framerate", frameRate);
        a.put("videocodecid", (double) VIDEO_CODEC_AVC);
        a.put("videodatarate", videoDataRateKbps);
        if (hasAudio) {
            a.put("audiocodecid", (double) AUDIO_CODEC_AAC);
            a.put("audiodatarate", audioDataRateKbps);
            a.put("audiosamplerate", (double) audioSampleRate);
            a.put("audiosamplesize", (double) AUDIO_SAMPLE_SIZE);
            a.put("stereo", stereo);
        }
        a.put("encoder", encoder);
        return a;
    }

    /** Builds {@link FlvMetaData}; {@link #build()} validates every field. Not thread-safe. */
    public static final class Builder {
        private int width;
        private int height;
        private double frameRate;
        private double videoDataRateKbps;
        private boolean hasAudio;
        private double audioDataRateKbps;
        private int audioSampleRate;
        private boolean stereo;
        private String encoder = DEFAULT_ENCODER;

        private Builder() {
        }

        /**
         * Sets the picture size in pixels (required).
         *
         * @param width picture width in pixels, at least 1
         * @param height picture height in pixels, at least 1
         * @return this builder; the values are checked by {@link #build()}
         */
        public Builder size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /**
         * Sets the frame rate in frames per second (required).
         *
         * @param fps frames per second, finite and above 0
         * @return this builder; the value is checked by {@link #build()}
         */
        public Builder frameRate(double fps) {
            this.frameRate = fps;
            return this;
        }

        /**
         * Sets the video bitrate in kbit/s (default 0: unknown).
         *
         * @param kbps the video bitrate in kbit/s, finite and 0 or more
         * @return this builder; the value is checked by {@link #build()}
         */
        public Builder videoDataRateKbps(double kbps) {
            this.videoDataRateKbps = kbps;
            return this;
        }

        /**
         * Announces AAC audio with this sample rate (Hz), channel layout and bitrate (kbit/s).
         *
         * @param sampleRate the AAC sample rate in Hz, at least 1
         * @param stereo true for two channels, false for one
         * @param dataRateKbps the audio bitrate in kbit/s, finite and 0 or more
         * @return this builder; the values are checked by {@link #build()}
         */
        public Builder audio(int sampleRate, boolean stereo, double dataRateKbps) {
            this.hasAudio = true;
            this.audioSampleRate = sampleRate;
            this.stereo = stereo;
            this.audioDataRateKbps = dataRateKbps;
            return this;
        }

        /**
         * Announces a stream without audio (the default): the audio fields are left out.
         *
         * @return this builder
         */
        public Builder noAudio() {
            this.hasAudio = false;
            return this;
        }

        /**
         * Sets the encoder name (default {@link #DEFAULT_ENCODER}).
         *
         * @param encoder the name written as {@code encoder}, not empty
         * @return this builder; the value is checked by {@link #build()}
         */
        public Builder encoder(String encoder) {
            this.encoder = encoder;
            return this;
        }

        /**
         * @return the metadata
         * @throws IllegalArgumentException naming the first field out of range
         */
        public FlvMetaData build() {
            return new FlvMetaData(width, height, frameRate, videoDataRateKbps, hasAudio, audioDataRateKbps,
                    audioSampleRate, stereo, encoder);
        }
    }
}
