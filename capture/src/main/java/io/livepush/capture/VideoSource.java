package io.livepush.capture;

import java.io.IOException;

/**
 * Something that produces raw video frames: a test pattern, a file, a camera, a screen.
 *
 * <p>Pull model: the pipeline's capture thread calls {@link #read()} in a loop. A real-time source
 * blocks until its next frame is due (or captured); a file source can be read as fast as wanted
 * or paced, as it was configured. Only one thread calls {@code read()}.
 */
public interface VideoSource extends AutoCloseable {
    /** @return the size and nominal rate of the frames this source produces */
    VideoFormat format();

    /**
     * Returns the next frame, which the caller owns (one reference) and must release.
     *
     * @return the frame, or {@code null} when the source has ended
     * @throws IOException when the device or file fails
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    VideoFrame read() throws IOException, InterruptedException;

    /**
     * Sets who is told of errors this source recovers from by itself (see {@link SourceErrorListener}).
     * Sources that cannot recover from anything ignore it; errors they cannot recover from are thrown
     * from {@link #read()}. Call before the first {@code read()}.
     *
     * @param listener who is told, or {@code null} for no one
     */
    default void setErrorListener(SourceErrorListener listener) {
    }

    /** Stops the source and frees its resources; idempotent. */
    @Override
    void close();
}
