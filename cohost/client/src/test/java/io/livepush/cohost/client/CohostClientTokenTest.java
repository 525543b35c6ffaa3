package io.livepush.cohost.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livepush.cohost.token.TokenVerifier;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * {@link CohostClient#connect} refuses a token the server's verifier could never take at the call,
 * on the caller's thread, before any connection is opened, and never quotes the token.
 */
class CohostClientTokenTest {
    /** Nothing listens there: a token that passed the check would fail later, on the network thread. */
    private static final URI SERVER = URI.create("ws://127.0.0.1:9/cohost");
    private static final CohostListener LISTENER = new CohostListener() { };

    @Test
    void anEmptyTokenIsRefusedAtTheCallWithItsLengthAndTheAllowedRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CohostClient.connect(SERVER, "", LISTENER));
        assertEquals("token is 0 characters (expected 1 .. 2048, as the server's verifier takes)", e.getMessage());
    }

    @Test
    void aTokenOneCharacterOverTheVerifiersLimitIsRefusedWithoutQuotingIt() {
        String token = "secretClaims".repeat(200).substring(0, TokenVerifier.MAX_TOKEN_LENGTH) + "Z";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CohostClient.connect(SERVER, token, LISTENER, null));
        assertEquals("token is 2049 characters (expected 1 .. 2048, as the server's verifier takes)", e.getMessage());
        assertFalse(e.getMessage().contains("secretClaims"), "the token itself never appears in the message");
    }
}
