package io.livepush.capture;

import java.util.Arrays;

/**
 * A block of raw audio: interleaved signed 16-bit PCM ({@code L R L R ...} for stereo) with the
 * presentation time of its first sample on the shared {@link MediaClock}.
 *
 * <p>Immutable once handed on: a source fills the array and never writes to it again.
 */
public final class AudioFrame {
    private final short[] samples;
    private final int sampleRate;
    private final int channels;
    private final long ptsUs;

    /**
     * @param samples interleaved samples; its length must be a multiple of {@code channels}
     * @param sampleRate samples per second per channel, 8000..192000
     * @param channels 1 or 2
     * @param ptsUs presentation time of the first sample in microseconds
     */
    public AudioFrame(short[] samples, int sampleRate, int channels, long ptsUs) {
        AudioFormat.requireValid(sampleRate, channels);
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(samples.length + " samples do not divide into " + channels + " channels");
        }
        this.samples = samples;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.ptsUs = ptsUs;
    }

    /** @return the interleaved samples; do not modify */
    public short[] samples() {
        return samples;
    }

    /** @return samples per channel in this frame */
    public int sampleCount() {
        return samples.length / channels;
    }

    /** @return samples per second per channel */
    public int sampleRate() {
        return sampleRate;
    }

    /** @return 1 (mono) or 2 (stereo) */
    public int channels() {
        return channels;
    }

    /** @return presentation time of the first sample in microseconds */
    public long ptsUs() {
        return ptsUs;
    }

    /** @return the duration of this frame in microseconds */
    public long durationUs() {
        return sampleCount() * 1_000_000L / sampleRate;
    }

    @Override
    public String toString() {
        return "AudioFrame[" + sampleCount() + " samples, " + sampleRate + " Hz, " + channels + " ch, pts=" + ptsUs + "us]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioFrame a && a.sampleRate == sampleRate && a.channels == channels
                && a.ptsUs == ptsUs && Arrays.equals(a.samples, samples);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(samples) * 31 + Long.hashCode(ptsUs);
    }
}
