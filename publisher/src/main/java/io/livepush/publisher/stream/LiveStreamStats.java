package io.livepush.publisher.stream;

/**
 * A snapshot of a running {@link LiveStream}, taken once a second.
 *
 * @param uptimeMs milliseconds since {@link LiveStream#start()}
 * @param fpsIn raw frames per second delivered by the video source over the last second
 * @param fpsOut video frames per second sent to the ingest over the last second
 * @param kbps bits per second (in thousands) written to the connection over the last second
 * @param queueMs media time waiting in the send queue
 * @param droppedFrames video frames dropped so far: before encoding (encoder too slow) plus by
 *     congestion control (link too slow)
 * @param framesSent video frames sent so far
 * @param bytesSent bytes written to the connection so far
 */
public record LiveStreamStats(long uptimeMs, double fpsIn, double fpsOut, double kbps, long queueMs,
        long droppedFrames, long framesSent, long bytesSent) {

    /** @return a one-line summary, as the CLI prints it */
    public String toStatusLine() {
        return String.format(java.util.Locale.ROOT, "%6.1fs  fps in %5.1f out %5.1f  %7.1f kbps  queue %4d ms  dropped %d",
                uptimeMs / 1000.0, fpsIn, fpsOut, kbps, queueMs, droppedFrames);
    }
}
