package io.livepush.examples.desktop;

import java.nio.charset.StandardCharsets;

/**
 * The "send event" box's text as an SEI payload: UTF-8, 1..255 bytes (the SDK's limit for one
 * {@code user_data_unregistered} message), with a message that says how long it is when it is not.
 */
public final class SeiText {
    /** The longest payload, in bytes. */
    public static final int MAX_BYTES = 255;

    private SeiText() {
    }

    /**
     * @param text what the user typed; surrounding blanks are dropped
     * @return its UTF-8 bytes
     * @throws IllegalArgumentException when it is empty or longer than {@value #MAX_BYTES} bytes
     */
    public static byte[] encode(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("The event text is empty (type 1.." + MAX_BYTES + " bytes of text).");
        }
        byte[] b = t.getBytes(StandardCharsets.UTF_8);
        if (b.length > MAX_BYTES) {
            throw new IllegalArgumentException("The event text is " + b.length + " bytes in UTF-8 (at most "
                    + MAX_BYTES + "; shorten it by " + (b.length - MAX_BYTES) + ").");
        }
        return b;
    }
}
