package io.livepush.examples.cohost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.cohost.token.CohostAuthException;
import io.livepush.cohost.token.CohostToken;
import io.livepush.cohost.token.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTokensTest {
    private static final byte[] SECRET = "example-secret-0123456789abcdef-0123".getBytes(StandardCharsets.UTF_8);

    @Test
    void aTokenSignedFromTheSecretFileIsAcceptedByAVerifierWithTheSameSecretForTheDemoRoom(@TempDir Path dir)
            throws Exception {
        Path file = Files.write(dir.resolve("secret"), SECRET);
        byte[] secret = DemoTokens.readSecret(file);
        assertArrayEquals(SECRET, secret);
        CohostToken t = new TokenVerifier(SECRET, Clock.systemUTC())
                .verify(DemoTokens.sign(secret, "guest", CohostToken.Role.GUEST));
        assertEquals("guest", t.userId());
        assertEquals(CohostToken.Role.GUEST, t.role());
        assertEquals(DemoTokens.ROOM, t.roomId());
        Duration left = Duration.between(Instant.now(), t.expiresAt());
        assertTrue(left.compareTo(DemoTokens.LIFETIME.minusMinutes(1)) > 0 && left.compareTo(DemoTokens.LIFETIME) <= 0,
                "expires in " + left);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefusedAsForged() {
        String token = DemoTokens.sign("another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8), "host",
                CohostToken.Role.HOST);
        CohostAuthException e = assertThrows(CohostAuthException.class,
                () -> new TokenVerifier(SECRET, Clock.systemUTC()).verify(token));
        assertEquals(CohostAuthException.AuthFailure.FORGED, e.reason());
    }

    @Test
    void aMissingSecretFileIsRefusedWithHowToMakeOne(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemoTokens.readSecret(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains("head -c 32 /dev/urandom"),
                e.getMessage());
    }

    @Test
    void aSecretShorterThan32BytesIsRefusedNamingItsLength(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("short"), new byte[31]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemoTokens.readSecret(file));
        assertTrue(e.getMessage().contains("holds 31 bytes (expected at least 32)"), e.getMessage());
    }
}
