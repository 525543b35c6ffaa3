package io.livepush.encoder;

/**
 * One H.264 backend found on the class path, as {@link VideoEncoders#available()} lists it for the
 * CLI's {@code --encoder} help and for diagnostics.
 *
 * @param name the name to pick it by
 * @param preference its rank for {@code auto}; higher wins
 * @param unavailableReason {@code null} when it can run here, otherwise what is missing and how to
 *     install it
 */
public record VideoEncoderStatus(String name, int preference, String unavailableReason) {
    /** @return true when the backend can run on this machine */
    public boolean available() {
        return unavailableReason == null;
    }

    /** @return e.g. {@code "openh264 (available, preference 100)"} or {@code "x264 (libx264 not found ...)"} */
    @Override
    public String toString() {
        return name + " (" + (available() ? "available, preference " + preference : unavailableReason) + ")";
    }
}
