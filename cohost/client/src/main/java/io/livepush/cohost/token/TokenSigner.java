package io.livepush.cohost.token;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs co-host tokens: {@code base64url(claims JSON) + "." + base64url(HMAC-SHA256(secret, first part))},
 * base64url without padding (RFC 4648 §5). The application's backend signs; the signaling server
 * verifies with the same secret through {@link TokenVerifier}. Thread-safe.
 */
public final class TokenSigner {
    /** Shortest secret accepted: the HMAC-SHA256 output size (RFC 2104 §3). */
    public static final int MIN_SECRET_BYTES = 32;

    static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * @param secret the shared secret, at least {@value #MIN_SECRET_BYTES} bytes; copied
     * @throws IllegalArgumentException when the secret is shorter
     */
    public TokenSigner(byte[] secret) {
        this.key = key(secret);
    }

    /**
     * @param token the claims to sign
     * @return the token string to hand to the client
     */
    public String sign(CohostToken token) {
        Objects.requireNonNull(token, "token");
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(TokenClaims.write(token));
        return claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(key, claims));
    }

    static SecretKeySpec key(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "secret is " + secret.length + " bytes (expected at least " + MIN_SECRET_BYTES + ")");
        }
        return new SecretKeySpec(Arrays.copyOf(secret, secret.length), ALGORITHM);
    }

    static byte[] mac(SecretKeySpec key, String signedPart) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signedPart.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}
