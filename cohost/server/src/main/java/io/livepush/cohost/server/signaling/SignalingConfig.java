package io.livepush.cohost.server.signaling;

import io.livepush.cohost.token.TokenVerifier;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of a {@link SignalingServer}; built by {@link #builder()}, which validates at once.
 */
public final class SignalingConfig {
    private final InetAddress bindAddress;
    private final int port;
    private final TokenVerifier tokenVerifier;
    private final Duration invitationTtl;
    private final MixerGateway mixerGateway;
    private final AudienceOutput audienceOutput;
    private final int maxParticipants;
    private final Duration helloTimeout;
    private final Clock clock;

    private SignalingConfig(Builder b) {
        this.bindAddress = b.bindAddress;
        this.port = b.port;
        this.tokenVerifier = Objects.requireNonNull(b.tokenVerifier, "tokenVerifier is required");
        this.invitationTtl = b.invitationTtl;
        this.mixerGateway = Objects.requireNonNull(b.mixerGateway, "mixerGateway is required");
        this.audienceOutput = b.audienceOutput;
        this.maxParticipants = b.maxParticipants;
        this.helloTimeout = b.helloTimeout;
        this.clock = b.clock;
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
        b.tokenVerifier = tokenVerifier;
        b.invitationTtl = invitationTtl;
        b.mixerGateway = mixerGateway;
        b.audienceOutput = audienceOutput;
        b.maxParticipants = maxParticipants;
        b.helloTimeout = helloTimeout;
        b.clock = clock;
        return b;
    }

    /** @return the address listened on (default 127.0.0.1) */
    public InetAddress bindAddress() {
        return bindAddress;
    }

    /** @return the TCP port, 0 = any free port (default 0) */
    public int port() {
        return port;
    }

    /** @return checks the {@code hello} tokens */
    public TokenVerifier tokenVerifier() {
        return tokenVerifier;
    }

    /** @return how long an invitation waits for an answer (default 60 s) */
    public Duration invitationTtl() {
        return invitationTtl;
    }

    /** @return the mixer that takes joined participants' legs */
    public MixerGateway mixerGateway() {
        return mixerGateway;
    }

    /**
     * @return the mix's push to the audience key that a host may hand its audience to over signaling,
     *     or null (default) when this server refuses handovers with {@code MIXER_UNAVAILABLE}
     */
    public AudienceOutput audienceOutput() {
        return audienceOutput;
    }

    /** @return most participants (host included) joined in one room at a time (default 4) */
    public int maxParticipants() {
        return maxParticipants;
    }

    /** @return how long a new socket may stay silent before its {@code hello} (default 10 s) */
    public Duration helloTimeout() {
        return helloTimeout;
    }

    /** @return the clock invitation expiry is checked against (default the system UTC clock) */
    public Clock clock() {
        return clock;
    }

    /** Builds a {@link SignalingConfig}; each setter validates its value. */
    public static final class Builder {
        private InetAddress bindAddress = loopback();
        private int port;
        private TokenVerifier tokenVerifier;
        private Duration invitationTtl = Duration.ofSeconds(60);
        private MixerGateway mixerGateway;
        private AudienceOutput audienceOutput;
        private int maxParticipants = 4;
        private Duration helloTimeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        private static InetAddress loopback() {
            try {
                return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * @param address the address to listen on (default 127.0.0.1)
         * @return this builder
         * @throws NullPointerException when {@code address} is null
         */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "bindAddress");
            return this;
        }

        /**
         * @param port 0..65535, 0 = any free port (the default)
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
         * @param verifier checks the tokens; required
         * @return this builder
         * @throws NullPointerException when {@code verifier} is null
         */
        public Builder tokenVerifier(TokenVerifier verifier) {
            this.tokenVerifier = Objects.requireNonNull(verifier, "tokenVerifier");
            return this;
        }

        /**
         * @param ttl how long an invitation waits for its answer, 10 ms .. 1 h (default 60 s)
         * @return this builder
         * @throws IllegalArgumentException when {@code ttl} is outside 10 ms .. 1 h
         * @throws NullPointerException when {@code ttl} is null
         */
        public Builder invitationTtl(Duration ttl) {
            requireRange("invitationTtl", ttl, Duration.ofMillis(10), Duration.ofHours(1));
            this.invitationTtl = ttl;
            return this;
        }

        /**
         * @param gateway the mixer; required
         * @return this builder
         * @throws NullPointerException when {@code gateway} is null
         */
        public Builder mixerGateway(MixerGateway gateway) {
            this.mixerGateway = Objects.requireNonNull(gateway, "mixerGateway");
            return this;
        }

        /**
         * @param output the mix's push to the audience key, driven by the host's handover messages;
         *     null for none (the default)
         * @return this builder
         */
        public Builder audienceOutput(AudienceOutput output) {
            this.audienceOutput = output;
            return this;
        }

        /**
         * @param max 1..16 participants per room, host included (default 4)
         * @return this builder
         * @throws IllegalArgumentException when {@code max} is outside 1..16
         */
        public Builder maxParticipants(int max) {
            if (max < 1 || max > 16) {
                throw new IllegalArgumentException("maxParticipants is " + max + " (expected 1..16)");
            }
            this.maxParticipants = max;
            return this;
        }

        /**
         * @param timeout how long a new connection may take to send its hello, 100 ms .. 5 min (default 10 s)
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is outside 100 ms .. 5 min
         * @throws NullPointerException when {@code timeout} is null
         */
        public Builder helloTimeout(Duration timeout) {
            requireRange("helloTimeout", timeout, Duration.ofMillis(100), Duration.ofMinutes(5));
            this.helloTimeout = timeout;
            return this;
        }

        /**
         * @param clock the clock invitation expiry is checked against (default the system UTC clock)
         * @return this builder
         * @throws NullPointerException when {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the settings
         * @throws NullPointerException when the verifier or gateway is missing
         */
        public SignalingConfig build() {
            return new SignalingConfig(this);
        }

        private static void requireRange(String what, Duration d, Duration min, Duration max) {
            Objects.requireNonNull(d, what);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException(what + " is " + d + " (expected " + min + " .. " + max + ")");
            }
        }
    }
}
