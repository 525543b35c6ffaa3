package io.livepush.publisher.amf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An AMF0 typed object (type marker 0x10, AMF0 section 2.18): a class name (UTF-8 with u16
 * length) followed by properties like an anonymous object and the object-end marker. RTMP
 * publishers rarely meet one; it is supported so that a server's reply that contains one can
 * still be read. The properties are this map's entries, in order.
 */
public final class Amf0TypedObject extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;

    /** The registered class name, written before the properties. */
    private final String className;

    /**
     * @param className the registered class name, at most 65535 bytes of UTF-8
     */
    public Amf0TypedObject(String className) {
        this.className = Objects.requireNonNull(className, "className");
    }

    /**
     * @param className the registered class name, at most 65535 bytes of UTF-8
     * @param entries the properties to copy, in their iteration order
     */
    public Amf0TypedObject(String className, Map<String, ?> entries) {
        super(entries);
        this.className = Objects.requireNonNull(className, "className");
    }

    /** @return the class name written before the properties */
    public String className() {
        return className;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amf0TypedObject other && className.equals(other.className) && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * className.hashCode() + super.hashCode();
    }

    @Override
    public String toString() {
        return className + super.toString();
    }
}
