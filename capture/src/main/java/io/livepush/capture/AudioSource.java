package io.livepush.capture;

import java.io.IOException;

/**
 * Something that produces raw audio: a tone, a WAV file, a microphone.
 *
 * <p>Pull model, like {@link VideoSource}: one thread calls {@link #read()} in a loop; a real-time
 * source blocks until the next block of samples is due.
 */
public interface AudioSource extends AutoCloseable {
    /** @return the sample rate and channel count this source produces */
    AudioFormat format();

    /**
     * @return the next block of samples, or {@code null} when the source has ended
     * @throws IOException when the device or file fails
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    AudioFrame read() throws IOException, InterruptedException;

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
