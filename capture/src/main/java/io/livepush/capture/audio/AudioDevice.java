package io.livepush.capture.audio;

import java.util.Objects;

/**
 * A capture device found by {@link AudioDevices#list()}.
 *
 * @param name what to pass to {@link Microphone.Builder#device(String)}
 * @param description a human-readable label (may equal the name)
 * @param backend the sound system it belongs to ({@link AudioBackend#PULSE} or {@link AudioBackend#ALSA})
 * @param sampleRate the device's native rate in Hz, or 0 when unknown
 * @param channels the device's native channel count, or 0 when unknown
 */
public record AudioDevice(String name, String description, AudioBackend backend, int sampleRate, int channels) {
    /**
     * Validates at once.
     *
     * @param name what to pass to {@link Microphone.Builder#device(String)}
     * @param description a human-readable label (may equal the name)
     * @param backend the sound system it belongs to ({@link AudioBackend#PULSE} or {@link AudioBackend#ALSA})
     * @param sampleRate the device's native rate in Hz, or 0 when unknown
     * @param channels the device's native channel count, or 0 when unknown
     * @throws NullPointerException for a null name or description
     * @throws IllegalArgumentException for a backend other than PULSE or ALSA
     */
    public AudioDevice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (backend != AudioBackend.PULSE && backend != AudioBackend.ALSA) {
            throw new IllegalArgumentException("device backend " + backend + " is not allowed (expected PULSE or ALSA)");
        }
    }

    /** @return one line for device listings, e.g. {@code pulse  test_sink.monitor  (Monitor of Null Output, 48000 Hz 2 ch)} */
    public String describe() {
        String shape = sampleRate > 0 ? ", " + sampleRate + " Hz " + channels + " ch" : "";
        return backend.name().toLowerCase(java.util.Locale.ROOT) + "  " + name
                + (description.isEmpty() || description.equals(name) ? (shape.isEmpty() ? "" : "  (" + shape.substring(2) + ")")
                        : "  (" + description + shape + ")");
    }
}
