package io.livepush.cohost.protocol;

import java.util.Objects;

/**
 * The messages of the audience key's handover between the host's own stream and the mixer (host only;
 * cohost/HANDOVER.md): {@link HandoverRequest}, {@link MixReady}, {@link HostUnpublished}, {@link MixLive},
 * {@link MixFailed}, {@link ReturnRequest}, {@link MixUnpublished} and {@link HostLive}.
 */
public sealed interface HandoverMessage extends SignalMessage {
    /**
     * The host asks the mixer to take the audience key: the mixer answers {@link MixReady} once every
     * participant in the mix has delivered a picture, or {@link MixFailed} (stage {@code READY}) when
     * that takes longer than {@code timeoutMs}. The audience URL is the mixer's own configuration.
     *
     * @param timeoutMs how long the mixer may take to get ready, {@value SignalMessage#MIN_HANDOVER_TIMEOUT_MS}..{@value
     *     SignalMessage#MAX_HANDOVER_TIMEOUT_MS}; the same bound applies to the host's {@link HostUnpublished} after
     *     {@link MixReady} (else {@link MixFailed} stage {@code HOST_UNPUBLISH}) and to the mixer's publish after it
     */
    record HandoverRequest(long timeoutMs) implements HandoverMessage {
        /**
         * Validates.
         *
         * @param timeoutMs how long the mixer may take to get ready, {@value
         *     SignalMessage#MIN_HANDOVER_TIMEOUT_MS}..{@value SignalMessage#MAX_HANDOVER_TIMEOUT_MS} ms
         * @throws IllegalArgumentException when {@code timeoutMs} is outside that range
         */
        public HandoverRequest {
            MessageChecks.requireInRange("timeoutMs", timeoutMs, MIN_HANDOVER_TIMEOUT_MS, MAX_HANDOVER_TIMEOUT_MS);
        }

        @Override
        public String type() {
            return "handoverRequest";
        }
    }

    /** The mix is composed with everyone and will publish the moment the host has unpublished. */
    record MixReady() implements HandoverMessage {
        @Override
        public String type() {
            return "mixReady";
        }
    }

    /** The host's own stream has left the audience key; the mixer publishes to it now. */
    record HostUnpublished() implements HandoverMessage {
        @Override
        public String type() {
            return "hostUnpublished";
        }
    }

    /** The ingest accepted the mix on the audience key; its first frame was a keyframe. */
    record MixLive() implements HandoverMessage {
        @Override
        public String type() {
            return "mixLive";
        }
    }

    /**
     * The mixer could not take the audience key; it does not publish to it.
     *
     * @param stage where it failed: {@code READY} (the host's stream was never touched and goes on),
     *     {@code HOST_UNPUBLISH} (the mixer stopped waiting for the host's {@code hostUnpublished}; the mix did
     *     not publish and the host keeps or takes back the key) or {@code PUBLISH} (the host has unpublished and
     *     must publish again)
     * @param reason a human-readable explanation
     */
    record MixFailed(Stage stage, String reason) implements HandoverMessage {
        /** Where a handover failed. */
        public enum Stage {
            /** Not every participant delivered a picture in time. */
            READY,
            /** The ingest did not accept the mix in time. */
            PUBLISH,
            /**
             * The host did not send {@code hostUnpublished} within the request's {@code timeoutMs} of
             * {@code mixReady}; the mixer went back to waiting for a new request and never published.
             */
            HOST_UNPUBLISH
        }

        /**
         * Validates.
         *
         * @param stage where it failed, not null
         * @param reason a human-readable explanation, not null (may be empty)
         * @throws NullPointerException when a value is null
         */
        public MixFailed {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String type() {
            return "mixFailed";
        }
    }

    /**
     * The host asks for the audience key back (or abandons a handover it started): the mixer stops
     * publishing and answers {@link MixUnpublished}, in any state.
     */
    record ReturnRequest() implements HandoverMessage {
        @Override
        public String type() {
            return "returnRequest";
        }
    }

    /** The mixer no longer publishes to the audience key (its legs stay); the host may publish. */
    record MixUnpublished() implements HandoverMessage {
        @Override
        public String type() {
            return "mixUnpublished";
        }
    }

    /** The host's own stream publishes to the audience key again. */
    record HostLive() implements HandoverMessage {
        @Override
        public String type() {
            return "hostLive";
        }
    }
}
