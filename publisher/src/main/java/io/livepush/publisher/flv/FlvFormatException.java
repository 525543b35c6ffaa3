package io.livepush.publisher.flv;

import io.livepush.publisher.ProtocolException;

/**
 * Bytes that break the FLV format (FLV v10.1 spec, annex E): a bad file header, a truncated tag, a
 * PreviousTagSize that does not match the tag before it, or a tag body whose fields contradict its
 * length. The message gives the byte offset where known, what was found and what was expected.
 */
public final class FlvFormatException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was found, where, and what was expected
     */
    public FlvFormatException(String message) {
        super(message);
    }
}
