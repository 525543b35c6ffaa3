/**
 * JNA bindings to the C library calls device capture needs: {@code open/close/ioctl/mmap/munmap/poll},
 * System V shared memory, and {@code errno} values ({@link io.livepush.natives.libc.Posix}); and
 * glibc's allocator controls ({@link io.livepush.natives.libc.GlibcMalloc}: {@code malloc_trim},
 * {@code mallinfo2}).
 */
package io.livepush.natives.libc;
