package io.livepush.cohost.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenSignerTest {
    static final byte[] SECRET = secret(0);
    static final CohostToken ALICE = new CohostToken("alice", CohostToken.Role.HOST, "room-1",
            Instant.ofEpochMilli(1_700_000_000_000L));

    static byte[] secret(int first) {
        byte[] s = new byte[32];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) (first + i);
        }
        return s;
    }

    @Test
    void signsTheReferenceVectorByteForByte() {
        // Expected value computed independently with Python's hmac/base64 modules:
        // secret = bytes 0x00..0x1f, claims = {"sub":"alice","role":"HOST","room":"room-1","exp":1700000000000}
        assertEquals("eyJzdWIiOiJhbGljZSIsInJvbGUiOiJIT1NUIiwicm9vbSI6InJvb20tMSIsImV4cCI6MTcwMDAwMDAwMDAwMH0"
                        + ".T-ttnTHLr3HRPdZpQHViLRHoQahHTnS9qBy_gyB3vvw",
                new TokenSigner(SECRET).sign(ALICE));
    }

    @Test
    void firstPartIsUnpaddedBase64UrlOfTheClaimsJson() {
        String token = new TokenSigner(SECRET).sign(ALICE);
        String[] parts = token.split("\\.");
        assertEquals(2, parts.length);
        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}"), token);
        assertEquals("{\"sub\":\"alice\",\"role\":\"HOST\",\"room\":\"room-1\",\"exp\":1700000000000}",
                new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        assertEquals(32, Base64.getUrlDecoder().decode(parts[1]).length);
    }

    @Test
    void nonAsciiIdsAreWrittenAsUtf8Json() {
        CohostToken t = new CohostToken("zoë \"q\"", CohostToken.Role.GUEST, "直播", Instant.ofEpochMilli(5));
        String claims = new String(Base64.getUrlDecoder().decode(new TokenSigner(SECRET).sign(t).split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertEquals("{\"sub\":\"zoë \\\"q\\\"\",\"role\":\"GUEST\",\"room\":\"直播\",\"exp\":5}", claims);
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TokenSigner(new byte[31]));
        assertEquals("secret is 31 bytes (expected at least 32)", e.getMessage());
    }

    @Test
    void copiesTheSecretSoLaterChangesDoNotAlterSignatures() {
        byte[] s = secret(0);
        TokenSigner signer = new TokenSigner(s);
        String before = signer.sign(ALICE);
        s[0] = 99;
        assertEquals(before, signer.sign(ALICE));
    }

    @Test
    void tokenClaimsAreValidated() {
        Instant t = Instant.EPOCH;
        assertThrows(IllegalArgumentException.class, () -> new CohostToken("", CohostToken.Role.HOST, "r", t));
        assertThrows(IllegalArgumentException.class, () -> new CohostToken("a".repeat(129), CohostToken.Role.HOST, "r", t));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CohostToken("a\nb", CohostToken.Role.HOST, "r", t));
        assertEquals("userId contains control character U+000A at index 1 (expected printable characters)", e.getMessage());
        assertThrows(NullPointerException.class, () -> new CohostToken("a", null, "r", t));
        assertArrayEquals(new CohostToken.Role[] {CohostToken.Role.HOST, CohostToken.Role.GUEST}, CohostToken.Role.values());
    }
}
