package io.livepush.publisher;

import java.io.IOException;

/**
 * A peer or a file broke a wire format that the publisher speaks (AMF0, FLV, RTMP): the bytes
 * received cannot be what the specification allows. The root of the publisher's typed protocol
 * errors; each layer adds its own subclass (for example {@code Amf0Exception},
 * {@code FlvFormatException}).
 *
 * <p>It is an {@link IOException} because it always arises while reading from a connection or a
 * file, and callers that already handle I/O failures handle it too. Messages say what was found
 * and what was expected; they never contain a stream key in full.
 */
public class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was found and what the specification allows
     */
    public ProtocolException(String message) {
        super(message);
    }

    /**
     * @param message what was found and what the specification allows
     * @param cause the underlying failure
     */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
