package io.livepush.publisher.rtmp.client;

import io.netty.channel.EventLoopGroup;

import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;

/**
 * Immutable settings of an {@link RtmpClient} connection. Build with {@link #builder()}; each setter validates at
 * once; {@link #toBuilder()} makes variants.
 *
 * <p>Defaults: connect timeout 5 s, handshake timeout 10 s, command timeout 10 s (the deadline of each command
 * waiting for its answer), close timeout 2 s, write timeout 10 s, socket send buffer 64 KiB, outgoing chunk size 4096 (what OBS uses; sent as Set Chunk Size
 * first, Adobe RTMP 1.0 §5.4.1), window acknowledgement size 2 500 000 bytes, flashVer
 * {@code "FMLE/3.0 (compatible; LivePush)"}, the JDK's default trust store for RTMPS, and the shared LivePush event
 * loop group.
 */
public final class RtmpClientConfig {

    private final Duration connectTimeout;
    private final Duration handshakeTimeout;
    private final Duration commandTimeout;
    private final Duration closeTimeout;
    private final Duration writeTimeout;
    private final int sendBufferBytes;
    private final int chunkSize;
    private final long windowAckSize;
    private final String flashVer;
    private final KeyStore trustStore;
    private final boolean insecureTrustAllCertificates;
    private final EventLoopGroup eventLoopGroup;

    private RtmpClientConfig(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.handshakeTimeout = b.handshakeTimeout;
        this.commandTimeout = b.commandTimeout;
        this.closeTimeout = b.closeTimeout;
        this.writeTimeout = b.writeTimeout;
        this.sendBufferBytes = b.sendBufferBytes;
        this.chunkSize = b.chunkSize;
        this.windowAckSize = b.windowAckSize;
        this.flashVer = b.flashVer;
        this.trustStore = b.trustStore;
        this.insecureTrustAllCertificates = b.insecureTrustAllCertificates;
        this.eventLoopGroup = b.eventLoopGroup;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the defaults */
    public static RtmpClientConfig defaults() {
        return builder().build();
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.handshakeTimeout = handshakeTimeout;
        b.commandTimeout = commandTimeout;
        b.closeTimeout = closeTimeout;
        b.writeTimeout = writeTimeout;
        b.sendBufferBytes = sendBufferBytes;
        b.chunkSize = chunkSize;
        b.windowAckSize = windowAckSize;
        b.flashVer = flashVer;
        b.trustStore = trustStore;
        b.insecureTrustAllCertificates = insecureTrustAllCertificates;
        b.eventLoopGroup = eventLoopGroup;
        return b;
    }

    /** @return the TCP (and for RTMPS, TLS) connect timeout */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return how long the RTMP handshake (§5.2) may take */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** @return the deadline of each command waiting for its answer ({@code _result}, {@code onStatus}) */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** @return how long {@code close()} waits for FCUnpublish/deleteStream to be written before closing */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /**
     * @return how long a publishing connection may hold unwritten data without the socket taking a single byte
     *     before it fails with {@link io.livepush.publisher.rtmp.RtmpTimeoutException} (step {@code "write"}): a
     *     dead link, or a server that stopped reading
     */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /**
     * @return the socket send buffer asked for (SO_SNDBUF; Linux doubles it), or 0 for the system's self-tuning
     *     buffer. A small buffer keeps the backlog in LivePush's send queue, where the congestion rules see it,
     *     instead of in the kernel; it caps throughput at about twice this size per round trip
     */
    public int sendBufferBytes() {
        return sendBufferBytes;
    }

    /** @return the outgoing chunk size announced with Set Chunk Size */
    public int chunkSize() {
        return chunkSize;
    }

    /** @return the Window Acknowledgement Size sent to the server */
    public long windowAckSize() {
        return windowAckSize;
    }

    /** @return the flashVer property of the connect command */
    public String flashVer() {
        return flashVer;
    }

    /** @return the trust store for RTMPS server certificates; empty = the JDK's default trust store */
    public Optional<KeyStore> trustStore() {
        return Optional.ofNullable(trustStore);
    }

    /** @return whether RTMPS skips certificate and host name verification (unsafe; logged as a warning) */
    public boolean insecureTrustAllCertificates() {
        return insecureTrustAllCertificates;
    }

    /** @return the event loop group to share; empty = LivePush's shared daemon group */
    public Optional<EventLoopGroup> eventLoopGroup() {
        return Optional.ofNullable(eventLoopGroup);
    }

    /** Builder of {@link RtmpClientConfig}; every setter validates its argument at once. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration commandTimeout = Duration.ofSeconds(10);
        private Duration closeTimeout = Duration.ofSeconds(2);
        private Duration writeTimeout = Duration.ofSeconds(10);
        private int sendBufferBytes = 64 * 1024;
        private int chunkSize = 4096;
        private long windowAckSize = 2_500_000;
        private String flashVer = "FMLE/3.0 (compatible; LivePush)";
        private KeyStore trustStore;
        private boolean insecureTrustAllCertificates;
        private EventLoopGroup eventLoopGroup;

        private Builder() {
        }

        private static Duration positive(String what, Duration d, Duration max) {
            if (d == null || d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
                throw new IllegalArgumentException(what + " is " + d + " (expected more than 0 and at most " + max + ")");
            }
            return d;
        }

        /**
         * Sets the TCP (and for RTMPS, TLS) connect timeout (default 5 s).
         *
         * @param timeout the TCP (and for RTMPS, TLS) connect timeout, more than 0 and at most 5 minutes
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is null, zero, negative or over 5 minutes
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connect timeout", timeout, Duration.ofMinutes(5));
            return this;
        }

        /**
         * Sets the handshake timeout (default 10 s): the RTMP handshake's, and for RTMPS the TLS handshake's.
         *
         * @param timeout the handshake timeout, more than 0 and at most 5 minutes
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is null, zero, negative or over 5 minutes
         */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = positive("handshake timeout", timeout, Duration.ofMinutes(5));
            return this;
        }

