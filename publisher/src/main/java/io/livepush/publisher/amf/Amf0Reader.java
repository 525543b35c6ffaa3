package io.livepush.publisher.amf;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes AMF0 values (Adobe "Action Message Format -- AMF 0", section 2) into Java values; the
 * inverse of {@link Amf0Writer}. Stateless and thread-safe.
 *
 * <table>
 * <caption>AMF0 to Java</caption>
 * <tr><th>AMF0</th><th>Java</th></tr>
 * <tr><td>number 0x00</td><td>{@link Double}</td></tr>
 * <tr><td>boolean 0x01</td><td>{@link Boolean} (any non-zero byte is true)</td></tr>
 * <tr><td>string 0x02, long string 0x0C</td><td>{@link String} (malformed UTF-8 becomes U+FFFD)</td></tr>
 * <tr><td>object 0x03</td><td>{@link LinkedHashMap}{@code <String, Object>}, in wire order</td></tr>
 * <tr><td>null 0x05</td><td>{@code null}</td></tr>
 * <tr><td>undefined 0x06</td><td>{@link Amf0Undefined#INSTANCE}</td></tr>
 * <tr><td>reference 0x07</td><td>the same Java instance as the earlier complex value it names</td></tr>
 * <tr><td>ECMA array 0x08</td><td>{@link Amf0EcmaArray} (the count is a hint; read to the end marker)</td></tr>
 * <tr><td>strict array 0x0A</td><td>{@link ArrayList}</td></tr>
 * <tr><td>date 0x0B</td><td>{@link Instant} (the time-zone field is ignored, as the spec says)</td></tr>
 * <tr><td>typed object 0x10</td><td>{@link Amf0TypedObject}</td></tr>
 * </table>
 *
 * <p>Movieclip 0x04, unsupported 0x0D, recordset 0x0E, XML document 0x0F and the AMF3 switch 0x11
 * are rejected with an {@link Amf0Exception} naming the marker, as is any byte above 0x11 and an
 * object-end marker where a value should be.
 *
 * <p><b>Hostile input.</b> The reader is meant for bytes from an untrusted peer. Every declared
 * length is checked against {@link ByteBuf#readableBytes()} before anything is allocated; a strict
 * array may not declare more elements than bytes remain; containers may nest at most
 * {@link #MAX_DEPTH} levels; one call reads at most {@link #MAX_VALUES} values; a reference may
 * only name a complex value that is already complete (so no cycles can be built). Every failure is
 * an {@link Amf0Exception} (checked) whose message gives the offset; never an
 * {@link IndexOutOfBoundsException}. When a call fails, the buffer's reader index is left where it
 * was before the call.
 *
 * <p>References (0x07) index the objects, ECMA arrays, strict arrays and typed objects of one
 * {@link #read} or {@link #readAll} call, in the order they start, from 0.
 */
public final class Amf0Reader {
    /** Deepest nesting of objects and arrays accepted; the top-level value is at depth 0. */
    public static final int MAX_DEPTH = 64;
    /** Most values (including nested ones and property values) one call reads. */
    public static final int MAX_VALUES = 1 << 20;

    private Amf0Reader() {
    }

    /**
     * Reads one value and advances the reader index past it.
     *
     * @param in the bytes, starting at a type marker
     * @return the value, mapped as in the class description
     * @throws Amf0Exception if the bytes are not one complete, supported AMF0 value
     */
    public static Object read(ByteBuf in) throws Amf0Exception {
        int start = in.readerIndex();
        try {
            return new Context(in).value(0);
        } catch (Amf0Exception e) {
            in.readerIndex(start);
            throw e;
        }
    }

    /**
     * Reads values until the buffer has no readable bytes left, as for the body of an RTMP command
     * or data message. References may point to complex values read earlier in the same call.
     *
     * @param in the bytes, starting at a type marker
     * @return the values in order (an empty list for an empty buffer)
     * @throws Amf0Exception if the bytes are not a sequence of complete, supported AMF0 values
     */
    public static List<Object> readAll(ByteBuf in) throws Amf0Exception {
        int start = in.readerIndex();
        try {
            Context ctx = new Context(in);
            List<Object> values = new ArrayList<>();
            while (in.isReadable()) {
                values.add(ctx.value(0));
            }
            return values;
        } catch (Amf0Exception e) {
            in.readerIndex(start);
            throw e;
        }
    }

    /** The state of one read call: the buffer, the reference table and the value budget. */
    private static final class Context {
        /** The ECMAScript Date range, in milliseconds either side of the epoch. */
        private static final double MAX_DATE_MS = 8.64e15;

        private final ByteBuf in;
        private final List<Object> complex = new ArrayList<>();
        private final List<Boolean> complete = new ArrayList<>();
        private int values;

        Context(ByteBuf in) {
            this.in = in;
        }

        Object value(int depth) throws Amf0Exception {
            if (++values > MAX_VALUES) {
                throw new Amf0Exception("AMF0 input holds more than " + MAX_VALUES + " values");
            }
            int at = in.readerIndex();
            need(1, "type marker");
            int marker = in.readUnsignedByte();
            Amf0Type type = Amf0Type.ofMarker(marker);
            if (type == null) {
                throw new Amf0Exception(String.format(
                        "unknown AMF0 type marker 0x%02X at offset %d (expected 0x00..0x10)", marker, at));
            }
            switch (type) {
                case NUMBER:
                    need(8, "number");
                    return in.readDouble();
                case BOOLEAN:
                    need(1, "boolean");
                    return in.readByte() != 0;
                case STRING:
                    need(2, "string length");
                    return utf8(in.readUnsignedShort(), "string");
                case LONG_STRING:
                    need(4, "long string length");
                    return utf8(in.readUnsignedInt(), "long string");
                case NULL:
                    return null;
                case UNDEFINED:
                    return Amf0Undefined.INSTANCE;
                case REFERENCE:
                    return reference(at);
                case OBJECT:
                    return properties(new LinkedHashMap<>(), depth, at);
                case ECMA_ARRAY:
                    need(4, "ECMA array count");
                    in.skipBytes(4); // associative-count: a hint only, see Amf0EcmaArray
                    return properties(new Amf0EcmaArray(), depth, at);
                case TYPED_OBJECT:
                    need(2, "typed object class name length");
                    return properties(new Amf0TypedObject(utf8(in.readUnsignedShort(), "class name")), depth, at);
                case STRICT_ARRAY:
                    return strictArray(depth, at);
                case DATE:
                    return date(at);
                case OBJECT_END:
                    throw new Amf0Exception("unexpected AMF0 object-end marker 0x09 at offset " + at
                            + " (expected a value)");
                default:
                    throw new Amf0Exception(String.format("unsupported AMF0 type marker 0x%02X (%s) at offset %d",
                            marker, describe(type), at));
            }
        }

        private static String describe(Amf0Type type) {
            switch (type) {
                case AVMPLUS_OBJECT:
                    return "AMF3 switch";
                case XML_DOCUMENT:
                    return "XML document";
                case MOVIECLIP:
                    return "movieclip, reserved";
                case RECORDSET:
                    return "recordset, reserved";
                default:
                    return "unsupported value";
            }
        }

        private void need(long n, String what) throws Amf0Exception {
            if (in.readableBytes() < n) {
                throw new Amf0Exception("truncated AMF0 " + what + " at offset " + in.readerIndex() + ": needs " + n
                        + " bytes, " + in.readableBytes() + " remain");
            }
        }

        private String utf8(long length, String what) throws Amf0Exception {
            need(length, what + " of " + length + " bytes");
            String s = in.toString(in.readerIndex(), (int) length, StandardCharsets.UTF_8);
            in.skipBytes((int) length);
            return s;
        }

        private Object reference(int at) throws Amf0Exception {
            need(2, "reference index");
            int index = in.readUnsignedShort();
            if (index >= complex.size()) {
                throw new Amf0Exception("AMF0 reference at offset " + at + " names object " + index + " (expected 0.."
                        + (complex.size() - 1) + ", the complex values read so far)");
            }
            if (!complete.get(index)) {
                throw new Amf0Exception("AMF0 reference at offset " + at + " names object " + index
                        + ", which is still being read (cyclic references are not supported)");
            }
            return complex.get(index);
        }

        private int register(Object container, int depth, int at) throws Amf0Exception {
            if (depth >= MAX_DEPTH) {
                throw new Amf0Exception("AMF0 value at offset " + at + " nests deeper than " + MAX_DEPTH + " levels");
            }
            complex.add(container);
            complete.add(Boolean.FALSE);
            return complex.size() - 1;
        }

        private <M extends Map<String, Object>> M properties(M map, int depth, int at) throws Amf0Exception {
            int slot = register(map, depth, at);
            while (true) {
                need(2, "property key length");
                int keyLength = in.readUnsignedShort();
                if (keyLength == 0) {
                    need(1, "object-end marker");
                    if (in.getUnsignedByte(in.readerIndex()) == Amf0Type.OBJECT_END.marker()) {
                        in.skipBytes(1);
                        complete.set(slot, Boolean.TRUE);
                        return map;
                    }
                }
                String key = utf8(keyLength, "property key");
                map.put(key, value(depth + 1));
            }
        }

        private List<Object> strictArray(int depth, int at) throws Amf0Exception {
            need(4, "strict array count");
            long count = in.readUnsignedInt();
            if (count > in.readableBytes()) {
                throw new Amf0Exception("AMF0 strict array at offset " + at + " declares " + count
                        + " elements but only " + in.readableBytes() + " bytes remain (each element needs at least 1)");
            }
            List<Object> list = new ArrayList<>((int) Math.min(count, 1024));
            int slot = register(list, depth, at);
            for (long i = 0; i < count; i++) {
                list.add(value(depth + 1));
            }
            complete.set(slot, Boolean.TRUE);
            return list;
        }

        private Instant date(int at) throws Amf0Exception {
            need(10, "date");
            double ms = in.readDouble();
            in.skipBytes(2); // time-zone: reserved, ignored (section 2.13)
            if (!(Math.abs(ms) <= MAX_DATE_MS)) {
                throw new Amf0Exception("AMF0 date at offset " + at + " is " + ms
                        + " ms (expected a finite value within +-8.64e15 ms of the epoch)");
            }
            double whole = Math.floor(ms);
            long nanos = Math.round((ms - whole) * 1_000_000d);
            return Instant.ofEpochMilli((long) whole).plusNanos(nanos);
        }
    }
}
