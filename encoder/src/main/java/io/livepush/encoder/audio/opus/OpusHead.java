package io.livepush.encoder.audio.opus;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The Opus identification header (RFC 7845 5.1), which Ogg, Matroska ({@code CodecPrivate}), MP4
 * ({@code dOps}, big-endian there) and Enhanced RTMP's Opus sequence start build on:
 *
 * <pre>
 * "OpusHead"           8 bytes magic
 * version              u8  = 1
 * channel count        u8
 * pre-skip             u16le  samples at 48 kHz the decoder discards at the start
 * input sample rate    u32le  informational
 * output gain          s16le  Q7.8 dB, 0
 * mapping family       u8  = 0 (mono/stereo, no table)
 * </pre>
 *
 * @param channels 1 or 2
 * @param preSkip samples to discard at 48 kHz, 0..65535
 * @param inputSampleRate the original rate in Hz
 */
public record OpusHead(int channels, int preSkip, int inputSampleRate) {
    /** Size in bytes for mapping family 0. */
    public static final int SIZE = 19;

    /**
     * Validates at once.
     *
     * @param channels 1 or 2
     * @param preSkip samples to discard at 48 kHz, 0..65535
     * @param inputSampleRate the original rate in Hz, written as is
     * @throws IllegalArgumentException for another channel count or a pre-skip outside 0..65535
     */
    public OpusHead {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("Opus channel count " + channels + " is not allowed (expected 1 or 2)");
        }
        if (preSkip < 0 || preSkip > 65_535) {
            throw new IllegalArgumentException("Opus pre-skip " + preSkip + " is not allowed (expected 0..65535)");
        }
    }

    /** @return the 19 header bytes */
    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put("OpusHead".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put((byte) 1).put((byte) channels).putShort((short) preSkip).putInt(inputSampleRate).putShort((short) 0)
                .put((byte) 0);
        return b.array();
    }
}
