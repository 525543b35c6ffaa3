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

    /**
     * {@code int open(const char *path, int flags)}.
     *
     * @param path the file to open, e.g. {@code /dev/video0}; not null
     * @param flags {@link Posix#O_RDWR}, {@link Posix#O_NONBLOCK}, {@link Posix#O_CLOEXEC} or'ed together
     * @return the new file descriptor (0 or more)
     * @throws LastErrorException when the file cannot be opened ({@link Posix#ENOENT}, {@link Posix#EACCES},
     *     {@link Posix#EBUSY}, ...)
     */
    int open(String path, int flags) throws LastErrorException;

    /**
     * {@code int close(int fd)}.
     *
     * @param fd a descriptor from {@link #open}; it is released even when the call reports an error
     * @return 0
     * @throws LastErrorException when {@code fd} is not open ({@code EBADF}) or a deferred write failed
     */
    int close(int fd) throws LastErrorException;

    /**
     * {@code int ioctl(int fd, unsigned long request, void *arg)}.
     *
     * @param fd an open device descriptor
     * @param request the request number, e.g. {@code V4l2.VIDIOC_QUERYCAP}
     * @param arg the argument structure's memory, read and/or written as the request defines
     * @return 0 for the V4L2 requests (some other requests return a non-negative value)
     * @throws LastErrorException when the device refuses the request ({@link Posix#EINVAL} for an unsupported
     *     one, {@link Posix#EAGAIN} on a non-blocking descriptor with nothing ready, {@link Posix#ENODEV} once
     *     the device is gone)
     */
    int ioctl(int fd, NativeLong request, Pointer arg) throws LastErrorException;

    /**
     * {@code void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)}.
     *
     * @param addr an address hint, or null to let the kernel choose
     * @param length bytes to map, more than 0
     * @param prot {@link Posix#PROT_READ} and/or {@link Posix#PROT_WRITE}
     * @param flags {@link Posix#MAP_SHARED} for device buffers
     * @param fd the descriptor whose memory is mapped
     * @param offset where in {@code fd} the mapping starts, in bytes; a multiple of the page size (for V4L2,
     *     the buffer's {@code m.offset})
     * @return the mapping's address
     * @throws LastErrorException when the mapping is refused ({@link Posix#EINVAL} for a bad length or offset,
     *     {@code ENOMEM}, ...)
     */
    Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset) throws LastErrorException;

    /**
     * {@code int munmap(void *addr, size_t length)}.
     *
     * @param addr an address {@link #mmap} returned
     * @param length the length given to {@link #mmap}, in bytes
     * @return 0
     * @throws LastErrorException when the range is not valid ({@link Posix#EINVAL})
     */
    int munmap(Pointer addr, long length) throws LastErrorException;

    /**
     * {@code int poll(struct pollfd *fds, nfds_t nfds, int timeout)}.
     *
     * @param fds an array of {@link PollFd} in native memory
     * @param nfds how many {@link PollFd} entries {@code fds} holds
     * @param timeoutMs milliseconds to wait; -1 waits for ever
     * @return how many descriptors have events, 0 on timeout
     * @throws LastErrorException when the wait fails; {@link Posix#EINTR} when a signal interrupted it
     */
    int poll(Pointer fds, NativeLong nfds, int timeoutMs) throws LastErrorException;

    /**
     * {@code int shmget(key_t key, size_t size, int shmflg)}: finds or creates a System V shared memory segment.
     *
     * @param key {@link Posix#IPC_PRIVATE} for a new segment only this process knows by key
     * @param size the segment's size in bytes, more than 0
     * @param flags {@link Posix#IPC_CREAT} or'ed with the permission bits, e.g. {@code 0600}
     * @return the segment's id
     * @throws LastErrorException when the segment cannot be made ({@link Posix#EINVAL} for a size outside the
     *     system's limits, {@code ENOMEM}, {@code ENOSPC}, ...)
     */
    int shmget(int key, long size, int flags) throws LastErrorException;

    /**
     * {@code void *shmat(int shmid, const void *addr, int shmflg)}: maps a segment into this process.
     *
     * @param shmid an id {@link #shmget} returned
     * @param addr where to attach, or null to let the kernel choose
     * @param flags 0 for read/write ({@code SHM_RDONLY} for read-only)
     * @return the attached segment's address
     * @throws LastErrorException when the segment cannot be attached ({@link Posix#EINVAL} for an unknown id,
     *     {@link Posix#EACCES})
     */
    Pointer shmat(int shmid, Pointer addr, int flags) throws LastErrorException;

    /**
     * {@code int shmdt(const void *addr)}: detaches a segment.
     *
     * @param addr the address {@link #shmat} returned
     * @return 0
     * @throws LastErrorException when no segment is attached at {@code addr} ({@link Posix#EINVAL})
     */
    int shmdt(Pointer addr) throws LastErrorException;

    /**
     * {@code int shmctl(int shmid, int cmd, struct shmid_ds *buf)}.
     *
     * @param shmid an id {@link #shmget} returned
     * @param cmd the operation; {@link Posix#IPC_RMID} marks the segment for removal once the last process
     *     detaches
     * @param buf a {@code struct shmid_ds} the operation reads or fills; null for {@link Posix#IPC_RMID}
     * @return 0 for {@link Posix#IPC_RMID}
     * @throws LastErrorException when the id is unknown ({@link Posix#EINVAL}) or the caller may not change it
     *     ({@code EPERM})
     */
    int shmctl(int shmid, int cmd, Pointer buf) throws LastErrorException;

    /**
     * {@code char *strerror(int errnum)}: the C library's text for an {@code errno} value.
     *
     * @param errnum an {@code errno} value, e.g. {@link Posix#EBUSY}; any int
     * @return the text, e.g. {@code "Device or resource busy"}; {@code "Unknown error N"} for a value the
     *     library does not know
     */
    String strerror(int errnum);
}
