package io.livepush.publisher.amf;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Encodes Java values as AMF0 (Adobe "Action Message Format -- AMF 0", section 2). Stateless and
 * thread-safe; it never writes AMF0 references, so every value is written in full.
 *
 * <table>
 * <caption>Java to AMF0</caption>
 * <tr><th>Java</th><th>AMF0</th></tr>
 * <tr><td>any {@link Number}</td><td>number 0x00 (its {@code doubleValue()})</td></tr>
 * <tr><td>{@link Boolean}</td><td>boolean 0x01</td></tr>
 * <tr><td>{@link CharSequence}</td><td>string 0x02, or long string 0x0C when its UTF-8 is over 65535 bytes</td></tr>
 * <tr><td>{@code null}</td><td>null 0x05</td></tr>
 * <tr><td>{@link Amf0Undefined#INSTANCE}</td><td>undefined 0x06</td></tr>
 * <tr><td>{@link Amf0EcmaArray}</td><td>ECMA array 0x08</td></tr>
 * <tr><td>{@link Amf0TypedObject}</td><td>typed object 0x10</td></tr>
 * <tr><td>any other {@code Map<String, ?>}</td><td>object 0x03</td></tr>
 * <tr><td>{@link List}</td><td>strict array 0x0A</td></tr>
 * <tr><td>{@link Instant}, {@link Date}</td><td>date 0x0B (milliseconds, time zone 0)</td></tr>
 * </table>
 *
 * <p>Property keys are UTF-8 with a u16 length and no type marker. Strings are encoded with
 * Netty's UTF-8 encoder (an unpaired surrogate becomes {@code '?'}), and {@link #sizeOf} counts
 * exactly what {@link #write} writes, so callers can allocate once. Any other type, a key that is
 * not a {@link String} or longer than 65535 bytes, or nesting deeper than
 * {@link Amf0Reader#MAX_DEPTH} (for example a map that contains itself) raise
 * {@link IllegalArgumentException}; nothing is written when the value is rejected by
 * {@link #sizeOf}, which {@link #write} runs first.
 */
public final class Amf0Writer {
    private static final int MAX_U16 = 0xFFFF;
    /** Empty key (u16 0) then the object-end marker 0x09. */
    private static final int OBJECT_END_SIZE = 3;

    private Amf0Writer() {
    }

    /**
     * Writes one value, type marker first.
     *
     * @param out the buffer to append to; it is grown as needed
     * @param value a value of one of the supported types
     * @throws IllegalArgumentException if the value (or a nested one) cannot be written as AMF0
     */
    public static void write(ByteBuf out, Object value) {
        int size = sizeOf(value);
        out.ensureWritable(size);
        int start = out.writerIndex();
        writeValue(out, value);
        assert out.writerIndex() - start == size : "sizeOf disagrees with write";
    }

    /**
     * Writes the values one after the other, as in an RTMP command message
     * ({@code "connect", 1.0, {...}}).
     *
     * @param out the buffer to append to
     * @param values the values, each of a supported type
     * @throws IllegalArgumentException if any value cannot be written; then nothing is written
     */
    public static void writeAll(ByteBuf out, Object... values) {
        int size = 0;
        for (Object v : values) {
            size += sizeOf(v);
        }
        out.ensureWritable(size);
        for (Object v : values) {
            writeValue(out, v);
        }
    }

    /**
     * @param value a value of one of the supported types
     * @return the exact number of bytes {@link #write} writes for it
     * @throws IllegalArgumentException if the value (or a nested one) cannot be written as AMF0
     */
    public static int sizeOf(Object value) {
        return size(value, 0);
    }

    private static int size(Object value, int depth) {
        if (depth > Amf0Reader.MAX_DEPTH) {
            throw new IllegalArgumentException("AMF0 value nests deeper than " + Amf0Reader.MAX_DEPTH
                    + " levels (a collection that contains itself?)");
        }
        if (value == null || value == Amf0Undefined.INSTANCE) {
            return 1;
        }
        if (value instanceof Number) {
            return 1 + 8;
        }
        if (value instanceof Boolean) {
            return 1 + 1;
        }
        if (value instanceof CharSequence s) {
            int n = ByteBufUtil.utf8Bytes(s);
            return n > MAX_U16 ? 1 + 4 + n : 1 + 2 + n;
        }
        if (value instanceof Instant || value instanceof Date) {
            epochMillis(value);
            return 1 + 8 + 2;
        }
        if (value instanceof Amf0EcmaArray m) {
            return 1 + 4 + propertiesSize(m, depth) + OBJECT_END_SIZE;
        }
        if (value instanceof Amf0TypedObject m) {
            return 1 + keySize(m.className(), "typed object class name") + propertiesSize(m, depth)
                    + OBJECT_END_SIZE;
        }
        if (value instanceof Map<?, ?> m) {
            return 1 + propertiesSize(m, depth) + OBJECT_END_SIZE;
        }
        if (value instanceof List<?> list) {
            int n = 1 + 4;
            for (Object e : list) {
                n += size(e, depth + 1);
            }
            return n;
        }
        throw new IllegalArgumentException("cannot write " + value.getClass().getName()
                + " as AMF0 (expected Number, Boolean, String, null, Amf0Undefined, Map, List, Instant or Date)");
    }

    private static int propertiesSize(Map<?, ?> map, int depth) {
        int n = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("AMF0 property key is "
                        + (e.getKey() == null ? "null" : e.getKey().getClass().getName()) + " (expected String)");
            }
            n += keySize(key, "property key") + size(e.getValue(), depth + 1);
        }
        return n;
    }

    private static int keySize(String key, String what) {
        int n = ByteBufUtil.utf8Bytes(key);
        if (n > MAX_U16) {
            throw new IllegalArgumentException("AMF0 " + what + " is " + n + " bytes of UTF-8 (expected at most 65535)");
        }
        if (n == 0 && what.equals("property key")) {
            // An empty key followed by 0x09 would read as the object end; only the end marker may have one.
            throw new IllegalArgumentException("AMF0 property key is empty (expected at least 1 byte)");
        }
        return 2 + n;
    }

    private static double epochMillis(Object value) {
        if (value instanceof Date d) {
            return d.getTime();
        }
        try {
            return ((Instant) value).toEpochMilli();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("AMF0 date " + value + " is out of the range of epoch milliseconds", e);
        }
    }

    private static void writeValue(ByteBuf out, Object value) {
        if (value == null) {
            out.writeByte(Amf0Type.NULL.marker());
        } else if (value == Amf0Undefined.INSTANCE) {
            out.writeByte(Amf0Type.UNDEFINED.marker());
        } else if (value instanceof Number n) {
            out.writeByte(Amf0Type.NUMBER.marker());
            out.writeDouble(n.doubleValue());
        } else if (value instanceof Boolean b) {
            out.writeByte(Amf0Type.BOOLEAN.marker());
            out.writeByte(b ? 1 : 0);
        } else if (value instanceof CharSequence s) {
            int n = ByteBufUtil.utf8Bytes(s);
            if (n > MAX_U16) {
                out.writeByte(Amf0Type.LONG_STRING.marker());
                out.writeInt(n);
            } else {
                out.writeByte(Amf0Type.STRING.marker());
                out.writeShort(n);
            }
            // reserve exactly n: writeUtf8 alone would grow the buffer to 3 bytes per char
            ByteBufUtil.reserveAndWriteUtf8(out, s, n);
        } else if (value instanceof Instant || value instanceof Date) {
            out.writeByte(Amf0Type.DATE.marker());
            out.writeDouble(epochMillis(value));
            out.writeShort(0); // time-zone: reserved, should be 0x0000 (section 2.13)
        } else if (value instanceof Amf0EcmaArray m) {
            out.writeByte(Amf0Type.ECMA_ARRAY.marker());
            out.writeInt(m.size()); // associative-count
            writeProperties(out, m);
        } else if (value instanceof Amf0TypedObject m) {
            out.writeByte(Amf0Type.TYPED_OBJECT.marker());
            writeKey(out, m.className());
            writeProperties(out, m);
        } else if (value instanceof Map<?, ?> m) {
            out.writeByte(Amf0Type.OBJECT.marker());
            writeProperties(out, m);
        } else {
            List<?> list = (List<?>) value;
            out.writeByte(Amf0Type.STRICT_ARRAY.marker());
            out.writeInt(list.size()); // array-count
            for (Object e : list) {
                writeValue(out, e);
            }
        }
    }

    private static void writeProperties(ByteBuf out, Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            writeKey(out, (String) e.getKey());
            writeValue(out, e.getValue());
        }
        out.writeShort(0); // UTF-8-empty
        out.writeByte(Amf0Type.OBJECT_END.marker());
    }

    private static void writeKey(ByteBuf out, String key) {
        int n = ByteBufUtil.utf8Bytes(key);
        out.writeShort(n);
        ByteBufUtil.reserveAndWriteUtf8(out, key, n);
    }
}
