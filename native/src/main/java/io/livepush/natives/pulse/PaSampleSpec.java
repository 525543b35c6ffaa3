package io.livepush.natives.pulse;

import com.sun.jna.Structure;

/**
 * {@code pa_sample_spec} ({@code pulse/sample.h}): {@code pa_sample_format_t format} (an enum, 4
 * bytes), {@code uint32_t rate}, {@code uint8_t channels}; 12 bytes with padding.
 */
@Structure.FieldOrder({"format", "rate", "channels"})
public class PaSampleSpec extends Structure {
    /** {@code PA_SAMPLE_*}, e.g. {@link PulseSimple#PA_SAMPLE_S16LE}. */
    public int format;
    /** Samples per second per channel, 1..{@link PulseSimple#PA_RATE_MAX}. */
    public int rate;
    /** Channel count, 1..32. */
    public byte channels;

    /** An empty spec. */
    public PaSampleSpec() {
    }

    /**
     * @param format {@code PA_SAMPLE_*}
     * @param rate samples per second
     * @param channels channel count
     */
    public PaSampleSpec(int format, int rate, int channels) {
        this.format = format;
        this.rate = rate;
        this.channels = (byte) channels;
    }
}
