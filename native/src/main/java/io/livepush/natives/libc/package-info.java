/**
 * JNA bindings to the C library calls device capture needs: {@code open/close/ioctl/mmap/munmap/poll},
 * System V shared memory, and {@code errno} values ({@link io.livepush.natives.libc.Posix}).
 */
package io.livepush.natives.libc;
