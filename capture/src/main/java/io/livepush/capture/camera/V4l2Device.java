package io.livepush.capture.camera;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.livepush.natives.NativeStruct;
import io.livepush.natives.libc.LibC;
import io.livepush.natives.libc.PollFd;
import io.livepush.natives.libc.Posix;
import io.livepush.natives.v4l2.V4l2;
import io.livepush.natives.v4l2.V4l2Capability;
import io.livepush.natives.v4l2.V4l2FmtDesc;
import io.livepush.natives.v4l2.V4l2FrmIvalEnum;
import io.livepush.natives.v4l2.V4l2FrmSizeEnum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An open V4L2 device node: the ioctl layer {@link Camera} is built on. Retries calls interrupted
 * by signals ({@code EINTR}); other failures come back as the {@code errno} value so callers decide
 * what each means. Everything goes through {@link LibC}, which tests replace with recorded answers.
 *
 * <p>Not thread-safe; {@link Camera} serialises calls.
 */
final class V4l2Device implements AutoCloseable {
    /** Common sizes offered from a stepwise or continuous size range. */
    private static final int[][] COMMON_SIZES = {{320, 240}, {640, 360}, {640, 480}, {800, 600}, {960, 540},
        {1024, 768}, {1280, 720}, {1280, 960}, {1600, 900}, {1920, 1080}, {2560, 1440}, {3840, 2160}};
    /** Common rates offered from a stepwise or continuous interval range. */
    private static final double[] COMMON_RATES = {5, 10, 15, 20, 24, 25, 30, 50, 60};
    private static final int ENUM_LIMIT = 256;

    private final LibC libc;
    private final String path;
    private final int fd;
    private boolean closed;

    private V4l2Device(LibC libc, String path, int fd) {
        this.libc = libc;
        this.path = path;
        this.fd = fd;
    }

    /**
     * Opens a device node non-blocking.
     *
     * @throws CameraException NOT_FOUND, BUSY, PERMISSION_DENIED or DEVICE_ERROR
     */
    static V4l2Device open(LibC libc, String path, String camerasFound) throws CameraException {
        try {
            int fd = libc.open(path, Posix.O_RDWR | Posix.O_NONBLOCK | Posix.O_CLOEXEC);
            return new V4l2Device(libc, path, fd);
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            switch (errno) {
                case Posix.ENOENT:
                case Posix.ENODEV:
                case Posix.ENXIO:
                    throw new CameraException(CameraException.Reason.NOT_FOUND, "camera " + path
                            + " does not exist (cameras found: " + camerasFound + ")", e);
                case Posix.EBUSY:
                    throw new CameraException(CameraException.Reason.BUSY, "camera " + path
                            + " is busy (EBUSY): another program is using it", e);
                case Posix.EACCES:
                    throw new CameraException(CameraException.Reason.PERMISSION_DENIED, "camera " + path
                            + " cannot be opened (EACCES): add the user to group 'video'", e);
                default:
                    throw new CameraException(CameraException.Reason.DEVICE_ERROR, "camera " + path
                            + " cannot be opened (" + Posix.errnoName(errno) + ")", e);
            }
        }
    }

    String path() {
        return path;
    }

    int fd() {
        return fd;
    }

