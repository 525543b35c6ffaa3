package io.livepush.publisher.stream;

import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.audio.AudioCodec;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.publisher.reconnect.ReconnectPolicy;
import io.livepush.publisher.rtmp.client.RtmpClientConfig;
import io.livepush.publisher.url.RtmpUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Immutable settings of a {@link LiveStream}, built with {@link #builder(String)}; each setter
 * validates at once. Defaults: video 1280x720 30 fps 2500 kbps GOP 2 s with encoder {@code auto};
 * audio AAC-LC 48 kHz stereo 128 kbps with encoder {@code auto}; no capture-time SEI; no local
 * recording; congestion drop threshold 900 ms (disposable frames from 700 ms); adaptive bitrate on;
 * reconnect with {@link ReconnectPolicy#defaults()}; close bounded to 3 s.
 *
 * <p>Several destinations ({@link Builder#addDestination}) share one encode; each has its own
 * connection, queue and reconnect. The first leads the adaptive bitrate: the others only drop
 * their own frames when they fall behind, so a slow secondary never lowers the quality of the
 * main one.
 */
public final class LiveStreamConfig {
    private final RtmpUrl url;
    private final List<RtmpUrl> extraDestinations;
    private final ReconnectPolicy reconnect;
    private final boolean adaptiveBitrate;
    private final String videoEncoder;
    private final VideoEncoderConfig video;
    private final String audioEncoder;
    private final AudioEncoderConfig audio;
    private final RtmpClientConfig rtmp;
    private final boolean seiTimestamps;
    private final Path recordFile;
    private final Duration closeTimeout;
    private final long dropThresholdMs;

    private LiveStreamConfig(Builder b) {
        this.url = b.url;
        this.extraDestinations = List.copyOf(b.extraDestinations);
        this.reconnect = b.reconnect;
        this.adaptiveBitrate = b.adaptiveBitrate;
        this.videoEncoder = b.videoEncoder;
        this.video = b.video;
        this.audioEncoder = b.audioEncoder;
        this.audio = b.audio;
        this.rtmp = b.rtmp;
        this.seiTimestamps = b.seiTimestamps;
        this.recordFile = b.recordFile;
        this.closeTimeout = b.closeTimeout;
        this.dropThresholdMs = b.dropThresholdMs;
    }

    /**
     * @param url {@code rtmp[s]://host[:port]/app[/instance]/key[?query]}
     * @return a builder with the defaults documented on each setter
     * @throws IllegalArgumentException for a malformed URL (the message never holds the full key)
     */
    public static Builder builder(String url) {
        return new Builder(RtmpUrl.parse(url));
    }

    /** @return a builder holding this configuration's values */
    public Builder toBuilder() {
        Builder b = new Builder(url);
        b.extraDestinations.addAll(extraDestinations);
        b.reconnect = reconnect;
        b.adaptiveBitrate = adaptiveBitrate;
        b.videoEncoder = videoEncoder;
        b.video = video;
        b.audioEncoder = audioEncoder;
        b.audio = audio;
        b.rtmp = rtmp;
        b.seiTimestamps = seiTimestamps;
        b.recordFile = recordFile;
        b.closeTimeout = closeTimeout;
        b.dropThresholdMs = dropThresholdMs;
        return b;
    }

    /** @return the ingest URL */
    public RtmpUrl url() {
        return url;
    }

    /** @return every destination: {@link #url()} first, then those added with {@link Builder#addDestination} */
    public List<RtmpUrl> destinations() {
        List<RtmpUrl> all = new ArrayList<>(1 + extraDestinations.size());
        all.add(url);
        all.addAll(extraDestinations);
        return List.copyOf(all);
    }

    /** @return when and how often lost connections are made again */
    public ReconnectPolicy reconnect() {
        return reconnect;
    }

    /** @return whether the video bitrate follows the first destination's throughput */
    public boolean adaptiveBitrate() {
        return adaptiveBitrate;
    }

    /** @return the video encoder backend name ({@code auto}, {@code openh264}, ...) */
    public String videoEncoder() {
        return videoEncoder;
    }

    /** @return the video encoder settings */
    public VideoEncoderConfig video() {
        return video;
    }

    /** @return the audio encoder backend name */
    public String audioEncoder() {
        return audioEncoder;
    }

    /** @return the audio encoder settings */
    public AudioEncoderConfig audio() {
        return audio;
    }

    /** @return the RTMP client settings (timeouts, TLS trust) */
    public RtmpClientConfig rtmp() {
        return rtmp;
    }

    /** @return true when every frame carries its capture wall-clock time as SEI ({@link CaptureTimeSei}) */
    public boolean seiTimestamps() {
        return seiTimestamps;
    }

    /** @return the FLV file that also receives what is pushed, or {@code null} */
    public Path recordFile() {
        return recordFile;
    }

    /** @return the longest {@link LiveStream#close()} may take */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /** @return queued video duration above which inter frames are dropped, in milliseconds */
    public long dropThresholdMs() {
        return dropThresholdMs;
    }

    /** The most destinations one stream pushes to. */
    public static final int MAX_DESTINATIONS = 8;

    /** Builds a {@link LiveStreamConfig}. */
    public static final class Builder {
        private final RtmpUrl url;
        private final List<RtmpUrl> extraDestinations = new ArrayList<>();
        private ReconnectPolicy reconnect = ReconnectPolicy.defaults();
        private boolean adaptiveBitrate = true;
        private String videoEncoder = "auto";
        private VideoEncoderConfig video = VideoEncoderConfig.builder().build();
        private String audioEncoder = "auto";
        private AudioEncoderConfig audio = AudioEncoderConfig.defaults();
        private RtmpClientConfig rtmp = RtmpClientConfig.builder().build();
        private boolean seiTimestamps;
        private Path recordFile;
        private Duration closeTimeout = Duration.ofSeconds(3);
        private long dropThresholdMs = 900;

        private Builder(RtmpUrl url) {
            this.url = url;
        }

        /**
         * Also pushes the same encode to {@code url}, over its own connection with its own queue and reconnect
         * (at most {@value #MAX_DESTINATIONS} destinations in all).
         *
         * @param url another {@code rtmp[s]://host[:port]/app[/instance]/key[?query]}
         * @return this builder
         * @throws IllegalArgumentException for a malformed URL, one already added, or too many
         */
        public Builder addDestination(String url) {
            RtmpUrl parsed = RtmpUrl.parse(url);
            if (parsed.equals(this.url) || extraDestinations.contains(parsed)) {
                throw new IllegalArgumentException("destination " + parsed.redacted()
                        + " is given twice (expected each destination once)");
            }
            if (extraDestinations.size() + 1 >= MAX_DESTINATIONS) {
                throw new IllegalArgumentException("destination " + (extraDestinations.size() + 2)
                        + " is one too many (expected at most " + MAX_DESTINATIONS + ")");
            }
            extraDestinations.add(parsed);
            return this;
        }

        /**
         * When and how often lost connections are made again ({@link ReconnectPolicy#disabled()}: never).
         *
         * @param policy the reconnect policy, never null
         * @return this builder
         * @throws NullPointerException for null
         */
        public Builder reconnect(ReconnectPolicy policy) {
            this.reconnect = Objects.requireNonNull(policy, "reconnect policy");
            return this;
        }

        /**
         * Lower the video bitrate to the first destination's throughput under congestion (default on).
         *
         * @param on true to follow the throughput, false to keep the configured bitrate
         * @return this builder
         */
        public Builder adaptiveBitrate(boolean on) {
            this.adaptiveBitrate = on;
            return this;
        }

        /**
         * Video encoder backend: {@code auto} or a backend name (checked when the stream starts).
         *
         * @param name {@code auto} or a backend name such as {@code openh264}; surrounding spaces are trimmed
         * @return this builder
         * @throws IllegalArgumentException for a null or blank name
         */
        public Builder videoEncoder(String name) {
            this.videoEncoder = requireName(name, "video encoder");
            return this;
        }

        /**
         * Video encoder settings; the size must match the video source's.
         *
         * @param config the video encoder settings, never null
         * @return this builder
         * @throws NullPointerException for null
         */
        public Builder video(VideoEncoderConfig config) {
            this.video = Objects.requireNonNull(config, "video config");
            return this;
        }

        /**
         * Audio encoder backend: {@code auto} or a backend name.
         *
         * @param name {@code auto} or a backend name; surrounding spaces are trimmed
         * @return this builder
         * @throws IllegalArgumentException for a null or blank name
         */
        public Builder audioEncoder(String name) {
            this.audioEncoder = requireName(name, "audio encoder");
            return this;
        }

        /**
         * Audio encoder settings; sample rate and channels must match the audio source's.
         *
         * @param config the audio encoder settings with codec {@code AAC_LC} (the only one legacy FLV/RTMP carries),
         *     never null
         * @return this builder
         * @throws IllegalArgumentException for another codec
         * @throws NullPointerException for null
         */
        public Builder audio(AudioEncoderConfig config) {
            Objects.requireNonNull(config, "audio config");
            if (config.codec() != AudioCodec.AAC_LC) {
                throw new IllegalArgumentException("audio codec " + config.codec()
                        + " cannot be carried in legacy FLV/RTMP (expected AAC_LC)");
            }
            this.audio = config;
            return this;
        }

        /**
         * RTMP client settings: timeouts, chunk size, TLS trust.
         *
         * @param config the RTMP client settings, never null
         * @return this builder
         * @throws NullPointerException for null
         */
        public Builder rtmp(RtmpClientConfig config) {
            this.rtmp = Objects.requireNonNull(config, "rtmp config");
            return this;
        }

        /**
         * Put each frame's capture wall-clock time into its SEI (default off).
         *
         * @param on true to attach a {@link CaptureTimeSei} message to every frame
         * @return this builder
         */
        public Builder seiTimestamps(boolean on) {
            this.seiTimestamps = on;
            return this;
        }

        /**
         * Also write what is pushed to this FLV file ({@code null}: no recording).
         *
         * @param file the FLV file to write (replaced if it exists), or {@code null} for none
         * @return this builder
         */
        public Builder recordFile(Path file) {
            this.recordFile = file;
            return this;
        }

        /**
         * The longest {@code close()} may take, 100 ms..60 s (default 3 s).
         *
         * @param timeout 100 ms..60 s
         * @return this builder
         * @throws IllegalArgumentException for null or a value outside that range
         */
        public Builder closeTimeout(Duration timeout) {
            if (timeout == null || timeout.toMillis() < 100 || timeout.toMillis() > 60_000) {
                throw new IllegalArgumentException("close timeout " + timeout + " is not allowed (expected 100 ms..60 s)");
            }
            this.closeTimeout = timeout;
            return this;
        }

        /**
         * Queued video beyond which inter frames are dropped, 200..10000 ms (default 900).
         *
         * @param ms queued video in milliseconds, 200..10000
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder dropThresholdMs(long ms) {
            if (ms < 200 || ms > 10_000) {
                throw new IllegalArgumentException("drop threshold " + ms + " ms is not allowed (expected 200..10000)");
            }
            this.dropThresholdMs = ms;
            return this;
        }

        /** @return the configuration */
        public LiveStreamConfig build() {
            return new LiveStreamConfig(this);
        }

        private static String requireName(String name, String what) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(what + " name is empty (expected auto or a backend name)");
            }
            return name.trim();
        }
    }
}
