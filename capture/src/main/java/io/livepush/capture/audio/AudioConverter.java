package io.livepush.capture.audio;

import io.livepush.capture.AudioFormat;
import java.util.Objects;

/**
 * Converts interleaved s16 PCM from one {@link AudioFormat} to another: channels first (mono to
 * stereo copies the channel; stereo to mono averages the two), then the sample rate through a
 * {@link Resampler} when the rates differ. When the formats are equal it passes blocks through.
 *
 * <p>Not thread-safe: one thread feeds it.
 */
public final class AudioConverter {
    private final AudioFormat from;
    private final AudioFormat to;
    private final Resampler resampler;

    /**
     * @param from the format of the input
     * @param to the format wanted
     */
    public AudioConverter(AudioFormat from, AudioFormat to) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.resampler = from.sampleRate() == to.sampleRate() ? null
                : new Resampler(from.sampleRate(), to.sampleRate(), to.channels());
    }

    /** @return the input format */
    public AudioFormat from() {
        return from;
    }

    /** @return the output format */
    public AudioFormat to() {
        return to;
    }

    /** @return true when input passes through unchanged */
    public boolean isIdentity() {
        return from.equals(to);
    }

    /**
     * @param in interleaved samples in the input format, a whole number of sample frames
     * @return interleaved samples in the output format (the same array when nothing changes)
     */
    public short[] convert(short[] in) {
        if (in.length % from.channels() != 0) {
            throw new IllegalArgumentException(in.length + " samples do not divide into " + from.channels() + " channels");
        }
        short[] mixed = remix(in, from.channels(), to.channels());
        return resampler == null ? mixed : resampler.process(mixed);
    }

    /** @return what the resampler still holds, padded with silence; empty when no resampling is done */
    public short[] flush() {
        return resampler == null ? new short[0] : resampler.flush();
    }

    /**
     * @param in interleaved samples
     * @param fromChannels 1 or 2
     * @param toChannels 1 or 2
     * @return the samples with {@code toChannels} channels ({@code in} itself when equal)
     */
    public static short[] remix(short[] in, int fromChannels, int toChannels) {
        if (fromChannels == toChannels) {
            return in;
        }
        if (fromChannels == 1 && toChannels == 2) {
            short[] out = new short[in.length * 2];
            for (int i = 0; i < in.length; i++) {
                out[2 * i] = in[i];
                out[2 * i + 1] = in[i];
            }
            return out;
        }
        if (fromChannels == 2 && toChannels == 1) {
            short[] out = new short[in.length / 2];
            for (int i = 0; i < out.length; i++) {
                // Rounded to nearest, halves away from zero, so a mono signal copied to both channels comes back exactly.
                int sum = in[2 * i] + in[2 * i + 1];
                out[i] = (short) (sum >= 0 ? (sum + 1) >> 1 : -((-sum + 1) >> 1));
            }
            return out;
        }
        throw new IllegalArgumentException("cannot remix " + fromChannels + " to " + toChannels + " channels (expected 1 or 2 each)");
    }

    @Override
    public String toString() {
        return "AudioConverter[" + from + " -> " + to + (resampler != null ? ", " + resampler : "") + "]";
    }
}
