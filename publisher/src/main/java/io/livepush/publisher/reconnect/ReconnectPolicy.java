package io.livepush.publisher.reconnect;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When and how often a lost RTMP connection is made again (SPECS.md, "Reconnect"): the first retry
 * after {@code initialDelay}, each further one {@code multiplier} times later, capped at
 * {@code maxDelay}, every delay spread by &plusmn;{@code jitter} so that many publishers cut off by
 * the same fault do not come back in lock step; at most {@code maxAttempts} retries in a row (the
 * retry budget; a successful publish refills it).
 *
 * <p>Defaults: 2 s, &times;1.5, capped at 30 s, jitter 20 %, 25 attempts (about ten minutes of
 * trying, as OBS does). {@link #disabled()} never retries. Immutable; built with {@link #builder()}.
 */
public final class ReconnectPolicy {
    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final double jitter;
    private final int maxAttempts;

    private ReconnectPolicy(Builder b) {
        this.initialDelay = b.initialDelay;
        this.multiplier = b.multiplier;
        this.maxDelay = b.maxDelay;
        this.jitter = b.jitter;
        this.maxAttempts = b.maxAttempts;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the defaults */
    public static ReconnectPolicy defaults() {
        return builder().build();
    }

    /** @return a policy that never retries: a lost connection ends that destination */
    public static ReconnectPolicy disabled() {
        return builder().maxAttempts(0).build();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.initialDelay = initialDelay;
        b.multiplier = multiplier;
        b.maxDelay = maxDelay;
        b.jitter = jitter;
        b.maxAttempts = maxAttempts;
        return b;
    }

    /**
     * The delay before retry number {@code attempt}.
     *
     * @param attempt 1 for the first retry after a loss
     * @param random a source of numbers in [0, 1) for the jitter
     * @return {@code min(maxDelay, initialDelay * multiplier^(attempt-1))}, spread by the jitter
     * @throws IllegalArgumentException when {@code attempt < 1}
     */
    public Duration delay(int attempt, DoubleSupplier random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is " + attempt + " (expected 1 or more)");
        }
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.min(attempt - 1, 60));
        double capped = Math.min(base, maxDelay.toMillis());
        double spread = capped * (1 + jitter * (2 * random.getAsDouble() - 1));
        return Duration.ofMillis(Math.max(0, Math.round(Math.min(spread, maxDelay.toMillis()))));
    }

    /**
     * @param attempt the retry number, 1 for the first retry after a loss
     * @return whether retry number {@code attempt} is within the budget
     */
    public boolean allows(int attempt) {
        return attempt <= maxAttempts;
    }

    /** @return the delay before the first retry */
    public Duration initialDelay() {
        return initialDelay;
    }

    /** @return the factor between consecutive delays */
    public double multiplier() {
        return multiplier;
    }

    /** @return the longest delay */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** @return the relative spread of each delay, 0..0.5 */
    public double jitter() {
        return jitter;
    }

    /** @return the retry budget: retries in a row before giving up; 0 = never retry */
    public int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public String toString() {
        return "ReconnectPolicy[" + initialDelay.toMillis() + " ms x" + multiplier + " up to " + maxDelay.toMillis()
                + " ms, jitter " + jitter + ", " + maxAttempts + " attempts]";
    }

    /** Builds a {@link ReconnectPolicy}; every setter validates at once. */
    public static final class Builder {
        private Duration initialDelay = Duration.ofSeconds(2);
        private double multiplier = 1.5;
        private Duration maxDelay = Duration.ofSeconds(30);
        private double jitter = 0.2;
        private int maxAttempts = 25;

        private Builder() {
        }

        /**
         * The delay before the first retry, 0..10 min (default 2 s).
         *
         * @param delay 0..10 min
         * @return this builder
         * @throws IllegalArgumentException outside that range
         * @throws NullPointerException for null
         */
        public Builder initialDelay(Duration delay) {
            this.initialDelay = within("initial delay", delay);
            return this;
        }

        /**
         * The factor between consecutive delays, 1..10 (default 1.5).
         *
         * @param factor 1..10; 1 keeps every delay equal
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder multiplier(double factor) {
            if (!(factor >= 1 && factor <= 10)) {
                throw new IllegalArgumentException("multiplier is " + factor + " (expected 1..10)");
            }
            this.multiplier = factor;
            return this;
        }

        /**
         * The longest delay, 0..10 min (default 30 s).
         *
         * @param delay 0..10 min; caps every delay, jitter included
         * @return this builder
         * @throws IllegalArgumentException outside that range
         * @throws NullPointerException for null
         */
        public Builder maxDelay(Duration delay) {
            this.maxDelay = within("max delay", delay);
            return this;
        }

        /**
         * The relative spread of each delay, 0..0.5 (default 0.2).
         *
         * @param fraction 0..0.5; each delay is scaled by a random factor in {@code 1 - fraction .. 1 + fraction}
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder jitter(double fraction) {
            if (!(fraction >= 0 && fraction <= 0.5)) {
                throw new IllegalArgumentException("jitter is " + fraction + " (expected 0..0.5)");
            }
            this.jitter = fraction;
            return this;
        }

        /**
         * Retries in a row before giving up, 0..1000000 (default 25; 0 = never retry).
         *
         * @param attempts 0..1000000
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 0 || attempts > 1_000_000) {
                throw new IllegalArgumentException("max attempts is " + attempts + " (expected 0..1000000)");
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * @return the policy
         * @throws IllegalArgumentException when the max delay is below the initial delay
         */
        public ReconnectPolicy build() {
            if (maxDelay.compareTo(initialDelay) < 0) {
                throw new IllegalArgumentException("max delay " + maxDelay.toMillis() + " ms is below the initial delay "
                        + initialDelay.toMillis() + " ms (expected max >= initial)");
            }
            return new ReconnectPolicy(this);
        }

        private static Duration within(String what, Duration d) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException(what + " is " + d + " (expected 0..10 min)");
            }
            return d;
        }
    }
}
