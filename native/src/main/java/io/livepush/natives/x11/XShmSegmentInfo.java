package io.livepush.natives.x11;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.livepush.natives.NativeStruct;

/** {@code XShmSegmentInfo} (X11/extensions/XShm.h): a shared memory segment known to client and server. */
@Structure.FieldOrder({"shmseg", "shmid", "shmaddr", "readOnly"})
public class XShmSegmentInfo extends NativeStruct {
    /** The server's id of the segment (set by {@link XShm#XShmAttach}). */
    public NativeLong shmseg;
    /** The System V segment id ({@code shmget}). */
    public int shmid;
    /** Where the segment is mapped in this process ({@code shmat}). */
    public Pointer shmaddr;
    /** Whether the server may only read it (false for capture: the server writes). */
    public int readOnly;

    /** A struct in memory JNA allocates (kept alive by its owner for as long as the segment is attached). */
    public XShmSegmentInfo() {
        super();
    }

    /**
     * A struct over existing memory.
     *
     * @param memory native memory of at least {@code size()} bytes, owned and freed by the caller
     */
    public XShmSegmentInfo(Pointer memory) {
        super(memory);
    }
}
