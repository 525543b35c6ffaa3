package io.livepush.publisher.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Valid RTMP/RTMPS URLs split into what connect and publish need. */
class RtmpUrlTest {

    static Stream<Arguments> validUrls() {
        return Stream.of(
                // url, tls, host, port, app, key, tcUrl
                Arguments.of("rtmp://127.0.0.1/live/stream1", false, "127.0.0.1", 1935, "live", "stream1",
                        "rtmp://127.0.0.1:1935/live"),
                Arguments.of("rtmps://ingest.example.com/app/key", true, "ingest.example.com", 443, "app", "key",
                        "rtmps://ingest.example.com:443/app"),
                Arguments.of("RTMP://Host.Example.com:1936/live/k", false, "Host.Example.com", 1936, "live", "k",
                        "rtmp://Host.Example.com:1936/live"),
                Arguments.of("RtMpS://h:8443/live/k", true, "h", 8443, "live", "k", "rtmps://h:8443/live"),
                Arguments.of("rtmp://h/live/inst/key", false, "h", 1935, "live/inst", "key", "rtmp://h:1935/live/inst"),
                Arguments.of("rtmp://h/a/b/c/key", false, "h", 1935, "a/b/c", "key", "rtmp://h:1935/a/b/c"),
                Arguments.of("rtmp://h/live/key?token=abc", false, "h", 1935, "live", "key?token=abc",
                        "rtmp://h:1935/live"),
                Arguments.of("rtmp://h/live/key?next=a/b", false, "h", 1935, "live", "key?next=a/b",
                        "rtmp://h:1935/live"),
                Arguments.of("rtmp://h/live?token=abc/key", false, "h", 1935, "live?token=abc", "key",
                        "rtmp://h:1935/live?token=abc"),
                Arguments.of("rtmp://[::1]/live/key", false, "::1", 1935, "live", "key", "rtmp://[::1]:1935/live"),
                Arguments.of("rtmps://[2001:db8::7]:4443/live/key", true, "2001:db8::7", 4443, "live", "key",
                        "rtmps://[2001:db8::7]:4443/live"),
                Arguments.of("rtmp://h:1/live/key", false, "h", 1, "live", "key", "rtmp://h:1/live"),
                Arguments.of("rtmp://h:65535/live/key", false, "h", 65535, "live", "key", "rtmp://h:65535/live"),
                Arguments.of("rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl-mnop-qrst", false, "a.rtmp.youtube.com",
                        1935, "live2", "abcd-efgh-ijkl-mnop-qrst", "rtmp://a.rtmp.youtube.com:1935/live2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validUrls")
    void parsesTheParts(String url, boolean tls, String host, int port, String app, String key, String tcUrl) {
        RtmpUrl u = RtmpUrl.parse(url);
        assertEquals(tls, u.tls(), "tls");
        assertEquals(host, u.host(), "host");
        assertEquals(port, u.port(), "port");
        assertEquals(app, u.app(), "app");
        assertEquals(key, u.streamKey(), "streamKey");
        assertEquals(tcUrl, u.tcUrl(), "tcUrl");
        assertEquals(tcUrl + "/" + StreamKeys.redact(key), u.redacted());
        assertEquals(u.redacted(), u.toString());
    }

    @Test
    void toStringAndRedactedNeverShowTheKey() {
        RtmpUrl u = RtmpUrl.parse("rtmp://h/live/live_123456789_abcdefSECRET?token=t0ps3cr3t");
        assertEquals("rtmp://h:1935/live/live****", u.toString());
        assertFalse(u.redacted().contains("SECRET"));
        assertFalse(u.toString().contains("t0ps3cr3t"));
    }

    @Test
    void equalUrlsAreEqualRegardlessOfSchemeAndHostCaseOrDefaultPort() {
        assertEquals(RtmpUrl.parse("rtmp://h/live/k"), RtmpUrl.parse("RTMP://H:1935/live/k"));
        assertEquals(RtmpUrl.parse("rtmp://h/live/k").hashCode(), RtmpUrl.parse("RTMP://H:1935/live/k").hashCode());
        assertNotEquals(RtmpUrl.parse("rtmp://h/live/k"), RtmpUrl.parse("rtmp://h/live/K"));
        assertNotEquals(RtmpUrl.parse("rtmp://h:443/live/k"), RtmpUrl.parse("rtmps://h/live/k"));
    }
}
