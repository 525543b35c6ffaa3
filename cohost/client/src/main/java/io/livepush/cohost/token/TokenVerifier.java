package io.livepush.cohost.token;

import io.livepush.cohost.token.CohostAuthException.AuthFailure;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a co-host token made by {@link TokenSigner}: its shape, then its signature (compared in
 * constant time, before the claims are parsed), then its expiry against the given clock. Thread-safe.
 */
public final class TokenVerifier {
    /** Longest token accepted, in characters; anything longer is refused as malformed unread. */
    public static final int MAX_TOKEN_LENGTH = 2048;

    private static final int MAC_BYTES = 32;

    private final SecretKeySpec key;
    private final Clock clock;

    /**
     * @param secret the secret the tokens were signed with, at least 32 bytes; copied
     * @param clock the clock expiry is checked against
     */
    public TokenVerifier(byte[] secret, Clock clock) {
        this.key = TokenSigner.key(secret);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param token the token string
     * @return its claims
     * @throws CohostAuthException {@code MALFORMED} when it is not two base64url parts with JSON claims,
     *     {@code FORGED} when the signature does not match, {@code EXPIRED} when {@code expiresAt} is not after now
     */
    public CohostToken verify(String token) throws CohostAuthException {
        if (token == null || token.isEmpty()) {
            throw new CohostAuthException(AuthFailure.MALFORMED, "token is empty");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new CohostAuthException(AuthFailure.MALFORMED,
                    "token is " + token.length() + " characters (expected at most " + MAX_TOKEN_LENGTH + ")");
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || dot == token.length() - 1) {
            throw new CohostAuthException(AuthFailure.MALFORMED, "token is not CLAIMS.SIGNATURE (two base64url parts)");
        }
        String claimsPart = token.substring(0, dot);
        byte[] claims = decode(claimsPart, "claims");
        byte[] signature = decode(token.substring(dot + 1), "signature");
        if (signature.length != MAC_BYTES) {
            throw new CohostAuthException(AuthFailure.MALFORMED,
                    "signature is " + signature.length + " bytes (expected " + MAC_BYTES + ")");
        }
        if (!MessageDigest.isEqual(signature, TokenSigner.mac(key, claimsPart))) {
            throw new CohostAuthException(AuthFailure.FORGED, "token signature does not match");
        }
        CohostToken parsed;
        try {
            parsed = TokenClaims.read(claims);
        } catch (IllegalArgumentException e) {
            throw new CohostAuthException(AuthFailure.MALFORMED, "token " + e.getMessage());
        }
        if (!clock.instant().isBefore(parsed.expiresAt())) {
            throw new CohostAuthException(AuthFailure.EXPIRED,
                    "token of user " + parsed.userId() + " expired at " + parsed.expiresAt());
        }
        return parsed;
    }

    private static byte[] decode(String part, String what) throws CohostAuthException {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new CohostAuthException(AuthFailure.MALFORMED,
                        "token " + what + " has '" + c + "' at index " + i + " (expected unpadded base64url)");
            }
        }
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new CohostAuthException(AuthFailure.MALFORMED, "token " + what + " is not base64url: " + e.getMessage());
        }
    }
}
