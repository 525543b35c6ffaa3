package io.livepush.capture.audio;

import io.livepush.capture.AudioFormat;

/**
 * One open native capture stream (a Pulse connection or an ALSA PCM): blocking reads of
 * interleaved s16 PCM in the device's format. Used by one thread, the capture thread, which also
 * closes it.
 */
interface CaptureStream extends AutoCloseable {
    /** @return the format the device delivers */
    AudioFormat format();

    /** @return the device name as opened */
    String device();

    /**
     * Reads exactly {@code frames} sample frames, blocking until they are there.
     *
     * @param into receives {@code frames * channels} samples
     * @param frames sample frames to read
     * @throws AudioDeviceException when the device or server fails (the stream is then unusable)
     */
    void read(short[] into, int frames) throws AudioDeviceException;

    /** @return how long samples wait in the device/server before {@link #read} returns them, in microseconds, or 0 */
    long latencyUs();

    /** Frees the native stream; idempotent. */
    @Override
    void close();
}
