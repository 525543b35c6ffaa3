package io.livepush.encoder.audio;

import io.livepush.capture.AudioFormat;
import java.util.Objects;

/**
 * Immutable audio encoder settings, validated when set. Defaults: {@link AudioCodec#AAC_LC},
 * 48000 Hz, stereo, 128 kbps.
 *
 * <p>Allowed: sample rate 44100 or 48000 Hz (the rates FLV/RTMP players handle everywhere),
 * 1 or 2 channels, bitrate 64000..320000 bps and, for AAC-LC, at most 6144 bits per channel per
 * 1024-sample frame (ISO/IEC 14496-3 4.5.3.2), i.e. {@code 6 * sampleRate * channels} bps. Opus
 * runs at 48000 Hz only (LivePush encodes it at its native rate).
 */
public final class AudioEncoderConfig {
    /** Minimum bitrate in bits per second. */
    public static final int MIN_BITRATE = 64_000;
    /** Maximum bitrate in bits per second. */
    public static final int MAX_BITRATE = 320_000;

    private final AudioCodec codec;
    private final int sampleRate;
    private final int channels;
    private final int bitrate;

    private AudioEncoderConfig(Builder b) {
        this.codec = b.codec;
        this.sampleRate = b.sampleRate;
        this.channels = b.channels;
        this.bitrate = b.bitrate;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return AAC-LC, 48000 Hz, stereo, 128 kbps */
    public static AudioEncoderConfig defaults() {
        return builder().build();
    }

    /** @return a builder holding this configuration, to make a variant */
    public Builder toBuilder() {
        return new Builder().codec(codec).sampleRate(sampleRate).channels(channels).bitrate(bitrate);
    }

    /** @return the codec */
    public AudioCodec codec() {
        return codec;
    }

    /** @return input and output sample rate in Hz: 44100 or 48000 */
    public int sampleRate() {
        return sampleRate;
    }

    /** @return 1 (mono) or 2 (stereo) */
    public int channels() {
        return channels;
    }

    /** @return target bitrate in bits per second */
    public int bitrate() {
        return bitrate;
    }

    /** @return the PCM format input frames must have */
    public AudioFormat audioFormat() {
        return new AudioFormat(sampleRate, channels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioEncoderConfig c && c.codec == codec && c.sampleRate == sampleRate
                && c.channels == channels && c.bitrate == bitrate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(codec, sampleRate, channels, bitrate);
    }

    @Override
    public String toString() {
        return codec + " " + sampleRate + " Hz " + channels + " ch " + bitrate + " bps";
    }

    /** Builds an {@link AudioEncoderConfig}; each setter rejects a bad value at once. */
    public static final class Builder {
        private AudioCodec codec = AudioCodec.AAC_LC;
        private int sampleRate = 48_000;
        private int channels = 2;
        private int bitrate = 128_000;

        private Builder() {
        }

        /**
         * @param codec the codec (default {@link AudioCodec#AAC_LC})
         * @return this builder
         */
        public Builder codec(AudioCodec codec) {
            if (codec == null) {
                throw new IllegalArgumentException("audio codec is null (expected one of " + java.util.Arrays.toString(AudioCodec.values()) + ")");
            }
            this.codec = codec;
            return this;
        }

        /**
         * @param sampleRate 44100 or 48000 Hz (default 48000)
         * @return this builder
         */
        public Builder sampleRate(int sampleRate) {
            if (sampleRate != 44_100 && sampleRate != 48_000) {
                throw new IllegalArgumentException("audio sample rate " + sampleRate + " Hz is not allowed (expected 44100 or 48000)");
            }
            this.sampleRate = sampleRate;
            return this;
        }

        /**
         * @param channels 1 or 2 (default 2)
         * @return this builder
         */
        public Builder channels(int channels) {
            if (channels != 1 && channels != 2) {
                throw new IllegalArgumentException("audio channel count " + channels + " is not allowed (expected 1 or 2)");
            }
            this.channels = channels;
            return this;
        }

        /**
         * @param bitrate 64000..320000 bits per second (default 128000)
         * @return this builder
         */
        public Builder bitrate(int bitrate) {
            if (bitrate < MIN_BITRATE || bitrate > MAX_BITRATE) {
                throw new IllegalArgumentException("audio bitrate " + bitrate + " bps is not allowed (expected "
                        + MIN_BITRATE + ".." + MAX_BITRATE + ")");
            }
            this.bitrate = bitrate;
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException when the bitrate exceeds what the codec can carry at this
         *     sample rate and channel count
         */
        public AudioEncoderConfig build() {
            if (codec == AudioCodec.AAC_LC) {
                // At most 6144 bits per channel per 1024-sample frame (ISO/IEC 14496-3 4.5.3.2).
                long max = 6L * sampleRate * channels;
                if (bitrate > max) {
                    throw new IllegalArgumentException("audio bitrate " + bitrate + " bps is too high for AAC-LC with "
                            + channels + " ch at " + sampleRate + " Hz (expected at most " + max
                            + ": 6144 bits per channel per 1024-sample frame)");
                }
            }
            if (codec == AudioCodec.OPUS && sampleRate != 48_000) {
                throw new IllegalArgumentException("audio sample rate " + sampleRate + " Hz is not allowed for OPUS (expected 48000)");
            }
            return new AudioEncoderConfig(this);
        }
    }
}
