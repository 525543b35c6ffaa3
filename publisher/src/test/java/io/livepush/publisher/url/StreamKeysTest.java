package io.livepush.publisher.url;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stream-key redaction rule. */
class StreamKeysTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "live_123456789_abcdef | live****",   // long key: first 4 kept
        "abcd-efgh-ijkl-mnop   | abcd****",
        "key?token=abcdefgh    | key?****",   // the query is part of the secret rest
        "123456789012          | 1234****",   // 12 characters: the shortest key that keeps a prefix
        "12345678901           | ****",       // 11 characters: fully masked
        "abc                   | ****",
        "''                    | ****",
        "NULL                  | null",
    })
    void keepsAtMostFourCharactersAndNeverTheLength(String key, String expected) {
        assertEquals(expected, StreamKeys.redact(key));
    }

    @org.junit.jupiter.api.Test
    void doesNotSplitASurrogatePair() {
        assertEquals("abc****", StreamKeys.redact("abc\uD83D\uDE00defghijklmn"));
    }
}
