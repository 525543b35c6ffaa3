package io.livepush.encoder.audio;

import io.livepush.capture.AudioFrame;
import java.util.List;

/**
 * Raw PCM in, encoded frames out. Input may come in blocks of any size; the encoder buffers
 * samples and emits one {@link EncodedAudioFrame} per complete codec frame (1024 samples per
 * channel for AAC-LC).
 *
 * <p>Timestamps are counted in samples: output frame {@code k} has
 * {@code ptsUs = firstPts + round(k * 1024 * 1e6 / sampleRate)}, where {@code firstPts} is the
 * timestamp of the first input frame. They never drift from the sample count, whatever jitter the
 * input timestamps have.
 *
 * <p>Not thread-safe: one thread (the encoder thread) calls every method. {@link #close()} frees
 * the native codec, is idempotent, and may be called from another thread only once the encoder
 * thread has stopped using the encoder.
 */
public interface AudioEncoder extends AutoCloseable {
    /** @return the backend name, e.g. {@code vo-aacenc} */
    String name();

    /** @return the configuration the encoder was opened with */
    AudioEncoderConfig config();

    /**
     * @return the decoder configuration sent once before the frames: for AAC-LC the 2-byte
     *     AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1), see {@link AacAudioSpecificConfig}
     */
    byte[] audioSpecificConfig();

    /**
     * Buffers the samples of {@code frame} and encodes every complete codec frame.
     *
     * @param frame interleaved s16 PCM in the configured format, any number of samples
     * @return the frames completed by this input, oldest first; often empty
     * @throws IllegalArgumentException when the frame's sample rate or channel count differs from
     *     the configuration (the message names both)
     * @throws IllegalStateException after {@link #flush()} or {@link #close()}
     */
    List<EncodedAudioFrame> encode(AudioFrame frame);

    /**
     * Ends the stream: pads the buffered partial frame with silence, encodes it and drains the
     * codec's delay, so every input sample is in the output. No input is accepted afterwards.
     *
     * @return the remaining frames, oldest first
     * @throws IllegalStateException after {@link #close()}
     */
    List<EncodedAudioFrame> flush();

    /** Frees the codec and its native buffers. Idempotent. */
    @Override
    void close();
}
