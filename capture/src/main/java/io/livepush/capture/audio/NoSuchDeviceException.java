package io.livepush.capture.audio;

/** The backend answered that the named device does not exist; the caller lists the ones that do. */
final class NoSuchDeviceException extends AudioDeviceException {
    private static final long serialVersionUID = 1L;

    NoSuchDeviceException(String message) {
        super(message);
    }
}
