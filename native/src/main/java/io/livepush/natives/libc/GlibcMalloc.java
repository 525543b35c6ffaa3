package io.livepush.natives.libc;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * glibc's allocator controls (malloc.h): give free heap pages back to the system, and read the
 * allocator's own figures. glibc only (2.33+ for {@code mallinfo2}); {@link #load()} fails on
 * musl and other C libraries, so callers treat it as optional.
 *
 * <p>Why: glibc keeps freed memory in per-thread arenas. A process whose native threads free large
 * blocks (webrtc's decoders, network buffers) can hold tens of MB that are free to glibc but still
 * resident; {@link #malloc_trim(long)} returns the free pages of every arena with
 * {@code madvise(MADV_DONTNEED)}. Thread-safe: glibc locks each arena.
 */
public interface GlibcMalloc extends Library {
    /**
     * Loads the binding from the C library.
     *
     * @return the binding
     * @throws UnsatisfiedLinkError when the C library is not glibc or too old for these calls
     */
    static GlibcMalloc load() {
        GlibcMalloc c = Native.load("c", GlibcMalloc.class);
        c.mallinfo2(); // resolves now, so an old or non-glibc C library fails here, not later
        return c;
    }

    /**
     * {@code int malloc_trim(size_t pad)}: releases free memory at the top of the main heap and
     * every whole free page inside all arenas.
     *
     * @param pad bytes to leave untrimmed at the top of the heap (0 for as much as possible)
     * @return 1 when some memory was released, 0 otherwise
     */
    int malloc_trim(long pad);

    /**
     * {@code struct mallinfo2 mallinfo2(void)}: the allocator's figures summed over all arenas.
     *
     * @return a fresh struct, by value
     */
    MallInfo2.ByValue mallinfo2();
}
