package io.livepush.cohost.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The mixer's side of the audience key as {@link AudienceRelay} drives it: a {@code Mixer} in the
 * same process, or the mixer behind the signaling server (the host's {@link CohostSession}, which
 * sends {@code handoverRequest}, {@code hostUnpublished}, {@code returnRequest} and {@code hostLive}).
 * The relay calls one method at a time from its own thread; the futures may complete on any thread.
 */
public interface MixSide {
    /**
     * Gets the mix ready to publish at once: every participant has delivered a picture, so its first
     * keyframe shows everyone. Must not touch the audience key.
     *
     * @param timeout how long the mix may take
     * @return completes when ready; exceptionally with a {@link io.livepush.cohost.CohostException}
     *     ({@code MIX_NOT_READY}, or the server's refusal such as {@code NOT_HOST}) when it is not
     */
    CompletableFuture<Void> ready(Duration timeout);

    /**
     * Publishes the mix to the audience key (the host's stream has left it); the first frame is a
     * keyframe.
     *
     * @param timeout how long the ingest may take to accept it
     * @return completes when the ingest accepted the mix; exceptionally when it did not
     */
    CompletableFuture<Void> publish(Duration timeout);

    /**
     * Stops publishing the mix (the participants stay in it); harmless when it is not publishing.
     *
     * @return completes once the mix no longer holds the audience key
     */
    CompletableFuture<Void> unpublish();

    /** The host's own stream holds the audience key again (after {@link #unpublish()}); informs only. */
    default void hostLive() {
    }
}