        /**
         * Sets the deadline of each command waiting for its answer (default 10 s).
         *
         * @param timeout the deadline of each command waiting for its answer, more than 0 and at most 5 minutes
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is null, zero, negative or over 5 minutes
         */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = positive("command timeout", timeout, Duration.ofMinutes(5));
            return this;
        }

        /**
         * Sets the longest time {@code close()} may take (default 2 s).
         *
         * @param timeout the longest time {@code close()} may take, more than 0 and at most 30 seconds
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is null, zero, negative or over 30 seconds
         */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = positive("close timeout", timeout, Duration.ofSeconds(30));
            return this;
        }

        /**
         * Sets the write timeout (default 10 s): when the socket takes no byte for this long, the connection fails.
         *
         * @param timeout the write timeout, more than 0 and at most 5 minutes
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is null, zero, negative or over 5 minutes
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive("write timeout", timeout, Duration.ofMinutes(5));
            return this;
        }

        /**
         * Sets the socket send buffer, {@code SO_SNDBUF} (default 65536 bytes).
         *
         * @param bytes the buffer in bytes, 4096..16777216, or 0 to leave the system default
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is neither 0 nor in 4096..16777216
         */
        public Builder sendBufferBytes(int bytes) {
            if (bytes != 0 && (bytes < 4096 || bytes > 16 * 1024 * 1024)) {
                throw new IllegalArgumentException("send buffer is " + bytes + " bytes (expected 0 or 4096..16777216)");
            }
            this.sendBufferBytes = bytes;
            return this;
        }

        /**
         * Sets the outgoing chunk size announced with Set Chunk Size (default 4096 bytes).
         *
         * @param chunkSize the largest chunk payload in bytes, 128..65536
         * @return this builder
         * @throws IllegalArgumentException when {@code chunkSize} is outside 128..65536
         */
        public Builder chunkSize(int chunkSize) {
            if (chunkSize < 128 || chunkSize > 65536) {
                throw new IllegalArgumentException("chunk size is " + chunkSize + " (expected 128..65536)");
            }
            this.chunkSize = chunkSize;
            return this;
        }

        /**
         * Sets the Window Acknowledgement Size sent to the server (default 2500000 bytes).
         *
         * @param bytes the bytes the server may send before it expects an acknowledgement, 1..0xFFFFFFFF
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is outside 1..0xFFFFFFFF
         */
        public Builder windowAckSize(long bytes) {
            if (bytes < 1 || bytes > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("window acknowledgement size is " + bytes
                        + " (expected 1..4294967295)");
            }
            this.windowAckSize = bytes;
            return this;
        }

        /**
         * Sets the {@code flashVer} of the connect command (default {@code "FMLE/3.0 (compatible; LivePush)"}).
         *
         * @param flashVer the value, not null or blank
         * @return this builder
         * @throws IllegalArgumentException when {@code flashVer} is null or blank
         */
        public Builder flashVer(String flashVer) {
            if (flashVer == null || flashVer.isBlank()) {
                throw new IllegalArgumentException("flashVer is " + (flashVer == null ? "null" : "blank")
                        + " (expected e.g. \"FMLE/3.0 (compatible; LivePush)\")");
            }
            this.flashVer = flashVer;
            return this;
        }

        /**
         * @param trustStore certificates to trust for RTMPS instead of the JDK's default trust store; null = default
         * @return this
         */
        public Builder trustStore(KeyStore trustStore) {
            this.trustStore = trustStore;
            return this;
        }

        /**
         * Skips RTMPS certificate and host name verification: anyone on the path can read the stream key. For tests
         * against self-signed servers only; each connection made this way logs a warning.
         *
         * @param insecure true to trust every certificate
         * @return this
         */
        public Builder insecureTrustAllCertificates(boolean insecure) {
            this.insecureTrustAllCertificates = insecure;
            return this;
        }

        /**
         * Shares an event loop group with the application; LivePush never shuts it down.
         *
         * @param group the group, or {@code null} for LivePush's shared daemon group (the default)
         * @return this builder
         */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.eventLoopGroup = group;
            return this;
        }

        /** @return the configuration */
        public RtmpClientConfig build() {
            return new RtmpClientConfig(this);
        }
    }
}
