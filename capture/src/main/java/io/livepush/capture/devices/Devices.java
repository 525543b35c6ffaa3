package io.livepush.capture.devices;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import io.livepush.natives.libc.LibC;
import io.livepush.natives.libc.Posix;
import io.livepush.natives.v4l2.V4l2;
import io.livepush.natives.v4l2.V4l2Capability;
import io.livepush.natives.x11.XWindowAttributes;
import io.livepush.natives.x11.Xlib;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Discovers video capture devices: V4L2 cameras ({@code /dev/video*} nodes that capture and stream)
 * and X displays ({@code $DISPLAY} and the sockets in {@code /tmp/.X11-unix}). Microphones are
 * discovered by the audio sources. Every method is safe to call anywhere: what cannot be probed is
 * left out (a display that does not open is listed with no size).
 */
public final class Devices {
    private static final Path DEV = Path.of("/dev");
    private static final Path X11_SOCKETS = Path.of("/tmp/.X11-unix");

    private Devices() {
    }

    /** @return the V4L2 cameras of this machine (empty off Linux or when there are none) */
    public static List<CameraDevice> cameras() {
        if (!Platform.isLinux()) {
            return List.of();
        }
        try {
            return cameras(LibC.load(), DEV);
        } catch (UnsatisfiedLinkError e) {
            return List.of();
        }
    }

    /**
     * @param libc the C library binding
     * @param devDir the directory holding {@code video*} nodes
     * @return the nodes that answer VIDIOC_QUERYCAP with video capture and streaming, sorted by number
     */
    public static List<CameraDevice> cameras(LibC libc, Path devDir) {
        List<Path> nodes;
        try (Stream<Path> s = Files.list(devDir)) {
            nodes = s.filter(p -> p.getFileName().toString().matches("video\\d+"))
                    .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
        } catch (IOException e) {
            return List.of();
        }
        List<CameraDevice> out = new ArrayList<>();
        for (Path node : nodes) {
            int fd;
            try {
                fd = libc.open(node.toString(), Posix.O_RDWR | Posix.O_NONBLOCK | Posix.O_CLOEXEC);
            } catch (LastErrorException e) {
                continue;
            }
            try {
                V4l2Capability cap = new V4l2Capability();
                libc.ioctl(fd, new NativeLong(V4l2.VIDIOC_QUERYCAP), cap.getPointer());
                cap.read();
                int caps = cap.nodeCapabilities();
                if ((caps & V4l2.V4L2_CAP_VIDEO_CAPTURE) != 0 && (caps & V4l2.V4L2_CAP_STREAMING) != 0) {
                    out.add(new CameraDevice(node.toString(), V4l2.cString(cap.card),
                            V4l2.cString(cap.driver) + ", " + V4l2.cString(cap.bus_info)));
                }
            } catch (LastErrorException e) {
                // Not a V4L2 node (or a metadata node): not a camera.
            } finally {
                try {
                    libc.close(fd);
                } catch (LastErrorException ignored) {
                    // Nothing to do about a failed close while probing.
                }
            }
        }
        return out;
    }

    /** @return the X displays of this machine with their sizes (empty when there are none) */
    public static List<ScreenDevice> screens() {
        Map<String, String> names = new LinkedHashMap<>();
        String env = System.getenv("DISPLAY");
        if (env != null && !env.isBlank()) {
            names.put(env.trim(), "$DISPLAY");
        }
        if (Files.isDirectory(X11_SOCKETS)) {
            try (Stream<Path> s = Files.list(X11_SOCKETS)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.matches("X\\d+"))
                        .sorted((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1))))
                        .forEach(n -> names.putIfAbsent(":" + n.substring(1), X11_SOCKETS.resolve(n).toString()));
            } catch (IOException e) {
                // No sockets listed: only $DISPLAY.
            }
        }
        List<ScreenDevice> out = new ArrayList<>();
        Xlib xlib = null;
        for (Map.Entry<String, String> e : names.entrySet()) {
            int[] size = {0, 0};
            try {
                if (xlib == null) {
                    xlib = Xlib.load();
                }
                size = rootSize(xlib, e.getKey());
            } catch (UnsatisfiedLinkError ignored) {
                // No libX11: list the display without a size.
            }
            out.add(new ScreenDevice(e.getKey(), size[0], size[1], e.getValue()));
        }
        return out;
    }

    private static int[] rootSize(Xlib xlib, String display) {
        Pointer d = xlib.XOpenDisplay(display);
        if (d == null) {
            return new int[] {0, 0};
        }
        try {
            XWindowAttributes a = new XWindowAttributes();
            return xlib.XGetWindowAttributes(d, xlib.XDefaultRootWindow(d), a) != 0 ? new int[] {a.width, a.height}
                    : new int[] {0, 0};
        } finally {
            xlib.XCloseDisplay(d);
        }
    }

    /** @return the camera paths and names for messages, or {@code "none"} */
    public static String cameraNames() {
        List<CameraDevice> c = cameras();
        return c.isEmpty() ? "none" : String.join(", ", c.stream().map(CameraDevice::toString).toList());
    }

    /** @return the display names for messages, or {@code "none"} */
    public static String screenNames() {
        List<ScreenDevice> s = screens();
        return s.isEmpty() ? "none" : String.join(", ", s.stream().map(ScreenDevice::display).toList());
    }

    /**
     * @param name part of a camera's name, case-insensitive
     * @return the path of the first camera whose name contains it, or null
     */
    public static String cameraPathByName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return cameras().stream().filter(c -> c.name().toLowerCase(java.util.Locale.ROOT).contains(n))
                .map(CameraDevice::id).findFirst().orElse(null);
    }

    /** @return what {@code livepush devices} prints about cameras and screens */
    public static String report() {
        StringBuilder sb = new StringBuilder();
        List<CameraDevice> cams = cameras();
        sb.append("Cameras (V4L2):").append(cams.isEmpty() ? " none found in /dev/video*" : "").append('\n');
        cams.forEach(c -> sb.append("  ").append(c).append('\n'));
        List<ScreenDevice> screens = screens();
        sb.append("Screens (X11):").append(screens.isEmpty() ? " none ($DISPLAY unset, no /tmp/.X11-unix sockets)" : "")
                .append('\n');
        screens.forEach(s -> sb.append("  ").append(s).append('\n'));
        return sb.toString();
    }

    private static int number(Path p) {
        return Integer.parseInt(p.getFileName().toString().substring(5));
    }
}
