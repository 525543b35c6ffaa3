package io.livepush.examples.desktop;

import java.util.Objects;

/**
 * One entry of the video source list: the test pattern, a camera or a screen.
 *
 * @param kind what it is
 * @param device the camera path ({@code /dev/video0}) or X display ({@code :0}); empty for the test pattern
 * @param label what the list shows
 */
public record VideoChoice(Kind kind, String device, String label) {
    /** The kinds of video source the app offers. */
    public enum Kind {
        /** The SDK's moving colour bars. */
        TEST_PATTERN,
        /** A V4L2 camera. */
        CAMERA,
        /** An X display. */
        SCREEN
    }

    /**
     * Validates at once.
     *
     * @param kind what it is, not null
     * @param device the camera path or X display, not blank for {@link Kind#CAMERA} and {@link Kind#SCREEN};
     *     empty for the test pattern
     * @param label what the list shows, not null
     * @throws NullPointerException when a value is null
     * @throws IllegalArgumentException when a camera or screen has a blank device
     */
    public VideoChoice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(label, "label");
        if (kind != Kind.TEST_PATTERN && device.isBlank()) {
            throw new IllegalArgumentException("a " + kind + " choice needs a device (got an empty one)");
        }
    }

    /** @return the test pattern entry */
    public static VideoChoice testPattern() {
        return new VideoChoice(Kind.TEST_PATTERN, "", "Test pattern (colour bars)");
    }

    @Override
    public String toString() {
        return label;
    }
}
