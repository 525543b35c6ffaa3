package io.livepush.capture.devices;

/**
 * An X display found on this machine.
 *
 * @param display the display name, e.g. {@code :0}
 * @param width root window width, or 0 when the display could not be opened
 * @param height root window height, or 0 when the display could not be opened
 * @param foundBy where it was found: {@code $DISPLAY} or the socket path
 */
public record ScreenDevice(String display, int width, int height, String foundBy) {
    @Override
    public String toString() {
        return display + (width > 0 ? " " + width + "x" + height : " (cannot be opened)") + ", from " + foundBy;
    }
}
