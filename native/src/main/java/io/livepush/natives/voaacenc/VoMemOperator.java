package io.livepush.natives.voaacenc;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code VO_MEM_OPERATOR} from {@code voMem.h}: the allocator the codec calls. The library
 * exports a default implementation ({@code cmnMemAlloc}, {@code cmnMemFree}, ... from
 * {@code cmnMemory.h}); {@link VoAacEncLibrary#defaultMemOperator()} fills this table with them.
 *
 * <pre>
 * typedef struct VO_MEM_OPERATOR {
 *     VO_U32 (*Alloc)(...);    // offset 0
 *     VO_U32 (*Free)(...);     // offset 8
 *     VO_U32 (*Set)(...);      // offset 16
 *     VO_U32 (*Copy)(...);     // offset 24
 *     VO_U32 (*Check)(...);    // offset 32
 *     VO_S32 (*Compare)(...);  // offset 40
 *     VO_U32 (*Move)(...);     // offset 48
 * } VO_MEM_OPERATOR;           // 56 bytes on LP64
 * </pre>
 *
 * The entries are function pointers that are only ever called by native code, so they are mapped
 * as plain {@link Pointer}s.
 */
@Structure.FieldOrder({"Alloc", "Free", "Set", "Copy", "Check", "Compare", "Move"})
public class VoMemOperator extends Structure {
    /** {@code cmnMemAlloc}. */
    public Pointer Alloc;
    /** {@code cmnMemFree}. */
    public Pointer Free;
    /** {@code cmnMemSet}. */
    public Pointer Set;
    /** {@code cmnMemCopy}. */
    public Pointer Copy;
    /** {@code cmnMemCheck}. */
    public Pointer Check;
    /** {@code cmnMemCompare}. */
    public Pointer Compare;
    /** {@code cmnMemMove}. */
    public Pointer Move;

    /** An empty table in its own native memory. */
    public VoMemOperator() {
        super();
    }
}
