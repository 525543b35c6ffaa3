package io.livepush.encoder.audio;

import java.util.Arrays;

/**
 * One encoded audio frame: for AAC-LC a raw {@code raw_data_block} of 1024 samples per channel,
 * without an ADTS header (FLV/RTMP carry it after {@code 0xAF 0x01}; the decoder learns the
 * format from the {@link AacAudioSpecificConfig} sent once as the sequence header).
 *
 * @param data the encoded bytes; owned by the frame, do not modify
 * @param ptsUs presentation time of the frame's first sample, in microseconds, counted in samples
 *     from the first input frame's timestamp
 * @param samples samples per channel the frame decodes to (1024 for AAC-LC)
 */
public record EncodedAudioFrame(byte[] data, long ptsUs, int samples) {
    /**
     * Validates at once.
     *
     * @param data the encoded bytes, at least 1
     * @param ptsUs presentation time in microseconds
     * @param samples samples per channel, at least 1
     */
    public EncodedAudioFrame {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("encoded audio frame has " + (data == null ? "no data" : "0 bytes")
                    + " (expected at least 1 byte)");
        }
        if (samples <= 0) {
            throw new IllegalArgumentException("encoded audio frame has " + samples + " samples (expected at least 1)");
        }
    }

    /**
     * @param sampleRate the stream's sample rate in Hz
     * @return the frame's duration in microseconds, rounded down
     */
    public long durationUs(int sampleRate) {
        return samples * 1_000_000L / sampleRate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedAudioFrame f && f.ptsUs == ptsUs && f.samples == samples && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + Long.hashCode(ptsUs);
    }

    @Override
    public String toString() {
        return "EncodedAudioFrame[" + data.length + " bytes, pts=" + ptsUs + "us, " + samples + " samples]";
    }
}
