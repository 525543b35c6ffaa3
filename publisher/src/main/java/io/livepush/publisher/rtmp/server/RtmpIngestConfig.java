package io.livepush.publisher.rtmp.server;

import io.netty.handler.ssl.SslContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable settings of an {@link RtmpIngestServer}. Build with {@link #builder()}; setters validate at once;
 * {@link #toBuilder()} makes variants.
 *
 * <p>Defaults: bind address 127.0.0.1, port 0 (an ephemeral port, see {@link RtmpIngestServer#port()}), no
 * recording, no TLS, outgoing chunk size 4096, window acknowledgement size 2 500 000, handshake timeout 10 s,
 * commands answered, no names refused, a no-op listener.
 */
public final class RtmpIngestConfig {

    private final String bindAddress;
    private final int port;
    private final Path recordDirectory;
    private final Path recordFile;
    private final SslContext tls;
    private final int chunkSize;
    private final long windowAckSize;
    private final Duration handshakeTimeout;
    private final boolean answerCommands;
    private final Set<String> badNameKeys;
    private final RtmpIngestListener listener;

    private RtmpIngestConfig(Builder b) {
        this.bindAddress = b.bindAddress;
        this.port = b.port;
        this.recordDirectory = b.recordDirectory;
        this.recordFile = b.recordFile;
        this.tls = b.tls;
        this.chunkSize = b.chunkSize;
        this.windowAckSize = b.windowAckSize;
        this.handshakeTimeout = b.handshakeTimeout;
        this.answerCommands = b.answerCommands;
        this.badNameKeys = b.badNameKeys;
        this.listener = b.listener;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bindAddress = bindAddress;
        b.port = port;
        b.recordDirectory = recordDirectory;
        b.recordFile = recordFile;
        b.tls = tls;
        b.chunkSize = chunkSize;
        b.windowAckSize = windowAckSize;
        b.handshakeTimeout = handshakeTimeout;
        b.answerCommands = answerCommands;
        b.badNameKeys = badNameKeys;
        b.listener = listener;
        return b;
    }

    /** @return the address to bind */
    public String bindAddress() {
        return bindAddress;
    }

    /** @return the port to bind, 0 = ephemeral */
    public int port() {
        return port;
    }

    /** @return a directory where each published stream is written as {@code NAME.flv} */
    public Optional<Path> recordDirectory() {
        return Optional.ofNullable(recordDirectory);
    }

    /** @return a file the first published stream is written to */
    public Optional<Path> recordFile() {
        return Optional.ofNullable(recordFile);
    }

    /** @return the server TLS context for RTMPS, if any */
    public Optional<SslContext> tls() {
        return Optional.ofNullable(tls);
    }

    /** @return the outgoing chunk size announced to clients */
    public int chunkSize() {
        return chunkSize;
    }

    /** @return the Window Acknowledgement Size and Set Peer Bandwidth window sent to clients */
    public long windowAckSize() {
        return windowAckSize;
    }

    /** @return the handshake deadline */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** @return false for the "never answer" mode: the handshake completes but no command gets an answer */
    public boolean answerCommands() {
        return answerCommands;
    }

    /** @return publish names answered with {@code NetStream.Publish.BadName} */
    public Set<String> badNameKeys() {
        return badNameKeys;
    }

    /** @return the listener */
    public RtmpIngestListener listener() {
        return listener;
    }

    /** Builder of {@link RtmpIngestConfig}. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port;
        private Path recordDirectory;
        private Path recordFile;
        private SslContext tls;
        private int chunkSize = 4096;
        private long windowAckSize = 2_500_000;
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private boolean answerCommands = true;
        private Set<String> badNameKeys = Set.of();
        private RtmpIngestListener listener = new RtmpIngestListener() { };

        private Builder() {
        }

        /**
         * Sets the address to listen on (default {@code 127.0.0.1}).
         *
         * @param address an IP address or host name, not null or blank
         * @return this builder
         * @throws IllegalArgumentException when {@code address} is null or blank
         */
        public Builder bindAddress(String address) {
            if (address == null || address.isBlank()) {
                throw new IllegalArgumentException("bind address is " + (address == null ? "null" : "blank")
                        + " (expected e.g. 127.0.0.1)");
            }
            this.bindAddress = address;
            return this;
        }

        /**
         * Sets the TCP port (default 0: a free port the system picks, see {@link RtmpIngestServer#port()}).
         *
         * @param port 0..65535
         * @return this builder
         * @throws IllegalArgumentException when {@code port} is outside 0..65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port is " + port + " (expected 0..65535)");
            }
            this.port = port;
            return this;
        }

        /**
         * Records each published stream to {@code directory/NAME.flv} (default off).
         *
         * @param directory the directory, or {@code null} for no recording
         * @return this builder
         */
        public Builder recordDirectory(Path directory) {
            this.recordDirectory = directory;
            return this;
        }

        /**
         * Records the first published stream to one file (default off).
         *
         * @param file the FLV file, or {@code null} for no recording
         * @return this builder
         */
        public Builder recordFile(Path file) {
            this.recordFile = file;
            return this;
        }

        /**
         * Serves RTMPS instead of plain RTMP (default plain).
         *
         * @param context a server-side {@code SslContext}, or {@code null} for plain RTMP
         * @return this builder
         * @throws IllegalArgumentException when {@code context} is a client context
         */
        public Builder tls(SslContext context) {
            if (context != null && context.isClient()) {
                throw new IllegalArgumentException("TLS context is a client context (expected a server context)");
            }
            this.tls = context;
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
         * Sets the Window Acknowledgement Size sent to each client (default 2500000 bytes).
         *
         * @param bytes the bytes a client may send before it expects an acknowledgement, 1..0xFFFFFFFF
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
         * Sets the deadline of each client's RTMP handshake (default 10 s).
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is null, zero or negative
         */
        public Builder handshakeTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("handshake timeout is " + timeout + " (expected a positive duration)");
            }
            this.handshakeTimeout = timeout;
            return this;
        }

        /**
         * Whether commands are answered (default true).
         *
         * @param answer false to never answer commands, to test a client's command timeouts
         * @return this builder
         */
        public Builder answerCommands(boolean answer) {
            this.answerCommands = answer;
            return this;
        }

        /**
         * Names whose {@code publish} is refused with {@code NetStream.Publish.BadName} (default none).
         *
         * @param keys the stream names, copied
         * @return this builder
         * @throws NullPointerException when {@code keys} or one of its names is null
         */
        public Builder badNameKeys(Set<String> keys) {
            this.badNameKeys = Set.copyOf(keys);
            return this;
        }

        /**
         * Sets the listener told about connections and messages (default: one that does nothing).
         *
         * @param listener the listener, not null
         * @return this builder
         * @throws IllegalArgumentException when {@code listener} is null
         */
        public Builder listener(RtmpIngestListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("listener is null (expected a listener; its methods default to no-ops)");
            }
            this.listener = listener;
            return this;
        }

        /** @return the configuration */
        public RtmpIngestConfig build() {
            return new RtmpIngestConfig(this);
        }
    }
}
