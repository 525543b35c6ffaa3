package io.livepush.cohost.protocol;

import java.util.Objects;

/**
 * The field checks the {@link SignalMessage} records share, so each record states its limits in one
 * call and every refusal names the field, the value given and what is allowed (for example
 * {@code "userId is 0 characters (expected 1..128)"}).
 */
final class MessageChecks {
    private MessageChecks() {}

    /**
     * Requires an id (user, room, invitation, media stream) of 1..{@value SignalMessage#MAX_ID_LENGTH}
     * characters.
     *
     * @param what the field's name, used in the exception message
     * @param value the id
     * @throws NullPointerException when {@code value} is null
     * @throws IllegalArgumentException when {@code value} is empty or too long
     */
    static void requireId(String what, String value) {
        requireText(what, value, SignalMessage.MAX_ID_LENGTH);
    }

    /**
     * Requires an absent id (null) or one that {@link #requireId} accepts.
     *
     * @param what the field's name, used in the exception message
     * @param value the id, or null
     * @throws IllegalArgumentException when {@code value} is empty or too long
     */
    static void requireOptionalId(String what, String value) {
        if (value != null) {
            requireId(what, value);
        }
    }

    /**
     * Requires a text of 1..{@code max} characters.
     *
     * @param what the field's name, used in the exception message
     * @param value the text
     * @param max the most characters allowed
     * @throws NullPointerException when {@code value} is null
     * @throws IllegalArgumentException when {@code value} is empty or longer than {@code max}
     */
    static void requireText(String what, String value, int max) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.length() > max) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters (expected 1.." + max + ")");
        }
    }

    /**
     * Requires a text of 0..{@code max} characters (an empty text is allowed).
     *
     * @param what the field's name, used in the exception message
     * @param value the text
     * @param max the most characters allowed
     * @throws NullPointerException when {@code value} is null
     * @throws IllegalArgumentException when {@code value} is longer than {@code max}
     */
    static void requireAtMost(String what, String value, int max) {
        Objects.requireNonNull(value, what);
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " is " + value.length() + " characters (expected at most " + max + ")");
        }
    }

    /**
     * Requires a number in {@code min..max}, both included.
     *
     * @param what the field's name, used in the exception message
     * @param value the number
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @throws IllegalArgumentException when {@code value} is outside {@code min..max}
     */
    static void requireInRange(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " is " + value + " (expected " + min + ".." + max + ")");
        }
    }
}
