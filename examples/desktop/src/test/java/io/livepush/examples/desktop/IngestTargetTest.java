package io.livepush.examples.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestTargetTest {
    private static final String KEY = "live_8842_a91f3c2d7e";

    @Test
    void theServerAndTheKeyMakeOneUrlThatIsOnlyEverShownRedacted() {
        IngestTarget t = IngestTarget.of(" rtmp://ingest.example.com/live ", KEY.toCharArray());
        assertEquals("rtmp://ingest.example.com/live/" + KEY, t.secretUrl());
        assertEquals("rtmp://ingest.example.com:1935/live/live****", t.redacted());
        assertEquals(t.redacted(), t.toString());
        assertEquals(KEY, t.rtmpUrl().streamKey());
    }

    @Test
    void aTrailingSlashOnTheServerIsNotDoubled() {
        assertEquals("rtmps://h/app/" + KEY, IngestTarget.of("rtmps://h/app/", KEY.toCharArray()).secretUrl());
    }

    @Test
    void aWholeUrlWithTheKeyInTheServerFieldIsAcceptedWhenTheKeyFieldIsEmpty() {
        IngestTarget t = IngestTarget.of("rtmp://h:1936/live/" + KEY, new char[0]);
        assertEquals(KEY, t.rtmpUrl().streamKey());
        assertEquals(1936, t.rtmpUrl().port());
        assertFalse(t.redacted().contains(KEY));
    }

    @Test
    void aKeyWithATokenQueryKeepsItAndHidesIt() {
        IngestTarget t = IngestTarget.of("rtmp://h/live", "abcd1234efgh?token=s3cr3t".toCharArray());
        assertEquals("abcd1234efgh?token=s3cr3t", t.rtmpUrl().streamKey());
        assertFalse(t.redacted().contains("s3cr3t"), t.redacted());
    }

    @ParameterizedTest(name = "server ''{0}'' key ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
        "''                      | " + KEY + " | The server URL is empty",
        "http://h/live           | " + KEY + " | must start with rtmp:// or rtmps://",
        "rtmp://h/live           | ''        | The stream key is empty",
        "rtmp://h                | ''        | The stream key is empty",
        "rtmp://h/live           | a b       | contains a space",
        "rtmp://h/live           | a/b       | contains a '/'",
        "rtmp://h:99999/live     | " + KEY + " | has port 99999",
    })
    void badFieldsAreRefusedSayingWhichFieldAndNeverEchoingTheKey(String server, String key, String words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IngestTarget.of(server, key.toCharArray()));
        assertTrue(e.getMessage().contains(words), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
    }

    @Test
    void twoTargetsAreEqualWhenTheyPublishToTheSameUrl() {
        assertEquals(IngestTarget.of("rtmp://H/live", KEY.toCharArray()),
                IngestTarget.of("rtmp://h:1935/live/" + KEY, null));
    }
}
