package io.livepush.encoder;

/**
 * No encoder backend of the requested kind can run on this machine. The message names what to
 * install.
 */
public class EncoderUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is missing and how to install it */
    public EncoderUnavailableException(String message) {
        super(message);
    }
}
