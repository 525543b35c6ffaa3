package io.livepush.cohost.server.signaling;

import java.util.concurrent.CompletableFuture;

/**
 * The mixer's push to the audience key, as the signaling server's handover drives it (messages
 * {@code handoverRequest}, {@code hostUnpublished}, {@code returnRequest}; cohost/HANDOVER.md). Where
 * it pushes is the mixer's own configuration: no client message names a URL.
 *
 * <p>{@link #ready()} and {@link #publishing()} are called on the server's registry thread and must
 * not block; {@link #prepareOutput()}, {@link #cancelPreparedOutput()}, {@link #startOutput()} and
 * {@link #stopOutput()} are called on its handover thread ({@code livepush-signaling-handover-N}), one
 * at a time.
 */
public interface AudienceOutput {
    /** @return true when every participant in the mix has delivered a picture (and there is one) */
    boolean ready();

    /** @return true while the mix is pushing to the audience key */
    boolean publishing();

    /**
     * Prepares everything the push needs that does not take the audience key (the host still holds
     * it): opens and warms the encoders, connects to the ingest up to {@code createStream}, without
     * {@code publish}. {@link #startOutput()} then only publishes and encodes its first keyframe.
     * Called when every participant has delivered a picture; {@code mixReady} is sent when it completes
     * (or after three quarters of the handover's timeout, the preparation going on). The default
     * prepares nothing.
     *
     * @return completes when prepared; a failure is logged and {@code startOutput()} starts in full
     */
    default CompletableFuture<Void> prepareOutput() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Closes what {@link #prepareOutput()} opened, without publishing (the handover was given up
     * before {@code hostUnpublished}); the audience key is not touched. Idempotent; the default does
     * nothing.
     */
    default void cancelPreparedOutput() {
    }

    /**
     * Starts pushing the mix to the audience key, on the prepared output when there is one; its
     * first frame is a keyframe.
     *
     * @return completes when the ingest accepted the stream
     */
    CompletableFuture<Void> startOutput();

    /**
     * Stops pushing (flushes, unpublishes) and closes a prepared output; the participants stay in
     * the mix. Idempotent.
     */
    void stopOutput();
}
