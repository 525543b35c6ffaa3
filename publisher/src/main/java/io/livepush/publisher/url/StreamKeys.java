package io.livepush.publisher.url;

/**
 * Redaction of RTMP stream keys, which are secrets: anyone holding one can publish to the channel.
 * Keys are never logged, printed or put in an exception message in full; use {@link #redact}.
 *
 * <p>The rule: a key of at least {@link #MIN_LENGTH_TO_KEEP_PREFIX} characters keeps its first
 * {@link #KEPT_PREFIX} characters, so an operator can tell two keys apart, and the rest becomes
 * {@code "****"}; a shorter key becomes {@code "****"} entirely, since four characters of it would
 * give away too much. The length of the key is not revealed. Anything after the key, such as an
 * ingest's {@code ?token=...} query, is part of the redacted rest.
 */
public final class StreamKeys {
    /** The mask that replaces the secret part. */
    public static final String MASK = "****";
    /** How many leading characters a long key keeps. */
    public static final int KEPT_PREFIX = 4;
    /** Keys shorter than this are masked entirely. */
    public static final int MIN_LENGTH_TO_KEEP_PREFIX = 12;

    private StreamKeys() {
    }

    /**
     * @param key a stream key (publish name), possibly with a query; may be {@code null}
     * @return e.g. {@code "live****"} for {@code "live_123456789_abcdef"}, {@code "****"} for {@code "abc"},
     *     {@code "null"} for {@code null}
     */
    public static String redact(String key) {
        if (key == null) {
            return "null";
        }
        if (key.length() < MIN_LENGTH_TO_KEEP_PREFIX) {
            return MASK;
        }
        int end = KEPT_PREFIX;
        if (Character.isHighSurrogate(key.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return key.substring(0, end) + MASK;
    }
}
