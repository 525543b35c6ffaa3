package io.livepush.capture.wav;

import java.io.IOException;

/** A file is not a RIFF/WAVE file LivePush can read; the message says what was found and what is allowed. */
public class WavFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what was found and what is allowed */
    public WavFormatException(String message) {
        super(message);
    }
}
