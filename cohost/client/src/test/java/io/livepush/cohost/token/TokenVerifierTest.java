package io.livepush.cohost.token;

import static io.livepush.cohost.token.TokenSignerTest.ALICE;
import static io.livepush.cohost.token.TokenSignerTest.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.token.CohostAuthException.AuthFailure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerifierTest {
    private static final Clock BEFORE_EXPIRY = Clock.fixed(Instant.ofEpochMilli(1_699_999_999_999L), ZoneOffset.UTC);
    private final TokenVerifier verifier = new TokenVerifier(SECRET, BEFORE_EXPIRY);
    private final String token = new TokenSigner(SECRET).sign(ALICE);

    @Test
    void acceptsWhatTheSignerSignedAndReturnsTheSameClaims() throws Exception {
        assertEquals(ALICE, verifier.verify(token));
    }

    @Test
    void aTokenSignedWithAnotherSecretIsForged() {
        String other = new TokenSigner(TokenSignerTest.secret(1)).sign(ALICE);
        assertFailure(AuthFailure.FORGED, CohostErrorCode.FORGED_TOKEN, other);
    }

    @Test
    void claimsAlteredAfterSigningAreForged() {
        String[] parts = token.split("\\.");
        String guestClaims = b64("{\"sub\":\"alice\",\"role\":\"GUEST\",\"room\":\"room-1\",\"exp\":1700000000000}");
        assertFailure(AuthFailure.FORGED, CohostErrorCode.FORGED_TOKEN, guestClaims + "." + parts[1]);
        // one flipped signature bit
        byte[] sig = Base64.getUrlDecoder().decode(parts[1]);
        sig[31] ^= 1;
        assertFailure(AuthFailure.FORGED, CohostErrorCode.FORGED_TOKEN,
                parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig));
    }

    @Test
    void aTokenIsRefusedFromTheMillisecondItExpires() throws Exception {
        Clock atExpiry = Clock.fixed(ALICE.expiresAt(), ZoneOffset.UTC);
        CohostAuthException e = assertThrows(CohostAuthException.class,
                () -> new TokenVerifier(SECRET, atExpiry).verify(token));
        assertEquals(AuthFailure.EXPIRED, e.reason());
        assertEquals(CohostErrorCode.TOKEN_EXPIRED, e.code());
        assertEquals(ALICE, verifier.verify(token));
    }

    @Test
    void theSignatureIsCheckedBeforeTheExpirySoAForgedExpiredTokenIsForged() {
        Clock late = Clock.fixed(Instant.ofEpochMilli(1_800_000_000_000L), ZoneOffset.UTC);
        String other = new TokenSigner(TokenSignerTest.secret(7)).sign(ALICE);
        CohostAuthException e = assertThrows(CohostAuthException.class, () -> new TokenVerifier(SECRET, late).verify(other));
        assertEquals(AuthFailure.FORGED, e.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "a.b.c", "a.", ".b", "eyJ9.####", "eyJ9=.AAAA", "e30.AAAA"})
    void tokensOfTheWrongShapeAreMalformed(String bad) {
        assertFailure(AuthFailure.MALFORMED, CohostErrorCode.UNAUTHORIZED, bad);
    }

    @Test
    void aNullOrOverlongTokenIsMalformed() {
        assertFailure(AuthFailure.MALFORMED, CohostErrorCode.UNAUTHORIZED, null);
        CohostAuthException e = assertThrows(CohostAuthException.class, () -> verifier.verify("a".repeat(2049)));
        assertEquals("token is 2049 characters (expected at most 2048)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "{\"sub\":\"alice\",\"role\":\"HOST\",\"room\":\"r\"}",
        "{\"sub\":\"alice\",\"role\":\"OWNER\",\"room\":\"r\",\"exp\":1800000000000}",
        "{\"sub\":\"alice\",\"role\":\"HOST\",\"room\":\"r\",\"exp\":\"soon\"}",
        "{\"sub\":\"alice\",\"role\":\"HOST\",\"room\":\"r\",\"exp\":1800000000000,\"admin\":true}",
        "{\"sub\":\"\",\"role\":\"HOST\",\"room\":\"r\",\"exp\":1800000000000}",
        "{\"sub\":\"alice\",\"role\":\"HOST\",\"room\":\"r\",\"exp\":1800000000000} {}",
        "not json"})
    void correctlySignedClaimsThatAreNotTheExpectedJsonAreMalformed(String claims) throws Exception {
        String first = b64(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        String signed = first + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(first.getBytes(StandardCharsets.US_ASCII)));
        assertFailure(AuthFailure.MALFORMED, CohostErrorCode.UNAUTHORIZED, signed);
    }

    @Test
    void errorMessagesNeverContainTheToken() {
        String other = new TokenSigner(TokenSignerTest.secret(1)).sign(ALICE);
        CohostAuthException e = assertThrows(CohostAuthException.class, () -> verifier.verify(other));
        assertFalse(e.getMessage().contains(other.substring(0, 20)), e.getMessage());
    }

    private void assertFailure(AuthFailure reason, CohostErrorCode code, String token) {
        CohostAuthException e = assertThrows(CohostAuthException.class, () -> verifier.verify(token));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(code, e.code());
        assertEquals(reason, AuthFailure.of(code));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
