/**
 * JNA structures and constants of the Video4Linux2 capture API (linux/videodev2.h), single-planar
 * mmap streaming; used with {@link io.livepush.natives.libc.LibC#ioctl}.
 */
package io.livepush.natives.v4l2;
