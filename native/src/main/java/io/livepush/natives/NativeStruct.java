package io.livepush.natives;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * A JNA {@link Structure} that tells where its fields lie, so hot paths can read and write single
 * fields of its native memory with {@link Pointer#getInt(long)} and friends instead of
 * {@link Structure#read()}/{@link Structure#write()}, which copy every field through reflection.
 *
 * <p>Bindings map C {@code bool} to {@code byte} (JNA would map a Java {@code boolean} to 4 bytes),
 * C enums to {@code int}, {@code unsigned short} to {@code short} and {@code long long} to
 * {@code long}; each binding's layout test compares {@link #size()} and every {@link #offsetOf}
 * with what the C compiler says.
 */
public abstract class NativeStruct extends Structure {
    /** A struct backed by memory JNA allocates (freed when the struct is garbage collected). */
    protected NativeStruct() {
        super();
    }

    /**
     * A struct over existing native memory, e.g. a {@link com.sun.jna.Memory} its owner frees.
     *
     * @param memory native memory of at least {@code size()} bytes, owned and freed by the caller
     */
    protected NativeStruct(Pointer memory) {
        super(memory);
    }

    /**
     * @param field a field name as declared (the C member name)
     * @return the field's byte offset from the start of the struct
     * @throws IllegalArgumentException for an unknown field
     */
    public int offsetOf(String field) {
        return fieldOffset(field);
    }

    /**
     * @param type a struct type with a public no-argument constructor
     * @return the C {@code sizeof} of a struct type, for allocating its memory yourself (unlike
     *     {@code Native.getNativeSize(Class)}, which gives a pointer's size for a by-reference struct)
     */
    public static int sizeOf(Class<? extends Structure> type) {
        return Structure.newInstance(type).size();
    }

    /** @return the field names in layout order (the C member order) */
    public java.util.List<String> fieldNames() {
        return getFieldOrder();
    }
}
