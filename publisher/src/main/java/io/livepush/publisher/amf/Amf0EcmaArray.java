package io.livepush.publisher.amf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AMF0 ECMA array (type marker 0x08, AMF0 section 2.10): an associative array written as a
 * u32 associative-count, then the properties (UTF-8 key with u16 length, then a value), then the
 * object-end marker {@code 00 00 09}. FLV {@code onMetaData} and RTMP {@code @setDataFrame} carry
 * their fields in one.
 *
 * <p>It is a {@link LinkedHashMap}, so properties keep the order in which they were put, and that
 * is the order in which {@link Amf0Writer} writes them. A plain {@link Map} is written as an AMF0
 * object (0x03) instead; wrap it with {@link #Amf0EcmaArray(Map)} to get an ECMA array.
 *
 * <p>When reading, the associative-count is treated as a hint only (encoders in the wild write 0
 * or a wrong count): {@link Amf0Reader} reads properties until the object-end marker.
 */
public final class Amf0EcmaArray extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;

    /** Creates an empty ECMA array. */
    public Amf0EcmaArray() {
        super();
    }

    /**
     * Creates an ECMA array holding the entries of {@code entries}, in its iteration order.
     *
     * @param entries the properties to copy
     */
    public Amf0EcmaArray(Map<String, ?> entries) {
        super(entries);
    }
}
