package io.livepush.cohost.server.mixer;

import io.livepush.capture.AudioFormat;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.publisher.stream.LiveStreamConfig;
import java.util.Objects;

/**
 * How a {@link Mixer} composes and where it pushes. The output is a publisher
 * {@link LiveStreamConfig}: its URL, its video settings (the canvas size and rate are the encoder's
 * size and rate; the GOP is the encoder's, 2 s by default), its encoders, bitrates, RTMP client
 * settings and optional recording. Its audio must be 48 kHz stereo (what the mixer produces).
 * Immutable; built by {@link #builder(String)} or {@link #builder(LiveStreamConfig)}.
 */
public final class MixerConfig {
    /** Default canvas: 1280x720 at 30 fps, 2500 kbps, 2 s GOP. */
    public static final VideoEncoderConfig DEFAULT_VIDEO =
            VideoEncoderConfig.builder().size(1280, 720).fps(30).bitrateBps(2_500_000).gopSeconds(2).build();

    private final LiveStreamConfig output;
    private final Layout layout;
    private final int maxParticipants;
    private final boolean hostCaptureTimeSei;
    private final boolean outputOnStart;

    private MixerConfig(Builder b) {
        this.output = b.output;
        this.layout = b.layout;
        this.maxParticipants = b.maxParticipants;
        this.hostCaptureTimeSei = b.hostCaptureTimeSei;
        this.outputOnStart = b.outputOnStart;
    }

    /**
     * @param outputUrl where the mix is pushed, {@code rtmp://} or {@code rtmps://}
     * @return a builder with {@link #DEFAULT_VIDEO} and the output stream's default audio
     * @throws IllegalArgumentException for a malformed URL
     */
    public static Builder builder(String outputUrl) {
        return new Builder(LiveStreamConfig.builder(outputUrl).video(DEFAULT_VIDEO).build());
    }

    /**
     * @param output the full output settings (audio 48 kHz stereo)
     * @return a builder with these output settings
     * @throws IllegalArgumentException when the output's audio is not 48 kHz stereo
     * @throws NullPointerException when {@code output} is null
     */
    public static Builder builder(LiveStreamConfig output) {
        return new Builder(output);
    }

    /** @return the output stream's settings */
    public LiveStreamConfig output() {
        return output;
    }

    /** @return the layout used until {@link Mixer#setLayout} changes it */
    public Layout layout() {
        return layout;
    }

    /** @return how many participants may be mixed at once */
    public int maxParticipants() {
        return maxParticipants;
    }

    /** @return whether each mixed frame carries the host picture's capture time as capture-time SEI */
    public boolean hostCaptureTimeSei() {
        return hostCaptureTimeSei;
    }

    /** @return whether {@link Mixer#start} starts pushing at once (else {@link Mixer#startOutput()} does) */
    public boolean outputOnStart() {
        return outputOnStart;
    }

    /** Builds a {@link MixerConfig}; defaults are documented on each setter. */
    public static final class Builder {
        private LiveStreamConfig output;
        private Layout layout = Layout.sideBySide();
        private int maxParticipants = 4;
        private boolean hostCaptureTimeSei = true;
        private boolean outputOnStart = true;

        private Builder(LiveStreamConfig output) {
            output(output);
        }

        /**
         * The output settings.
         *
         * @param output the output stream's settings; its audio must be 48 kHz stereo
         * @return this builder
         * @throws IllegalArgumentException when the audio is not 48 kHz stereo
         * @throws NullPointerException when {@code output} is null
         */
        public Builder output(LiveStreamConfig output) {
            Objects.requireNonNull(output, "output");
            AudioFormat af = output.audio().audioFormat();
            if (af.sampleRate() != AudioMixer.SAMPLE_RATE || af.channels() != AudioMixer.CHANNELS) {
                throw new IllegalArgumentException("mixer output audio is " + af
                        + " (expected 48000 Hz stereo, what the mixer produces)");
            }
            this.output = output;
            return this;
        }

        /**
         * The starting layout (default {@link Layout#sideBySide()}).
         *
         * @param layout the layout of the first canvases
         * @return this builder
         * @throws NullPointerException when {@code layout} is null
         */
        public Builder layout(Layout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /**
         * Participants mixed at once, 1..16 (default 4); more joins are refused.
         *
         * @param n the most participants, 1..16
         * @return this builder
         * @throws IllegalArgumentException when {@code n} is outside 1..16
         */
        public Builder maxParticipants(int n) {
            if (n < 1 || n > 16) {
                throw new IllegalArgumentException("maxParticipants " + n + " is not allowed (expected 1..16)");
            }
            this.maxParticipants = n;
            return this;
        }

        /**
         * Write the host picture's capture wall-clock time on each mixed frame (default on).
         *
         * @param on true to write it
         * @return this builder
         */
        public Builder hostCaptureTimeSei(boolean on) {
            this.hostCaptureTimeSei = on;
            return this;
        }

        /**
         * Push as soon as the mixer starts (default on). Off: the mixer composes but pushes only when
         * {@link Mixer#startOutput()} is called, for a handover from the host's own stream.
         *
         * @param on true to push at start
         * @return this builder
         */
        public Builder outputOnStart(boolean on) {
            this.outputOnStart = on;
            return this;
        }

        /** @return the configuration */
        public MixerConfig build() {
            return new MixerConfig(this);
        }
    }
}
