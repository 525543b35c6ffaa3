package io.livepush.natives.libc;

/**
 * Linux values of the {@code errno} codes and flags used with {@link LibC}; each is checked against
 * the C headers by the layout test ({@code src/test/c/v4l2_x11_layout.c}).
 */
public final class Posix {
    /** Interrupted system call: retry. */
    public static final int EINTR = 4;
    /** No such file or directory. */
    public static final int ENOENT = 2;
    /** Input/output error (a V4L2 device reports a failed capture with it). */
    public static final int EIO = 5;
    /** No such device or address. */
    public static final int ENXIO = 6;
    /** Try again: a non-blocking call has nothing yet. */
    public static final int EAGAIN = 11;
    /** Permission denied. */
    public static final int EACCES = 13;
    /** Device or resource busy (another program streams from the camera). */
    public static final int EBUSY = 16;
    /** No such device: the device was unplugged. */
    public static final int ENODEV = 19;
    /** Invalid argument (an ioctl the device does not support for these values). */
    public static final int EINVAL = 22;

    /** {@code open} for reading and writing. */
    public static final int O_RDWR = 2;
    /** {@code open} non-blocking: reads and {@code VIDIOC_DQBUF} answer {@link #EAGAIN} instead of waiting. */
    public static final int O_NONBLOCK = 0x800;
    /** {@code open} close-on-exec. */
    public static final int O_CLOEXEC = 0x80000;

    /** {@code mmap} pages may be read. */
    public static final int PROT_READ = 1;
    /** {@code mmap} pages may be written. */
    public static final int PROT_WRITE = 2;
    /** {@code mmap} shared with the device. */
    public static final int MAP_SHARED = 1;

    /** {@code poll}: data to read. */
    public static final short POLLIN = 1;
    /** {@code poll}: error condition. */
    public static final short POLLERR = 8;
    /** {@code poll}: hung up. */
    public static final short POLLHUP = 16;
    /** {@code poll}: invalid descriptor. */
    public static final short POLLNVAL = 32;

    /** {@code shmget} key for a new private segment. */
    public static final int IPC_PRIVATE = 0;
    /** {@code shmget}: create the segment. */
    public static final int IPC_CREAT = 0x200;
    /** {@code shmctl}: remove the segment once the last process detaches. */
    public static final int IPC_RMID = 0;

    private Posix() {
    }

    /**
     * Names an {@code errno} value for messages.
     *
     * @param errno an {@code errno} value; any int
     * @return the symbolic name of an errno this class knows ({@code "EBUSY"}), or {@code "errno N"}
     */
    public static String errnoName(int errno) {
        switch (errno) {
            case EINTR: return "EINTR";
            case ENOENT: return "ENOENT";
            case EIO: return "EIO";
            case ENXIO: return "ENXIO";
            case EAGAIN: return "EAGAIN";
            case EACCES: return "EACCES";
            case EBUSY: return "EBUSY";
            case ENODEV: return "ENODEV";
            case EINVAL: return "EINVAL";
            default: return "errno " + errno;
        }
    }
}
