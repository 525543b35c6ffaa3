package io.livepush.publisher.stream;

import java.util.List;

/**
 * A snapshot of a running {@link LiveStream}, taken once a second. Figures without a destination
 * in their name are those of the first destination (the one that leads the bitrate).
 *
 * @param uptimeMs milliseconds since {@link LiveStream#start()}
 * @param fpsIn raw frames per second delivered by the video source over the last second
 * @param fpsOut video frames per second sent to the first destination over the last second
 * @param kbps bits per second (in thousands) written to all connections over the last second
 * @param queueMs media time waiting in the first destination's send queue
 * @param droppedFrames video frames dropped so far: before encoding (encoder too slow) plus by the
 *     first destination's congestion rules (link too slow)
 * @param framesSent video frames sent to the first destination so far
 * @param bytesSent bytes written on the current connections
 * @param videoBitrateBps the video encoder's current target bitrate (lowered under congestion)
 * @param rttMs round-trip time to the first destination from its acknowledgements, -1 before one came
 * @param reconnects successful reconnections of all destinations so far
 * @param audioDroppedWhileDisconnected audio frames dropped while a destination had no connection
 *     (audio is never dropped while connected)
 * @param destinations each destination's own figures, in the configured order
 */
public record LiveStreamStats(long uptimeMs, double fpsIn, double fpsOut, double kbps, long queueMs,
        long droppedFrames, long framesSent, long bytesSent, int videoBitrateBps, long rttMs, long reconnects,
        long audioDroppedWhileDisconnected, List<DestinationStats> destinations) {

    /**
     * Copies the list of destinations.
     *
     * @param uptimeMs milliseconds since {@link LiveStream#start()}
     * @param fpsIn raw frames per second delivered by the video source over the last second
     * @param fpsOut video frames per second sent to the first destination over the last second
     * @param kbps bits per second (in thousands) written to all connections over the last second
     * @param queueMs media time waiting in the first destination's send queue
     * @param droppedFrames video frames dropped so far: before encoding (encoder too slow) plus by the first
     *     destination's congestion rules (link too slow)
     * @param framesSent video frames sent to the first destination so far
     * @param bytesSent bytes written on the current connections
     * @param videoBitrateBps the video encoder's current target bitrate (lowered under congestion)
     * @param rttMs round-trip time to the first destination from its acknowledgements, -1 before one came
     * @param reconnects successful reconnections of all destinations so far
     * @param audioDroppedWhileDisconnected audio frames dropped while a destination had no connection (audio is never
     *     dropped while connected)
     * @param destinations each destination's own figures, in the configured order
     */
    public LiveStreamStats {
        destinations = List.copyOf(destinations);
    }

    /** @return a one-line summary, as the CLI prints it */
    public String toStatusLine() {
        StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%6.1fs  fps in %5.1f out %5.1f  %7.1f kbps  queue %4d ms  dropped %d  video %d kbps",
                uptimeMs / 1000.0, fpsIn, fpsOut, kbps, queueMs, droppedFrames, videoBitrateBps / 1000));
        if (rttMs >= 0) {
            line.append("  rtt ").append(rttMs).append(" ms");
        }
        for (DestinationStats d : destinations) {
            if (d.state() != DestinationState.PUBLISHING) {
                line.append("  [").append(d.url()).append(' ').append(d.state()).append(']');
            }
        }
        return line.toString();
    }
}
