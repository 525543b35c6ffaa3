package io.livepush.capture.audio;

/** The sound systems a {@link Microphone} can capture through. */
public enum AudioBackend {
    /** PulseAudio (or PipeWire's Pulse server) when a server answers, otherwise ALSA. */
    AUTO,
    /** PulseAudio through {@code libpulse-simple}: any source name, e.g. {@code alsa_input.pci-0000_00_1f.3.analog-stereo}. */
    PULSE,
    /** ALSA through {@code libasound}: any PCM name, e.g. {@code default}, {@code hw:0,0}, {@code plughw:1}. */
    ALSA
}
