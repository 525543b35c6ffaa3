package io.livepush.examples.cli;

import io.livepush.publisher.stream.LiveStream;
import java.time.Duration;

/**
 * Sends the CLI's SEI payload on the stream: once at the start, or every {@code --sei-every}. When
 * the stream refuses a payload (the video file ended, the stream closed), the reason goes to
 * standard error once and no more payloads are sent.
 */
final class SeiTicker {
    private final LiveStream stream;
    private final byte[] payload;
    private final long everyNanos;
    private long nextNanos = System.nanoTime();
    private int sent;
    private boolean refused;

    SeiTicker(LiveStream stream, byte[] payload, Duration every) {
        this.stream = stream;
        this.payload = payload;
        this.everyNanos = every == null ? 0 : every.toNanos();
    }

    /** Sends the payload when it is due; call often. */
    void tick() {
        if (payload == null || refused || (everyNanos == 0 && sent > 0) || System.nanoTime() < nextNanos) {
            return;
        }
        try {
            stream.sendSei(payload);
        } catch (IllegalStateException e) {
            refused = true;
            System.err.println("livepush: SEI not sent, and no more will be: " + e.getMessage());
            return;
        }
        sent++;
        nextNanos += everyNanos;
    }

    /** @return how many payloads were sent */
    int sent() {
        return sent;
    }
}
