package io.livepush.publisher.rtmp.chunk;

/**
 * When to send an Acknowledgement (Adobe RTMP 1.0, §5.4.3 and §5.4.4): each time the bytes received since the
 * last acknowledgement reach the window the peer announced with Window Acknowledgement Size. Until the peer
 * announces one, no acknowledgements are sent. Not thread-safe: owned by one connection handler on its event loop.
 */
public final class AcknowledgementWindow {

    private long windowSize;
    private long lastAcknowledged;

    /**
     * @param windowSize the peer's window in bytes, 1..0xFFFFFFFF
     */
    public void windowSize(long windowSize) {
        if (windowSize < 1 || windowSize > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("window acknowledgement size is " + windowSize
                    + " (expected 1..4294967295)");
        }
        this.windowSize = windowSize;
    }

    /** @return the peer's window, or 0 when not announced yet */
    public long windowSize() {
        return windowSize;
    }

    /**
     * @param totalReceived bytes received on the connection so far
     * @return the sequence number to acknowledge (bytes received modulo 2<sup>32</sup>), or -1 when no
     *         acknowledgement is due yet
     */
    public long acknowledgementDue(long totalReceived) {
        if (windowSize == 0 || totalReceived - lastAcknowledged < windowSize) {
            return -1;
        }
        lastAcknowledged = totalReceived;
        return totalReceived & 0xFFFFFFFFL;
    }
}
