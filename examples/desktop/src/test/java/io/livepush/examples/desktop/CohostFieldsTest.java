package io.livepush.examples.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CohostFieldsTest {
    @Test
    void aWebSocketAddressIsAccepted() {
        assertEquals(URI.create("wss://mix.example.com:8443/cohost"), CohostFields.serverUri(" wss://mix.example.com:8443/cohost "));
        assertEquals("ws", CohostFields.serverUri("WS://127.0.0.1:1/cohost").getScheme().toLowerCase());
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                 | is empty",
        "http://h/cohost    | must start with ws:// or wss://",
        "ws:///cohost       | names no host",
        "ws://h h/cohost    | is not a valid address",
    })
    void badServerAddressesAreRefusedWithWhatIsExpected(String text, String words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CohostFields.serverUri(text));
        assertTrue(e.getMessage().contains(words) && e.getMessage().contains("expected ws://HOST:PORT/cohost"),
                e.getMessage());
    }

    @Test
    void aTokenIsOneWordAndIsNeverEchoed() {
        assertEquals("eyJ.abc.def", CohostFields.token("  eyJ.abc.def\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CohostFields.token("eyJ.secret part"));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CohostFields.token(" "));
    }

    @Test
    void userIdsAreOneToOneHundredTwentyEightPlainCharacters() {
        assertEquals("bob", CohostFields.userId(" bob "));
        assertEquals(128, CohostFields.userId("u".repeat(128)).length());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CohostFields.userId("u".repeat(129)))
                .getMessage().contains("129 characters long (at most 128)"));
        assertThrows(IllegalArgumentException.class, () -> CohostFields.userId(""));
        assertThrows(IllegalArgumentException.class, () -> CohostFields.userId("bo\u0007b"));
    }
}
