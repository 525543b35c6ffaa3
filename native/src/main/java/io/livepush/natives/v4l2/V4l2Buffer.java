package io.livepush.natives.v4l2;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.livepush.natives.NativeStruct;

/**
 * {@code struct v4l2_buffer} (linux/videodev2.h) for single-planar mmap buffers, used by
 * {@code VIDIOC_QUERYBUF/QBUF/DQBUF}. The timestamp is the {@code struct timeval} (two longs on LP64);
 * the union {@code m} is read as its {@code __u32 offset} member (8 bytes wide, holding pointers).
 */
@Structure.FieldOrder({"index", "type", "bytesused", "flags", "field", "pad_", "tv_sec", "tv_usec", "timecode", "sequence", "memory", "offset", "pad2_", "length", "reserved2", "request_fd", "pad3_"})
public class V4l2Buffer extends NativeStruct {
    /** Buffer number. */
    public int index;
    /** Buffer type. */
    public int type;
    /** Bytes of image data in the buffer (after dequeue). */
    public int bytesused;
    /** Buffer flags, e.g. {@link V4l2#V4L2_BUF_FLAG_ERROR}. */
    public int flags;
    /** Field order of the image. */
    public int field;
    /** Padding to the 8-byte alignment of the timeval. */
    public int pad_;
    /** Capture time, seconds (monotonic clock for most drivers). */
    public long tv_sec;
    /** Capture time, microseconds. */
    public long tv_usec;
    /** {@code struct v4l2_timecode}, unused. */
    public byte[] timecode = new byte[16];
    /** Frame sequence number; gaps mean the driver dropped frames. */
    public int sequence;
    /** Memory kind, {@link V4l2#V4L2_MEMORY_MMAP}. */
    public int memory;
    /** For mmap buffers: the offset to pass to {@code mmap}. */
    public int offset;
    /** The rest of the 8-byte union {@code m}. */
    public int pad2_;
    /** Buffer size in bytes. */
    public int length;
    /** Reserved. */
    public int reserved2;
    /** Request file descriptor (unused). */
    public int request_fd;
    /** Tail padding to the struct's 8-byte alignment. */
    public int pad3_;

    /** A struct in memory JNA allocates (zeroed). */
    public V4l2Buffer() {
        super();
    }

    /**
     * A struct over existing memory, e.g. an ioctl argument a test answers into.
     *
     * @param memory native memory of at least {@code size()} bytes, owned and freed by the caller
     */
    public V4l2Buffer(Pointer memory) {
        super(memory);
    }
}
