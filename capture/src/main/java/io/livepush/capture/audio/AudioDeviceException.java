package io.livepush.capture.audio;

import java.io.IOException;

/**
 * A capture device could not be opened or read for a reason other than bad input: no sound
 * server, no library, the device failed. The message names the backend, the device and the
 * native error text.
 */
public class AudioDeviceException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed */
    public AudioDeviceException(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause the underlying error
     */
    public AudioDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
