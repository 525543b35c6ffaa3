package io.livepush.publisher.url;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed URLs: a specific reason, the expected form, and never the stream key in full. */
class RtmpUrlInvalidTest {
    /** Stands for a real stream key in every case below. */
    private static final String KEY = "sk_live_7f3a9c2e41d8b6";

    static Stream<Arguments> invalidUrls() {
        return Stream.of(
                // url, what the message must say
                Arguments.of("h/live/" + KEY, "has no scheme"),
                Arguments.of(KEY, "has no scheme"),
                Arguments.of("://h/live/" + KEY, "has no scheme"),
                Arguments.of("http://h/live/" + KEY, "has scheme 'http' (expected rtmp or rtmps)"),
                Arguments.of("srt://h:9000/live/" + KEY, "has scheme 'srt' (expected rtmp or rtmps)"),
                Arguments.of("rtmpt://h/live/" + KEY, "has scheme 'rtmpt'"),
                Arguments.of("rtmp:///live/" + KEY, "has an empty host"),
                Arguments.of("rtmp://:1935/live/" + KEY, "has an empty host"),
                Arguments.of("rtmp://h:0/live/" + KEY, "has port 0 (expected 1..65535)"),
                Arguments.of("rtmp://h:70000/live/" + KEY, "has port 70000 (expected 1..65535)"),
                Arguments.of("rtmp://h:abc/live/" + KEY, "has port 'abc' (expected a number 1..65535)"),
                Arguments.of("rtmp://h:/live/" + KEY, "has port '' (expected a number 1..65535)"),
                Arguments.of("rtmp://h:-1/live/" + KEY, "has port '-1'"),
                Arguments.of("rtmp://h:" + KEY, "has port of 22 characters"),
                Arguments.of("rtmp://h/" + KEY, "either the app or the stream key is missing"),
                Arguments.of("rtmp://h//" + KEY, "has an empty app"),
                Arguments.of("rtmp://h/live//" + KEY, "empty segment in the app"),
                Arguments.of("rtmp://h/live/", "has no stream key after the app"),
                Arguments.of("rtmp://h/live/?token=" + KEY, "has no stream key after the app"),
                Arguments.of("rtmp://h", "has no app and stream key"),
                Arguments.of("rtmp://h/", "has no app and stream key"),
                Arguments.of("rtmp://h?x=" + KEY, "has no app and stream key"),
                Arguments.of("rtmp://h/live/" + KEY + " ", "contains a space at index"),
                Arguments.of("rtmp://h/live/my " + KEY, "contains a space"),
                Arguments.of("rtmp://h/live/" + KEY + "\n", "contains control character U+000A"),
                Arguments.of("rtmp://h/live/\t" + KEY, "contains control character U+0009"),
                Arguments.of("rtmp://user:" + KEY + "@h/live/x", "has user info"),
                Arguments.of("rtmp://[::1/live/" + KEY, "without the closing ']'"),
                Arguments.of("rtmp://[::1]x/live/" + KEY, "after the IPv6 host"),
                Arguments.of("rtmp://[zz]/live/" + KEY, "has IPv6 host '[zz]'"),
                Arguments.of("rtmp://h$t/live/" + KEY, "has invalid character '$' in host"),
                Arguments.of("rtmp://h/live?token=" + KEY, "either the app or the stream key is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUrls")
    void rejectsWithTheReasonAndWithoutLeakingTheKey(String url, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RtmpUrl.parse(url));
        String message = e.getMessage();
        assertTrue(message.contains(reason), message);
        assertFalse(message.contains(KEY), "the full key leaked: " + message);
        assertFalse(message.contains(KEY.substring(4)), "most of the key leaked: " + message);
        assertTrue(message.startsWith("RTMP URL '"), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUrls")
    void messagesHaveNoRawControlCharacters(String url, String reason) {
        String message = assertThrows(IllegalArgumentException.class, () -> RtmpUrl.parse(url)).getMessage();
        assertTrue(message.chars().noneMatch(c -> c < 0x20), message);
    }

    @org.junit.jupiter.api.Test
    void nullAndEmptyAreRejectedWithTheExpectedForm() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RtmpUrl.parse(null)).getMessage()
                .contains("is null (expected rtmp[s]://host[:port]/app[/instance]/streamKey[?query])"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RtmpUrl.parse("")).getMessage().contains("empty"));
    }
}
