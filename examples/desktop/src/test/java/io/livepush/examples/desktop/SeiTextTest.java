package io.livepush.examples.desktop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SeiTextTest {
    @Test
    void textBecomesItsUtf8BytesWithoutSurroundingBlanks() {
        assertArrayEquals("coupon:42 \u7ea2\u5305".getBytes(StandardCharsets.UTF_8), SeiText.encode("  coupon:42 \u7ea2\u5305\n"));
    }

    @Test
    void exactly255BytesIsAllowedAndCountsUtf8BytesNotCharacters() {
        assertEquals(255, SeiText.encode("a".repeat(255)).length);
        assertEquals(255, SeiText.encode("\u7ea2".repeat(85)).length); // 3 bytes each
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeiText.encode("\u7ea2".repeat(86)));
        assertEquals("The event text is 258 bytes in UTF-8 (at most 255; shorten it by 3).", e.getMessage());
    }

    @Test
    void emptyOrBlankTextIsRefused() {
        for (String t : new String[] {null, "", "   \t"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SeiText.encode(t));
            assertEquals("The event text is empty (type 1..255 bytes of text).", e.getMessage());
        }
    }
}
