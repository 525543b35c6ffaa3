package io.livepush.examples.desktop;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Validation of the co-host panel's fields: the signaling server address, the token and a user id
 * to invite. Each failure says which field, what was given (never the token) and what is expected.
 */
public final class CohostFields {
    /** The longest user id the signaling protocol carries. */
    public static final int MAX_USER_ID = 128;

    private CohostFields() {
    }

    /**
     * @param text e.g. {@code ws://127.0.0.1:8443/cohost}
     * @return the URI
     * @throws IllegalArgumentException when it is not a ws:// or wss:// address with a host
     */
    public static URI serverUri(String text) {
        String t = text == null ? "" : text.strip();
        String expected = "expected ws://HOST:PORT/cohost or wss://HOST:PORT/cohost";
        if (t.isEmpty()) {
            throw new IllegalArgumentException("The co-host server address is empty (" + expected + ").");
        }
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The co-host server address '" + shown(t) + "' is not a valid address ("
                    + expected + ").");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("The co-host server address '" + shown(t) + "' must start with ws:// or"
                    + " wss:// (" + expected + ").");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("The co-host server address '" + shown(t) + "' names no host ("
                    + expected + ").");
        }
        return uri;
    }

    /**
     * @param text the token the application's backend handed out
     * @return it, without surrounding blanks
     * @throws IllegalArgumentException when empty or containing blanks inside (a broken copy)
     */
    public static String token(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("The co-host token is empty (paste the token your service gave you).");
        }
        if (t.chars().anyMatch(c -> c <= 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException("The co-host token contains spaces or line breaks (it is one word;"
                    + " copy it again).");
        }
        return t;
    }

    /**
     * @param text the user to invite
     * @return it, without surrounding blanks
     * @throws IllegalArgumentException when empty, too long or containing control characters
     */
    public static String userId(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Type the user id of the person to invite.");
        }
        if (t.length() > MAX_USER_ID) {
            throw new IllegalArgumentException("The user id is " + t.length() + " characters long (at most "
                    + MAX_USER_ID + ").");
        }
        if (t.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The user id contains control characters (expected plain text).");
        }
        return t;
    }

    private static String shown(String t) {
        return t.length() <= 60 ? t : t.substring(0, 60) + "\u2026";
    }
}
