package io.livepush.cohost.rtc;

/**
 * A WebRTC leg could not do what was asked: webrtc-java rejected a session description or failed
 * to create one, or the leg closed before it connected. Carried by the futures of
 * {@link PublishingLeg#connected()} and {@link ReceivingLeg#connected()}, and thrown where a call
 * fails at once.
 */
public final class RtcLegException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the leg */
    public RtcLegException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the leg
     * @param cause the underlying failure
     */
    public RtcLegException(String message, Throwable cause) {
        super(message, cause);
    }
}
