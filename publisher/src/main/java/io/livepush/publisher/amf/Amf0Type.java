package io.livepush.publisher.amf;

/**
 * The AMF0 type markers (Adobe "Action Message Format -- AMF 0", section 2.1): the one byte that
 * precedes every value and tells how the bytes after it are laid out.
 */
public enum Amf0Type {
    /** 0x00: IEEE-754 double, big-endian (section 2.2). */
    NUMBER(0x00),
    /** 0x01: one byte, 0 = false, anything else = true (section 2.3). */
    BOOLEAN(0x01),
    /** 0x02: u16 byte length, then UTF-8 (section 2.4). */
    STRING(0x02),
    /** 0x03: properties, then the object-end marker (section 2.5). */
    OBJECT(0x03),
    /** 0x04: reserved, not supported (section 2.6). */
    MOVIECLIP(0x04),
    /** 0x05: null (section 2.7). */
    NULL(0x05),
    /** 0x06: undefined (section 2.8). */
    UNDEFINED(0x06),
    /** 0x07: u16 index of an earlier complex value in the same message (section 2.9). */
    REFERENCE(0x07),
    /** 0x08: u32 associative-count, properties, object-end marker (section 2.10). */
    ECMA_ARRAY(0x08),
    /** 0x09: ends an object, ECMA array or typed object; preceded by an empty key 00 00 (section 2.11). */
    OBJECT_END(0x09),
    /** 0x0A: u32 count, then that many values (section 2.12). */
    STRICT_ARRAY(0x0A),
    /** 0x0B: double milliseconds since the epoch (UTC), then s16 time zone, reserved 0 (section 2.13). */
    DATE(0x0B),
    /** 0x0C: u32 byte length, then UTF-8 (section 2.14). */
    LONG_STRING(0x0C),
    /** 0x0D: a value that could not be serialized (section 2.15); not supported. */
    UNSUPPORTED(0x0D),
    /** 0x0E: reserved, not supported (section 2.16). */
    RECORDSET(0x0E),
    /** 0x0F: XML document as a long string (section 2.17); not supported. */
    XML_DOCUMENT(0x0F),
    /** 0x10: u16 class name, properties, object-end marker (section 2.18). */
    TYPED_OBJECT(0x10),
    /** 0x11: switch to AMF3 for the next value (section 3.1); not supported. */
    AVMPLUS_OBJECT(0x11);

    private static final Amf0Type[] BY_MARKER = values();

    private final int marker;

    Amf0Type(int marker) {
        this.marker = marker;
    }

    /** @return the type marker byte, 0x00..0x11 */
    public int marker() {
        return marker;
    }

    /**
     * @param marker a type marker byte as read (0..255)
     * @return the type, or {@code null} when the byte is not an AMF0 type marker
     */
    public static Amf0Type ofMarker(int marker) {
        return marker >= 0 && marker < BY_MARKER.length ? BY_MARKER[marker] : null;
    }
}
