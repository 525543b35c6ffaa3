package io.livepush.capture.camera;

import java.io.IOException;

/**
 * A camera that cannot be opened, configured or read, with the reason as an enum so callers can act
 * on it (ask the user to close another program, pick another device) and a message that says what
 * was asked and what the device supports.
 */
public final class CameraException extends IOException {
    /** Why the camera failed. */
    public enum Reason {
        /** No such device node. */
        NOT_FOUND,
        /** Another program is streaming from it ({@code EBUSY}). */
        BUSY,
        /** No permission to open it ({@code EACCES}; add the user to group {@code video}). */
        PERMISSION_DENIED,
        /** The node exists but is not a streaming video capture device. */
        NOT_A_CAMERA,
        /** It cannot deliver what was asked (size, pixel format); the message lists what it can. */
        UNSUPPORTED,
        /** It was unplugged while streaming ({@code ENODEV}). */
        LOST,
        /** Any other device error; the message carries the errno name. */
        DEVICE_ERROR
    }

    /** Why the camera failed, never null; serialized with the message. */
    private final Reason reason;

    /**
     * @param reason why
     * @param message what was asked and what the device supports
     */
    public CameraException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * @param reason why
     * @param message what was asked and what the device supports
     * @param cause the underlying error
     */
    public CameraException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return why the camera failed */
    public Reason reason() {
        return reason;
    }
}
