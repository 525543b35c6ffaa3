package io.livepush.publisher.url;

import java.util.Locale;
import java.util.Objects;

/**
 * An RTMP or RTMPS ingest URL, {@code rtmp[s]://host[:port]/app[/instance]/streamKey[?query]}, split
 * into what the RTMP publish sequence needs (RTMP 1.0 section 7.2.1.1 {@code connect} and 7.2.2.6
 * {@code publish}): the {@code app} and {@code tcUrl} for {@code connect}, the stream key (publish
 * name) for {@code publish}.
 *
 * <ul>
 * <li>Scheme {@code rtmp} or {@code rtmps}, any case; {@link #tls()} is true for rtmps. Other schemes
 *     (rtmpt, rtmpe, http, srt...) are rejected.</li>
 * <li>Host: a name or IPv4 address, or an IPv6 literal in brackets ({@code [::1]}). No user info.</li>
 * <li>Port: 1..65535; default 1935 for rtmp, 443 for rtmps.</li>
 * <li>App: everything between the host and the last path segment, so {@code /live/inst/key} gives app
 *     {@code live/inst} and key {@code key}. Segments may not be empty.</li>
 * <li>Stream key: the last path segment <em>with its query</em> ({@code key?token=abc}): ingests that
 *     authenticate with a token expect it in the publish name. Everything after the first {@code ?}
 *     belongs to the key, even if it contains {@code /}.</li>
 * <li>Query on the app: some ingests put the token on the app instead
 *     ({@code rtmp://host/live?token=abc/key}). When the first {@code ?} comes before the last
 *     {@code /} and no {@code /} precedes it within the path, the query stays with the app
 *     ({@code live?token=abc}, and therefore in {@link #tcUrl()}), as FFmpeg and OBS do.</li>
 * </ul>
 *
 * <p>Nothing is percent-decoded: the app and key are sent as written. Spaces and control characters
 * are rejected anywhere. {@link #toString()} and {@link #redacted()} show the key only through
 * {@link StreamKeys#redact}, and so does every exception message, which also says what was expected.
 * Immutable and thread-safe.
 */
public final class RtmpUrl {
    /** The port used by {@code rtmp://} URLs without one. */
    public static final int DEFAULT_RTMP_PORT = 1935;
    /** The port used by {@code rtmps://} URLs without one. */
    public static final int DEFAULT_RTMPS_PORT = 443;
    private static final String EXPECTED = "expected rtmp[s]://host[:port]/app[/instance]/streamKey[?query]";

    private final boolean tls;
    private final String host;
    private final int port;
    private final String app;
    private final String streamKey;

