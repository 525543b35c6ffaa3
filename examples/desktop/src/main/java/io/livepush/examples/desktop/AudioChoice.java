package io.livepush.examples.desktop;

import java.util.Objects;

/**
 * One entry of the microphone list: a test tone, no sound, or a microphone.
 *
 * @param kind what it is
 * @param device the Pulse source or ALSA PCM name; empty for the tone and for no sound
 * @param label what the list shows
 */
public record AudioChoice(Kind kind, String device, String label) {
    /** The kinds of audio source the app offers. */
    public enum Kind {
        /** A 1 kHz tone with beeps in step with the test pattern's flashes. */
        TONE,
        /** A stream without sound. */
        NONE,
        /** A microphone (PulseAudio or ALSA). */
        MICROPHONE
    }

    /**
     * Validates at once.
     *
     * @param kind what it is, not null
     * @param device the Pulse source or ALSA PCM name, not blank for {@link Kind#MICROPHONE}; empty otherwise
     * @param label what the list shows, not null
     * @throws NullPointerException when a value is null
     * @throws IllegalArgumentException when a microphone has a blank device name
     */
    public AudioChoice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(label, "label");
        if (kind == Kind.MICROPHONE && device.isBlank()) {
            throw new IllegalArgumentException("a microphone choice needs a device name (got an empty one)");
        }
    }

    /** @return the test tone entry */
    public static AudioChoice tone() {
        return new AudioChoice(Kind.TONE, "", "Test tone");
    }

    /** @return the no-sound entry */
    public static AudioChoice none() {
        return new AudioChoice(Kind.NONE, "", "No sound");
    }

    @Override
    public String toString() {
        return label;
    }
}
