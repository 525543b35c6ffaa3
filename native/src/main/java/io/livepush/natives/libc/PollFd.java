package io.livepush.natives.libc;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.livepush.natives.NativeStruct;

/** {@code struct pollfd} (poll.h): a descriptor, the events asked for, and those that occurred. */
@Structure.FieldOrder({"fd", "events", "revents"})
public class PollFd extends NativeStruct {
    /** The file descriptor. */
    public int fd;
    /** Requested events, e.g. {@link Posix#POLLIN}. */
    public short events;
    /** Returned events. */
    public short revents;

    /** A struct in memory JNA allocates. */
    public PollFd() {
        super();
    }

    /**
     * A struct over existing memory.
     *
     * @param memory the native {@code struct pollfd} to read and write (8 bytes); not null
     */
    public PollFd(Pointer memory) {
        super(memory);
    }
}
