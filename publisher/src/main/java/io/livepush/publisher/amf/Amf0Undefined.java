package io.livepush.publisher.amf;

/**
 * The AMF0 {@code undefined} value (type marker 0x06, AMF0 section 2.8), distinct from
 * {@code null} (0x05). {@link Amf0Writer} writes {@link #INSTANCE} as 0x06 and
 * {@link Amf0Reader} returns it for 0x06.
 */
public enum Amf0Undefined {
    /** The single undefined value. */
    INSTANCE
}