    /**
     * Runs one ioctl on a struct: writes it, calls, reads it back on success; retries {@code EINTR}.
     *
     * @return 0 on success, else the errno
     */
    int ioctl(long request, NativeStruct arg) {
        if (arg != null) {
            arg.write();
        }
        while (true) {
            try {
                libc.ioctl(fd, new NativeLong(request), arg == null ? null : arg.getPointer());
                if (arg != null) {
                    arg.read();
                }
                return 0;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != Posix.EINTR) {
                    return e.getErrorCode();
                }
            }
        }
    }

    /** Runs an ioctl whose argument is one int (stream on/off: the buffer type). @return 0 or errno */
    int ioctlInt(long request, int value) {
        Memory m = new Memory(4);
        m.setInt(0, value);
        while (true) {
            try {
                libc.ioctl(fd, new NativeLong(request), m);
                return 0;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != Posix.EINTR) {
                    return e.getErrorCode();
                }
            }
        }
    }

    /** @return the capability struct, or null when the node does not answer VIDIOC_QUERYCAP */
    V4l2Capability queryCapability() {
        V4l2Capability cap = new V4l2Capability();
        return ioctl(V4l2.VIDIOC_QUERYCAP, cap) == 0 ? cap : null;
    }

    /** @return every FourCC the device offers for capture, in its order */
    List<Integer> pixelFormats() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ENUM_LIMIT; i++) {
            V4l2FmtDesc d = new V4l2FmtDesc();
            d.index = i;
            d.type = V4l2.V4L2_BUF_TYPE_VIDEO_CAPTURE;
            if (ioctl(V4l2.VIDIOC_ENUM_FMT, d) != 0) {
                break;
            }
            out.add(d.pixelformat);
        }
        return out;
    }

    /** @return every (format, size, rate) the device offers for the given formats */
    List<CameraMode> modes(List<Integer> formats) {
        List<CameraMode> modes = new ArrayList<>();
        for (int f : formats) {
            for (int[] size : sizes(f)) {
                for (double fps : rates(f, size[0], size[1])) {
                    modes.add(new CameraMode(f, size[0], size[1], fps));
                }
            }
        }
        return modes;
    }

    private List<int[]> sizes(int format) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < ENUM_LIMIT; i++) {
            V4l2FrmSizeEnum s = new V4l2FrmSizeEnum();
            s.index = i;
            s.pixel_format = format;
            if (ioctl(V4l2.VIDIOC_ENUM_FRAMESIZES, s) != 0) {
                break;
            }
            if (s.type == V4l2.V4L2_FRMSIZE_TYPE_DISCRETE) {
                out.add(new int[] {s.discreteWidth(), s.discreteHeight()});
                continue;
            }
            int sw = Math.max(1, s.step_width);
            int sh = Math.max(1, s.step_height);
            for (int[] c : COMMON_SIZES) {
                if (c[0] >= s.min_width && c[0] <= s.max_width && (c[0] - s.min_width) % sw == 0
                        && c[1] >= s.min_height && c[1] <= s.max_height && (c[1] - s.min_height) % sh == 0) {
                    out.add(c);
                }
            }
            out.add(new int[] {s.max_width, s.max_height});
            break;
        }
        return out;
    }

    private List<Double> rates(int format, int width, int height) {
        TreeSet<Double> out = new TreeSet<>();
        for (int i = 0; i < ENUM_LIMIT; i++) {
            V4l2FrmIvalEnum v = new V4l2FrmIvalEnum();
            v.index = i;
            v.pixel_format = format;
            v.width = width;
            v.height = height;
            if (ioctl(V4l2.VIDIOC_ENUM_FRAMEINTERVALS, v) != 0) {
                break;
            }
            if (v.type == V4l2.V4L2_FRMIVAL_TYPE_DISCRETE) {
                if (v.min_numerator > 0 && v.min_denominator > 0) {
                    out.add((double) v.min_denominator / v.min_numerator);
                }
                continue;
            }
            double maxFps = v.min_numerator > 0 ? (double) v.min_denominator / v.min_numerator : 30;
            double minFps = v.max_numerator > 0 ? (double) v.max_denominator / v.max_numerator : 1;
            for (double r : COMMON_RATES) {
                if (r >= minFps && r <= maxFps) {
                    out.add(r);
                }
            }
            out.add(maxFps);
            break;
        }
        if (out.isEmpty()) {
            out.add(30.0); // drivers without interval enumeration; the rate actually set is read back
        }
        return new ArrayList<>(out.descendingSet());
    }

    /**
     * Waits for a frame.
     *
     * @return the returned events (0 on timeout)
     * @throws LastErrorException for poll errors other than EINTR (which returns 0)
     */
    short poll(int timeoutMs) {
        PollFd p = new PollFd();
        p.fd = fd;
        p.events = Posix.POLLIN;
        p.write();
        try {
            int n = libc.poll(p.getPointer(), new NativeLong(1), timeoutMs);
            p.read();
            return n <= 0 ? 0 : p.revents == 0 ? Posix.POLLIN : p.revents;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Posix.EINTR) {
                return 0;
            }
            throw e;
        }
    }

    /** @return the mapping of one buffer, or throws with the errno */
    Pointer mmap(int length, int offset) {
        return libc.mmap(null, length, Posix.PROT_READ | Posix.PROT_WRITE, Posix.MAP_SHARED, fd,
                Integer.toUnsignedLong(offset));
    }

    void munmap(Pointer address, int length) {
        try {
            libc.munmap(address, length);
        } catch (LastErrorException ignored) {
            // Nothing more can be done while closing; the mapping goes with the process.
        }
    }

    /** Formats offered, grouped for messages: {@code "YUYV 640x480@30,15 1280x720@10; MJPG ..."}. */
    static String describe(List<CameraMode> modes) {
        Map<String, Map<String, List<String>>> byFormat = new LinkedHashMap<>();
        for (CameraMode m : modes) {
            byFormat.computeIfAbsent(m.pixelFormatName(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(m.width() + "x" + m.height(), k -> new ArrayList<>())
                    .add(CameraMode.formatFps(m.fps()));
        }
        StringBuilder sb = new StringBuilder();
        byFormat.forEach((f, sizes) -> {
            sb.append(sb.length() == 0 ? "" : "; ").append(f);
            sizes.forEach((s, r) -> sb.append(' ').append(s).append('@').append(String.join(",", r)));
        });
        return sb.length() == 0 ? "none" : sb.toString();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            libc.close(fd);
        } catch (LastErrorException ignored) {
            // close(2) failing leaves nothing to retry: the descriptor is released either way on Linux.
        }
    }
}
