package io.livepush.natives.libc;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few C library calls the device sources need (Linux, LP64): file descriptors, {@code ioctl},
 * memory mapping, {@code poll} and System V shared memory. Every call that sets {@code errno}
 * declares {@link LastErrorException}: JNA throws it, carrying {@code errno}
 * ({@link LastErrorException#getErrorCode()}), when the call fails. Constants are in {@link Posix}.
 *
 * <p>An interface (not direct mapping) so the V4L2 camera can be tested through this layer with
 * recorded device answers. Thread-safe: each call is independent.
 */
public interface LibC extends Library {
    /**
     * Loads the C library.
     *
     * @return the binding
     * @throws UnsatisfiedLinkError when the C library cannot be loaded (not a glibc/musl system)
     */
    static LibC load() {
        return Native.load("c", LibC.class);
    }

    /** {@code int open(const char *path, int flags)}; see {@link Posix#O_RDWR} and friends. */
    int open(String path, int flags) throws LastErrorException;

    /** {@code int close(int fd)}. */
    int close(int fd) throws LastErrorException;

    /**
     * {@code int ioctl(int fd, unsigned long request, void *arg)}.
     *
     * @param request the request number, e.g. {@code V4l2.VIDIOC_QUERYCAP}
     * @param arg the argument structure's memory
     */
    int ioctl(int fd, NativeLong request, Pointer arg) throws LastErrorException;

    /**
     * {@code void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)}.
     *
     * @return the mapping's address
     */
    Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset) throws LastErrorException;

    /** {@code int munmap(void *addr, size_t length)}. */
    int munmap(Pointer addr, long length) throws LastErrorException;

    /**
     * {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)}.
     *
     * @param fds an array of {@link PollFd} in native memory
     * @param timeoutMs milliseconds to wait; -1 waits for ever
     * @return how many descriptors have events, 0 on timeout
     */
    int poll(Pointer fds, NativeLong nfds, int timeoutMs) throws LastErrorException;

    /** {@code int shmget(key_t key, size_t size, int shmflg)}. */
    int shmget(int key, long size, int flags) throws LastErrorException;

    /** {@code void *shmat(int shmid, const void *addr, int shmflg)}. */
    Pointer shmat(int shmid, Pointer addr, int flags) throws LastErrorException;

    /** {@code int shmdt(const void *addr)}. */
    int shmdt(Pointer addr) throws LastErrorException;

    /** {@code int shmctl(int shmid, int cmd, struct shmid_ds *buf)}. */
    int shmctl(int shmid, int cmd, Pointer buf) throws LastErrorException;

    /** {@code char *strerror(int errnum)}: the C library's text for an {@code errno} value. */
    String strerror(int errnum);
}
