package io.livepush.encoder.audio;

import io.livepush.capture.AudioFrame;
import java.util.List;

/**
 * Raw PCM in, encoded frames out. Input may come in blocks of any size; the encoder buffers
 * samples and emits one {@link EncodedAudioFrame} per complete codec frame (1024 samples per
 * channel for AAC-LC, 960 for Opus).
 *
 * <h2>Timestamps (the A/V sync rule)</h2>
 * Every output frame carries the presentation time of the first input sample it decodes to, in a
 * decoder that plays everything it is given (FLV has no edit list, so RTMP players do not trim a
 * codec's priming): {@code ptsUs = firstPts + round(s * 1e6 / sampleRate)}, where {@code firstPts}
 * is the timestamp of the first input frame and {@code s} the index of that input sample
 * ({@code k * frameSamples - }{@link #codecDelaySamples()} for output frame {@code k}). Output that
 * would start before the first input sample is dropped. Timestamps are counted in samples, so they
 * never drift from the sample count, whatever jitter the input timestamps have, and audio plays at
 * the time it was captured, as video does.
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
     * @return how many samples the decoded output lags the input by, before the timestamp rule
     *     above compensates (1600 for vo-aacenc); 0 when the container trims it (Opus pre-skip)
     */
    default int codecDelaySamples() {
        return 0;
    }

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
