package io.livepush.publisher.rtmp.client;

import io.livepush.publisher.url.StreamKeys;

import java.util.Map;

/**
 * A status event from the server: the info object of {@code onStatus}, {@code _result} or {@code _error}
 * (Adobe RTMP 1.0, §7.2.1.1, §7.2.2): {@code level} ("status", "error", "warning"), {@code code} and
 * {@code description}. The description never holds the stream key in full: {@link #from} redacts it.
 *
 * @param code        the code as an enum ({@link OnStatusCode#UNKNOWN} for codes not in it)
 * @param rawCode     the code string as received ("" when absent)
 * @param level       the level as received ("" when absent)
 * @param description the description with the stream key redacted ("" when absent)
 */
public record RtmpStatus(OnStatusCode code, String rawCode, String level, String description) {

    /**
     * Reads an info object.
     *
     * @param infoObject the AMF0 object (a {@code Map}); anything else gives an empty status
     * @param streamKey  the stream key to redact from the description, or null
     * @return the status
     */
    public static RtmpStatus from(Object infoObject, String streamKey) {
        Map<?, ?> info = infoObject instanceof Map<?, ?> m ? m : Map.of();
        String rawCode = stringOf(info.get("code"));
        String description = redact(stringOf(info.get("description")), streamKey);
        return new RtmpStatus(OnStatusCode.of(rawCode), rawCode, stringOf(info.get("level")), description);
    }

    /**
     * @param text      text that may contain the stream key
     * @param streamKey the key (with or without a query), or null
     * @return the text with the key, and its part before any {@code ?}, replaced by the redacted form
     */
    static String redact(String text, String streamKey) {
        if (streamKey == null || streamKey.isEmpty() || text.isEmpty()) {
            return text;
        }
        String redacted = StreamKeys.redact(streamKey);
        String out = text.replace(streamKey, redacted);
        int q = streamKey.indexOf('?');
        if (q > 0) {
            out = out.replace(streamKey.substring(0, q), StreamKeys.redact(streamKey.substring(0, q)));
        }
        return out;
    }

    private static String stringOf(Object value) {
        return value == null ? "" : value.toString();
    }

    @Override
    public String toString() {
        return rawCode + (description.isEmpty() ? "" : " (" + description + ")");
    }
}
