package io.livepush.examples.cohost;

import io.livepush.cohost.token.CohostToken;
import io.livepush.cohost.token.TokenSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The demo's tokens. In a real show the application's backend keeps the secret and hands each
 * signed-in user a token for the room; here every process reads the same secret file and signs its
 * own token, so the three processes need nothing else to agree on.
 */
final class DemoTokens {
    /** The one room of the demo. */
    static final String ROOM = "demo-room";
    /** How long a demo token is valid. */
    static final Duration LIFETIME = Duration.ofHours(12);

    private DemoTokens() {
    }

    /**
     * Reads the shared secret.
     *
     * @param file a file of at least {@value TokenSigner#MIN_SECRET_BYTES} bytes
     * @throws IllegalArgumentException when the file is missing or too short
     */
    static byte[] readSecret(Path file) throws IOException {
        byte[] secret;
        try {
            secret = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("secret file " + file + " does not exist (expected a file of at least "
                    + TokenSigner.MIN_SECRET_BYTES + " bytes, e.g. made by: head -c 32 /dev/urandom > " + file + ")");
        }
        if (secret.length < TokenSigner.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("secret file " + file + " holds " + secret.length
                    + " bytes (expected at least " + TokenSigner.MIN_SECRET_BYTES + ")");
        }
        return secret;
    }

    /** @return a token for {@code userId} in {@link #ROOM}, valid for {@link #LIFETIME} */
    static String sign(byte[] secret, String userId, CohostToken.Role role) {
        return new TokenSigner(secret).sign(new CohostToken(userId, role, ROOM, Instant.now().plus(LIFETIME)));
    }
}