    private RtmpUrl(boolean tls, String host, int port, String app, String streamKey) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.app = app;
        this.streamKey = streamKey;
    }

    /**
     * Parses and validates a URL.
     *
     * @param url e.g. {@code rtmp://live.example.com/live/abcd-1234?token=xyz}
     * @return the parsed URL
     * @throws IllegalArgumentException saying what is wrong and the expected form; the message never
     *     holds the stream key (or anything after the host's last path segment) in full
     */
    public static RtmpUrl parse(String url) {
        if (url == null || url.isEmpty()) {
            throw new IllegalArgumentException("RTMP URL is " + (url == null ? "null" : "empty") + " (" + EXPECTED + ")");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                throw fail(url, (c == ' ' ? "contains a space" : String.format("contains control character U+%04X", (int) c))
                        + " at index " + i + " (spaces and control characters are not allowed; " + EXPECTED + ")");
            }
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            throw fail(url, "has no scheme (" + EXPECTED + ")");
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        boolean tls;
        if (scheme.equals("rtmp")) {
            tls = false;
        } else if (scheme.equals("rtmps")) {
            tls = true;
        } else {
            throw fail(url, "has scheme '" + printable(url.substring(0, schemeEnd)) + "' (expected rtmp or rtmps)");
        }
        int authorityStart = schemeEnd + 3;
        int pathStart = indexOfAny(url, authorityStart, '/', '?');
        String authority = url.substring(authorityStart, pathStart < 0 ? url.length() : pathStart);
        if (authority.indexOf('@') >= 0) {
            throw fail(url, "has user info before the host (not supported; " + EXPECTED + ")");
        }
        int[] portOut = {tls ? DEFAULT_RTMPS_PORT : DEFAULT_RTMP_PORT};
        String host = parseHost(url, authority, portOut);
        if (pathStart < 0 || url.charAt(pathStart) != '/' || pathStart == url.length() - 1) {
            throw fail(url, "has no app and stream key after the host (" + EXPECTED + ")");
        }
        String path = url.substring(pathStart + 1);
        int query = path.indexOf('?');
        String head = query < 0 ? path : path.substring(0, query);
        int split = head.lastIndexOf('/');
        if (split < 0 && query >= 0 && path.lastIndexOf('/') > query) {
            split = path.lastIndexOf('/'); // the query belongs to the app: live?token=abc/key
        }
        if (split < 0) {
            throw fail(url, "has one path segment, so either the app or the stream key is missing (" + EXPECTED + ")");
        }
        String app = path.substring(0, split);
        String key = path.substring(split + 1);
        if (app.isEmpty() || app.startsWith("/") || app.endsWith("/") || app.contains("//")) {
            throw fail(url, "has an empty app or an empty segment in the app (" + EXPECTED + ")");
        }
        if (key.isEmpty() || key.startsWith("?")) {
            throw fail(url, "has no stream key after the app (" + EXPECTED + ")");
        }
        return new RtmpUrl(tls, host, portOut[0], app, key);
    }

    private static String parseHost(String url, String authority, int[] portOut) {
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw fail(url, "has an IPv6 host without the closing ']' (expected e.g. rtmp://[::1]:1935/app/key)");
            }
            host = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw fail(url, "has '" + printable(rest) + "' after the IPv6 host (expected ':port' or '/')");
                }
                portText = rest.substring(1);
            }
            if (host.indexOf(':') < 0 || !host.chars().allMatch(c -> isHex(c) || c == ':' || c == '.' || c == '%')) {
                throw fail(url, "has IPv6 host '[" + printable(host) + "]' (expected hex digits, ':' and '.')");
            }
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
            for (int i = 0; i < host.length(); i++) {
                char c = host.charAt(i);
                if (!(c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_'))) {
                    throw fail(url, "has invalid character '" + printable(String.valueOf(c)) + "' in host '"
                            + printable(host) + "' (expected letters, digits, '-', '.', or an IPv6 address in brackets)");
                }
            }
        }
        if (host.isEmpty()) {
            throw fail(url, "has an empty host (" + EXPECTED + ")");
        }
        if (portText != null) {
            if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(c -> c >= '0' && c <= '9')) {
                String shown = portText.length() <= 6 ? "'" + printable(portText) + "'" : "of " + portText.length() + " characters";
                throw fail(url, "has port " + shown + " (expected a number 1..65535)");
            }
            int port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                throw fail(url, "has port " + port + " (expected 1..65535)");
            }
            portOut[0] = port;
        }
        return host;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int indexOfAny(String s, int from, char a, char b) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    private static IllegalArgumentException fail(String url, String reason) {
        return new IllegalArgumentException("RTMP URL '" + safeEcho(url) + "' " + reason);
    }

    /**
     * The input as it may appear in a message: user info masked, and the last path segment with
     * everything after it (or, without a path, everything after the scheme) through
     * {@link StreamKeys#redact}; control characters escaped.
     */
    static String safeEcho(String url) {
        int schemeEnd = url.indexOf("://");
        int authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int pathStart = indexOfAny(url, authorityStart, '/', '?');
        if (schemeEnd < 0 && pathStart < 0) {
            return printable(StreamKeys.redact(url)); // no structure at all: it may be a bare key
        }
        String prefix = url.substring(0, authorityStart);
        String authority = url.substring(authorityStart, pathStart < 0 ? url.length() : pathStart);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = StreamKeys.MASK + authority.substring(at);
        }
        int colon = authority.lastIndexOf(':');
        if (pathStart < 0 && colon >= 0 && authority.indexOf(']', colon) < 0) {
            // no path: a key typed where the port goes ("rtmp://host:key") must not show
            authority = authority.substring(0, colon + 1) + StreamKeys.redact(authority.substring(colon + 1));
        }
        String echo = prefix + authority;
        if (pathStart >= 0) {
            String path = url.substring(pathStart);
            int query = path.indexOf('?');
            int lastSlash = (query < 0 ? path : path.substring(0, query)).lastIndexOf('/');
            int secretStart = Math.max(lastSlash + 1, 0);
            echo += path.substring(0, secretStart) + StreamKeys.redact(path.substring(secretStart));
        }
        return printable(echo);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** @return true for {@code rtmps}: the connection runs over TLS */
    public boolean tls() {
        return tls;
    }

    /** @return the host name or address; an IPv6 literal without brackets */
    public String host() {
        return host;
    }

    /** @return the TCP port, explicit or the scheme's default */
    public int port() {
        return port;
    }

    /** @return the app for {@code connect}, e.g. {@code live} or {@code live/inst}, possibly with a query */
    public String app() {
        return app;
    }

    /** @return the stream key (publish name) with its query; a secret: log only {@link StreamKeys#redact} of it */
    public String streamKey() {
        return streamKey;
    }

    /** @return the {@code tcUrl} for {@code connect}: the URL without the stream key, port always written */
    public String tcUrl() {
        return (tls ? "rtmps" : "rtmp") + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port
                + "/" + app;
    }

    /** @return the URL with the stream key redacted, e.g. {@code rtmp://host:1935/live/abcd****} */
    public String redacted() {
        return tcUrl() + "/" + StreamKeys.redact(streamKey);
    }

    /** @return {@link #redacted()}: safe to log */
    @Override
    public String toString() {
        return redacted();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtmpUrl u && u.tls == tls && u.port == port && u.host.equalsIgnoreCase(host)
                && u.app.equals(app) && u.streamKey.equals(streamKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tls, host.toLowerCase(Locale.ROOT), port, app, streamKey);
    }
}
