package io.livepush.cohost.token;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import java.util.Objects;

/**
 * A token was refused. {@link #reason()} says why; {@link #code()} is the matching protocol code
 * ({@code UNAUTHORIZED}, {@code FORGED_TOKEN} or {@code TOKEN_EXPIRED}).
 */
public class CohostAuthException extends CohostException {
    private static final long serialVersionUID = 1L;

    /** Why a token was refused. */
    public enum AuthFailure {
        /** Not two base64url parts separated by one dot, or claims that are not the expected JSON. */
        MALFORMED(CohostErrorCode.UNAUTHORIZED),
        /** The signature does not match the claims under the verifier's secret. */
        FORGED(CohostErrorCode.FORGED_TOKEN),
        /** Correctly signed but past its {@code expiresAt}. */
        EXPIRED(CohostErrorCode.TOKEN_EXPIRED);

        private final CohostErrorCode code;

        AuthFailure(CohostErrorCode code) {
            this.code = code;
        }

        /** @return the protocol code the signaling server answers with */
        public CohostErrorCode code() {
            return code;
        }

        /**
         * @param code a protocol code
         * @return the failure for {@code UNAUTHORIZED}, {@code FORGED_TOKEN} or {@code TOKEN_EXPIRED}
         * @throws IllegalArgumentException for any other code
         */
        public static AuthFailure of(CohostErrorCode code) {
            for (AuthFailure f : values()) {
                if (f.code == code) {
                    return f;
                }
            }
            throw new IllegalArgumentException(
                    "code " + code + " is not an authentication failure (expected UNAUTHORIZED, FORGED_TOKEN, TOKEN_EXPIRED)");
        }
    }

    /** Why the token was refused, never null; serialized with the message. */
    private final AuthFailure reason;

    /**
     * @param reason why the token was refused
     * @param message details; never the token itself
     */
    public CohostAuthException(AuthFailure reason, String message) {
        super(Objects.requireNonNull(reason, "reason").code(), message);
        this.reason = reason;
    }

    /** @return why the token was refused */
    public AuthFailure reason() {
        return reason;
    }
}
