package io.livepush.encoder;

import io.livepush.encoder.spi.H264EncoderProvider;

/**
 * Which H.264 backend {@link VideoEncoders} picked for a name, and why, in one line the CLI can
 * print, e.g. {@code auto chose openh264 (preference 100; java: available, preference 10; x264:
 * libx264 not found: apt-get install libx264-164)}.
 *
 * @param requested the name asked for, as given (e.g. {@code auto}, {@code OpenH264})
 * @param provider the provider chosen
 * @param report the one-line explanation
 */
public record VideoEncoderSelection(String requested, H264EncoderProvider provider, String report) {
    /** @return the chosen backend's name */
    public String name() {
        return provider.name();
    }

    @Override
    public String toString() {
        return report;
    }
}
