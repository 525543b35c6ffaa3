package io.livepush.capture.webrtc;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoSource;
import io.livepush.capture.camera.Camera;
import io.livepush.capture.camera.CameraException;
import io.livepush.capture.devices.CameraDevice;
import io.livepush.capture.devices.Devices;
import io.livepush.capture.screen.Screen;
import io.livepush.capture.source.FrameRate;
import java.util.List;

/**
 * Opens cameras and screens with the backend that fits the platform: V4L2 and X11 on Linux,
 * webrtc-java elsewhere; a {@code webrtc:} prefix selects webrtc-java on any platform.
 *
 * <ul>
 *   <li>{@code camera(null | "/dev/videoN" | "NAME" | "webrtc:NAME")}</li>
 *   <li>{@code screen(null | ":N" | "webrtc" | "webrtc:NAME")}</li>
 * </ul>
 * Frames always come at the asked size: a camera's or screen's other size is scaled.
 */
public final class VideoSources {
    private VideoSources() {
    }

    /**
     * @param device null or empty for the first camera, a V4L2 path or name, or {@code webrtc:NAME}
     * @param width frame width in pixels: even, 2..16384
     * @param height frame height in pixels: even, 2..16384
     * @param fps frames per second asked for, greater than 0 and at most 240
     * @param clock the shared clock, never null
     * @return the started camera
     * @throws CameraException when it cannot be opened (the message lists what exists)
     */
    public static VideoSource camera(String device, int width, int height, double fps, MediaClock clock)
            throws CameraException {
        String d = device == null ? "" : device.trim();
        if (d.startsWith("webrtc:") || d.equals("webrtc")) {
            return WebrtcCamera.open(d.equals("webrtc") ? "" : d.substring(7), width, height, fps, clock);
        }
        if (!WebrtcCapture.linuxBackendsApply()) {
            return WebrtcCamera.open(d, width, height, fps, clock);
        }
        if (d.isEmpty()) {
            List<CameraDevice> cams = Devices.cameras();
            if (cams.isEmpty()) {
                throw new CameraException(CameraException.Reason.NOT_FOUND,
                        "no camera found (no V4L2 capture device in /dev/video*)");
            }
            d = cams.get(0).id();
        }
        return Camera.builder(d).size(width, height).fps(fps).clock(clock).open();
    }

    /**
     * @param display null for {@code $DISPLAY}, an X display like {@code :0}, or {@code webrtc[:NAME]}
     * @param width frame width in pixels: even, 2..16384
     * @param height frame height in pixels: even, 2..16384
     * @param fps frames per second, greater than 0 and at most 240
     * @param clock the shared clock, never null
     * @return the screen source, frames scaled to {@code width x height} when the screen differs
     * @throws IllegalArgumentException when the display cannot be opened or a value is out of range
     */
    public static VideoSource screen(String display, int width, int height, double fps, MediaClock clock) {
        String d = display == null ? "" : display.trim();
        if (d.startsWith("webrtc") || !WebrtcCapture.linuxBackendsApply()) {
            String name = d.startsWith("webrtc:") ? d.substring(7) : "";
            return WebrtcScreen.open(name, width, height, FrameRate.of(fps), clock);
        }
        return Screen.builder().display(d.isEmpty() ? null : d).frameRate(FrameRate.of(fps)).clock(clock)
                .outputSize(width, height).build();
    }
}
