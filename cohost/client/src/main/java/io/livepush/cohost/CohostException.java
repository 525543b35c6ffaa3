package io.livepush.cohost;

import io.livepush.cohost.protocol.CohostErrorCode;
import java.util.Objects;

/**
 * A co-hosting operation was refused or failed. {@link #code()} is the protocol's typed reason, the
 * same value the signaling server puts in its {@code error} message, so callers switch on the code
 * and show the message to people.
 */
public class CohostException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The typed reason, never null; serialized with the message. */
    private final CohostErrorCode code;

    /**
     * @param code the typed reason, never null
     * @param message what happened, naming the value that was given and what is allowed
     */
    public CohostException(CohostErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * @param code the typed reason, never null
     * @param message what happened
     * @param cause the underlying failure
     */
    public CohostException(CohostErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return the typed reason */
    public CohostErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code + "]: " + getMessage();
    }
}
