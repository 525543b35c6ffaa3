package io.livepush.cohost.server.signaling;

import java.util.concurrent.CompletableFuture;

/**
 * The mixer's push to the audience key, as the signaling server's handover drives it (messages
 * {@code handoverRequest}, {@code hostUnpublished}, {@code returnRequest}; cohost/HANDOVER.md). Where
 * it pushes is the mixer's own configuration: no client message names a URL.
 *
 * <p>{@link #ready()} and {@link #publishing()} are called on the server's registry thread and must
 * not block; {@link #startOutput()} and {@link #stopOutput()} are called on its handover thread
 * ({@code livepush-signaling-handover-N}), one at a time.
 */
public interface AudienceOutput {
    /** @return true when every participant in the mix has delivered a picture (and there is one) */
    boolean ready();

    /** @return true while the mix is pushing to the audience key */
    boolean publishing();

    /**
     * Starts pushing the mix to the audience key; its first frame is a keyframe.
     *
     * @return completes when the ingest accepted the stream
     */
    CompletableFuture<Void> startOutput();

    /** Stops pushing (flushes, unpublishes); the participants stay in the mix. Idempotent. */
    void stopOutput();
}
