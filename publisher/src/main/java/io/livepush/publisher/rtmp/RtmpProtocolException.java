package io.livepush.publisher.rtmp;

import io.livepush.publisher.ProtocolException;

/**
 * The peer broke the RTMP protocol (Adobe RTMP 1.0): a malformed chunk or message, a value outside what the spec
 * or our limits allow, or a message that makes no sense in the current state. The connection is closed.
 */
public class RtmpProtocolException extends ProtocolException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was received and what is allowed
     */
    public RtmpProtocolException(String message) {
        super(message);
    }

    /**
     * @param message what was received and what is allowed
     * @param cause   the underlying failure
     */
    public RtmpProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
