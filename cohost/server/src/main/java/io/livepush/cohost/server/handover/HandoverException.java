package io.livepush.cohost.server.handover;

import io.livepush.publisher.stream.LiveStream;

/**
 * A handover that could not complete. When the mix could not take the audience, {@link #fallback()}
 * is the host's stream that was started again in its place.
 */
public final class HandoverException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient LiveStream fallback;

    HandoverException(String message, Throwable cause, LiveStream fallback) {
        super(message, cause);
        this.fallback = fallback;
    }

    /** @return the host's restarted stream now holding the audience key, or null */
    public LiveStream fallback() {
        return fallback;
    }
}
