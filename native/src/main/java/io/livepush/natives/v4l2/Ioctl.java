package io.livepush.natives.v4l2;

/**
 * The Linux ioctl request-number macros ({@code asm-generic/ioctl.h}) that V4L2 numbers are built
 * from: {@code _IOC(dir, type, nr, size) = dir << 30 | size << 16 | type << 8 | nr}, with direction
 * bits {@code _IOC_WRITE = 1} (user to kernel) and {@code _IOC_READ = 2} (kernel to user).
 */
public final class Ioctl {
    private static final int NRBITS = 8;
    private static final int TYPEBITS = 8;
    private static final int SIZEBITS = 14;
    private static final int NRSHIFT = 0;
    private static final int TYPESHIFT = NRSHIFT + NRBITS;
    private static final int SIZESHIFT = TYPESHIFT + TYPEBITS;
    private static final int DIRSHIFT = SIZESHIFT + SIZEBITS;
    private static final long WRITE = 1;
    private static final long READ = 2;

    private Ioctl() {
    }

    /**
     * {@code _IOC}: an ioctl number.
     *
     * @param dir direction bits, 0..3
     * @param type the driver letter, e.g. {@code 'V'}
     * @param nr the command number, 0..255
     * @param size the argument's {@code sizeof}, 0..16383
     * @return the request number (an unsigned 32-bit value in a long)
     */
    public static long ioc(long dir, char type, int nr, int size) {
        if (dir < 0 || dir > 3 || type > 0xff || nr < 0 || nr > 0xff || size < 0 || size >= 1 << SIZEBITS) {
            throw new IllegalArgumentException("ioctl fields dir=" + dir + " type=" + (int) type + " nr=" + nr
                    + " size=" + size + " out of range (expected dir 0..3, type and nr 0..255, size 0..16383)");
        }
        return dir << DIRSHIFT | (long) size << SIZESHIFT | (long) type << TYPESHIFT | (long) nr << NRSHIFT;
    }

    /**
     * {@code _IOR(type, nr, T)}: the kernel writes a {@code T} of {@code size} bytes back.
     *
     * @param type the driver's ioctl letter, {@code 'V'} for V4L2
     * @param nr the command number within that letter, 0..255
     * @param size {@code sizeof(T)} in bytes, 0..16383
     * @return the request number to pass to {@code ioctl}
     * @throws IllegalArgumentException for a type, number or size out of range
     */
    public static long ior(char type, int nr, int size) {
        return ioc(READ, type, nr, size);
    }

    /**
     * {@code _IOW(type, nr, T)}: the caller passes a {@code T} of {@code size} bytes in.
     *
     * @param type the driver's ioctl letter, {@code 'V'} for V4L2
     * @param nr the command number within that letter, 0..255
     * @param size {@code sizeof(T)} in bytes, 0..16383
     * @return the request number to pass to {@code ioctl}
     * @throws IllegalArgumentException for a type, number or size out of range
     */
    public static long iow(char type, int nr, int size) {
        return ioc(WRITE, type, nr, size);
    }

    /**
     * {@code _IOWR(type, nr, T)}: in and back out.
     *
     * @param type the driver's ioctl letter, {@code 'V'} for V4L2
     * @param nr the command number within that letter, 0..255
     * @param size {@code sizeof(T)} in bytes, 0..16383
     * @return the request number to pass to {@code ioctl}
     * @throws IllegalArgumentException for a type, number or size out of range
     */
    public static long iowr(char type, int nr, int size) {
        return ioc(READ | WRITE, type, nr, size);
    }
}
