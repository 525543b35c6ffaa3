package io.livepush.capture.webrtc;

import com.sun.jna.Platform;
import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.video.VideoDevice;
import io.livepush.capture.devices.CameraDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether webrtc-java's capture backend can be used here, and the cameras it sees. webrtc-java
 * (dev.onvoid.webrtc 0.14.0) carries native libraries for macOS, Windows and Linux; on Linux the
 * library needs {@code libpulse0} to load. This is the backend used for cameras and desktops where
 * V4L2 and X11 do not apply (macOS, Windows).
 */
public final class WebrtcCapture {
    /** System property that allows webrtc desktop capture on Linux (it crashed the JVM under Xvfb). */
    public static final String LINUX_DESKTOP_PROPERTY = "livepush.webrtc.linuxDesktop";

    private static volatile String unavailable;
    private static volatile boolean probed;

    private WebrtcCapture() {
    }

    /** @return null when webrtc-java's native library loads, else why it does not */
    public static synchronized String unavailableReason() {
        if (!probed) {
            try {
                MediaDevices.getVideoCaptureDevices();
                unavailable = null;
            } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
                unavailable = "webrtc-java native library does not load: " + e
                        + (Platform.isLinux() ? " (apt-get install libpulse0)" : "");
            }
            probed = true;
        }
        return unavailable;
    }

    /** @return whether the platform's own backends (V4L2 cameras, X11 screens) apply: Linux */
    public static boolean linuxBackendsApply() {
        return Platform.isLinux();
    }

    /** @return the cameras webrtc-java sees, as {@code webrtc:NAME} ids; empty when it cannot load */
    public static List<CameraDevice> cameras() {
        if (unavailableReason() != null) {
            return List.of();
        }
        List<CameraDevice> out = new ArrayList<>();
        for (VideoDevice d : MediaDevices.getVideoCaptureDevices()) {
            out.add(new CameraDevice("webrtc:" + d.getName(), d.getName(), "webrtc-java, " + d.getDescriptor()));
        }
        return out;
    }

    /** @return the camera ids for messages, or {@code "none"} */
    public static String cameraNames() {
        List<CameraDevice> c = cameras();
        return c.isEmpty() ? "none" : String.join(", ", c.stream().map(CameraDevice::toString).toList());
    }

    static void requireAvailable() {
        String why = unavailableReason();
        if (why != null) {
            throw new IllegalStateException(why);
        }
    }
}
