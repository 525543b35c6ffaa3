package io.livepush.examples.desktop;

import io.livepush.publisher.url.RtmpUrl;
import java.util.Objects;

/**
 * Where to go live, from the two fields of the window: the server URL ({@code rtmp[s]://host[:port]/app})
 * and the stream key, typed into a password field so it never shows. The key may also be left empty when
 * the server field holds the whole URL with the key (as some platforms hand it out); it is then treated
 * the same way. {@link #redacted()} is the only form ever shown or logged.
 */
public final class IngestTarget {
    private static final String EXPECTED_SERVER = "expected rtmp[s]://host[:port]/app, e.g. rtmp://live.example.com/live";

    private final String url;
    private final RtmpUrl parsed;

    private IngestTarget(String url, RtmpUrl parsed) {
        this.url = url;
        this.parsed = parsed;
    }

    /**
     * @param server the server URL field
     * @param key the stream key field (its characters are not kept beyond the URL built from them)
     * @return the target
     * @throws IllegalArgumentException saying which field is wrong and what is expected; never holding the key
     */
    public static IngestTarget of(String server, char[] key) {
        String s = server == null ? "" : server.strip();
        String k = key == null ? "" : new String(key).strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("The server URL is empty (" + EXPECTED_SERVER + ").");
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("rtmp://") && !lower.startsWith("rtmps://")) {
            throw new IllegalArgumentException("The server URL must start with rtmp:// or rtmps:// ("
                    + EXPECTED_SERVER + ").");
        }
        String full;
        if (k.isEmpty()) {
            int pathSlashes = (int) s.substring(s.indexOf("://") + 3).chars().filter(c -> c == '/').count();
            if (pathSlashes < 2) {
                throw new IllegalArgumentException("The stream key is empty: paste it into the Stream key field"
                        + " (it stays hidden).");
            }
            full = s;
        } else {
            for (int i = 0; i < k.length(); i++) {
                char c = k.charAt(i);
                if (c <= 0x20 || c == 0x7F || c == '/') {
                    throw new IllegalArgumentException("The stream key contains " + (c == '/' ? "a '/'" : c == ' '
                            ? "a space" : "a control character") + " (a key is one word; copy it again from your"
                            + " platform).");
                }
            }
            full = (s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + "/" + k;
        }
        RtmpUrl parsed = RtmpUrl.parse(full); // its messages redact the key
        return new IngestTarget(full, parsed);
    }

    /** @return the URL to publish to, key included: hand it to the SDK only, never show it */
    String secretUrl() {
        return url;
    }

    /** @return the parsed URL */
    public RtmpUrl rtmpUrl() {
        return parsed;
    }

    /** @return the URL with the key redacted, e.g. {@code rtmp://host:1935/live/abcd****}: safe to show */
    public String redacted() {
        return parsed.redacted();
    }

    /** @return {@link #redacted()} */
    @Override
    public String toString() {
        return redacted();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IngestTarget t && t.parsed.equals(parsed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parsed);
    }
}
