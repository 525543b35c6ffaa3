package io.livepush.publisher.amf;

import io.livepush.publisher.ProtocolException;

/**
 * Bytes that are not a valid or supported AMF0 encoding (Adobe "Action Message Format -- AMF 0",
 * section 2): a truncated value, a declared length larger than the bytes that follow, nesting
 * deeper than {@link Amf0Reader#MAX_DEPTH}, or a type marker this reader does not support.
 *
 * <p>Checked (it is a {@link ProtocolException}, hence an {@link java.io.IOException}): it is
 * thrown only by {@link Amf0Reader}, for input that came from a peer, so callers must decide what a
 * malformed command means for their connection. Writing bad Java values is a programming error and
 * raises {@link IllegalArgumentException} instead.
 */
public final class Amf0Exception extends ProtocolException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was found, at which offset, and what was expected
     */
    public Amf0Exception(String message) {
        super(message);
    }

    /**
     * @param message what was found, at which offset, and what was expected
     * @param cause the underlying failure
     */
    public Amf0Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
