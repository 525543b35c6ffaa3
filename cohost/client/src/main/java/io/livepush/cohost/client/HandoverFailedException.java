package io.livepush.cohost.client;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.publisher.stream.LiveStream;

/**
 * A switch of the audience key that left the key's holder changed but not as asked. When the mix
 * could not publish after the host had unpublished, {@link #fallback()} is the host's stream that
 * was started again in its place, so the audience is never left without a publisher.
 */
public final class HandoverFailedException extends CohostException {
    private static final long serialVersionUID = 1L;
    private final transient LiveStream fallback;

    /**
     * @param code why: {@code MIXER_UNAVAILABLE} when the mix failed, {@code INTERNAL} when the host's stream did
     * @param message what happened
     * @param cause the underlying failure, or null
     * @param fallback the host's restarted stream now holding the key, or null
     */
    public HandoverFailedException(CohostErrorCode code, String message, Throwable cause, LiveStream fallback) {
        super(code, message, cause);
        this.fallback = fallback;
    }

    /** @return the host's restarted stream now publishing to the audience key, or null */
    public LiveStream fallback() {
        return fallback;
    }
}
