package io.livepush.capture.webrtc;

import io.livepush.capture.VideoFrame;
import java.util.concurrent.TimeUnit;

/**
 * Hands frames from a capture callback thread to the {@code read()} thread, keeping only the newest:
 * when the reader is slower than the device, the older frame is released and counted as dropped, so
 * latency never builds up. Thread-safe.
 */
final class LatestFrame {
    private VideoFrame frame;
    private long dropped;
    private boolean closed;

    /** Offers a frame (taking over its reference); releases the one it replaces, or this one when closed. */
    synchronized void offer(VideoFrame f) {
        if (closed) {
            f.release();
            return;
        }
        if (frame != null) {
            frame.release();
            dropped++;
        }
        frame = f;
        notifyAll();
    }

    /**
     * @return the newest frame (the caller owns it), or null on timeout or when closed
     * @throws InterruptedException when interrupted while waiting
     */
    synchronized VideoFrame take(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (frame == null && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        VideoFrame f = frame;
        frame = null;
        return f;
    }

    /** @return how many frames were replaced before being read */
    synchronized long dropped() {
        return dropped;
    }

    /** Releases the pending frame; later offers are released at once. */
    synchronized void close() {
        closed = true;
        if (frame != null) {
            frame.release();
            frame = null;
        }
        notifyAll();
    }
}
