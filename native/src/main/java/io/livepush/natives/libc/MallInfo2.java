package io.livepush.natives.libc;

import com.sun.jna.Structure;
import io.livepush.natives.NativeStruct;

/**
 * {@code struct mallinfo2} (malloc.h, glibc 2.33+): ten {@code size_t} figures of the allocator,
 * summed over all arenas. The two that tell a leak from fragmentation are {@link #uordblks} (bytes
 * handed out and not yet freed: grows without bound under a leak) and {@link #fordblks} (bytes free
 * inside the heap: grows and then levels off under fragmentation).
 */
@Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost"})
public class MallInfo2 extends NativeStruct {
    /** Non-mmapped space allocated from the system (bytes). */
    public long arena;
    /** Number of free chunks. */
    public long ordblks;
    /** Number of free fastbin blocks. */
    public long smblks;
    /** Number of mmapped regions. */
    public long hblks;
    /** Space in mmapped regions (bytes). */
    public long hblkhd;
    /** Unused (always 0). */
    public long usmblks;
    /** Space in free fastbin blocks (bytes). */
    public long fsmblks;
    /** Space in use: allocated and not freed (bytes). */
    public long uordblks;
    /** Space free inside the heap (bytes). */
    public long fordblks;
    /** Top-most releasable space (bytes). */
    public long keepcost;

    /** A struct in memory JNA allocates. */
    public MallInfo2() {
        super();
    }

    /** The by-value form {@code mallinfo2()} returns. */
    public static class ByValue extends MallInfo2 implements Structure.ByValue {
        /** A struct in memory JNA allocates. */
        public ByValue() {
            super();
        }
    }
}
