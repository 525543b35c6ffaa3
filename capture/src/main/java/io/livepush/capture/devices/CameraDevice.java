package io.livepush.capture.devices;

/**
 * A camera found on this machine.
 *
 * @param id how to open it: a device path ({@code /dev/video0}) or, for webrtc devices, {@code webrtc:NAME}
 * @param name the name the device gives ({@code card} for V4L2)
 * @param details driver and bus, or the backend
 */
public record CameraDevice(String id, String name, String details) {
    @Override
    public String toString() {
        return id + " \"" + name + "\"" + (details.isEmpty() ? "" : " (" + details + ")");
    }
}
