package io.livepush.encoder.audio;

import io.livepush.capture.AudioFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * What every AAC-LC backend does around its codec, in one place: cut the input into whole
 * 1024-sample frames ({@link PcmFrameAssembler}), count timestamps in samples from the first input
 * frame ({@link SampleClock}), stamp each output frame with the time of the first input sample it
 * decodes to and drop the priming frames that decode to before it (the A/V sync rule of
 * {@link AudioEncoder}), drain the codec delay on {@link #flush()}, and keep the open/flushed/closed
 * state with its error messages.
 *
 * <p>The backend supplies only the codec call, {@link FrameCodec}, and its delay. Not thread-safe:
 * the encoder thread of the backend that owns it calls every method.
 */
public final class AacFramePipeline {
    /** Encodes one whole frame of interleaved PCM into one raw AAC frame. */
    @FunctionalInterface
    public interface FrameCodec {
        /**
         * @param interleaved exactly 1024 samples per channel
         * @return the raw AAC frame (no ADTS)
         */
        byte[] encode(short[] interleaved);
    }

    private enum State { OPEN, FLUSHED, CLOSED }

    private final String label;
    private final AudioEncoderConfig config;
    private final int frameSamples = AudioCodec.AAC_LC.frameSamples();
    private final int codecDelaySamples;
    private final int drainFrames;
    private final FrameCodec codec;
    private final PcmFrameAssembler assembler;
    private final PcmFrameAssembler.FrameSink sink = this::encodeFrame;
    private SampleClock clock;
    private long framesOut;
    private List<EncodedAudioFrame> pending;
    private State state = State.OPEN;

    /**
     * @param label how errors name the encoder, e.g. {@code vo-aacenc} or {@code java AAC}
     * @param config the settings
     * @param codecDelaySamples samples by which decoded output lags the input (1600 for both backends)
     * @param codec the codec call
     */
    public AacFramePipeline(String label, AudioEncoderConfig config, int codecDelaySamples, FrameCodec codec) {
        this.label = label;
        this.config = config;
        this.codecDelaySamples = codecDelaySamples;
        this.drainFrames = (codecDelaySamples + frameSamples - 1) / frameSamples;
        this.codec = codec;
        this.assembler = new PcmFrameAssembler(config.channels(), frameSamples);
    }

    /**
     * See {@link AudioEncoder#encode}.
     *
     * @param frame interleaved PCM at the configured sample rate and channel count, never null
     * @return the AAC frames completed by this PCM, in order, possibly none (a partial frame waits for more)
     * @throws IllegalArgumentException for a null frame or one of another rate or channel count
     * @throws IllegalStateException after {@link #flush()} or {@link #close()}
     */
    public List<EncodedAudioFrame> encode(AudioFrame frame) {
        requireState(State.OPEN, "encode");
        if (frame == null) {
            throw new IllegalArgumentException("audio frame is null (expected an AudioFrame of "
                    + config.sampleRate() + " Hz " + config.channels() + " ch)");
        }
        if (frame.sampleRate() != config.sampleRate() || frame.channels() != config.channels()) {
            throw new IllegalArgumentException("audio frame is " + frame.sampleRate() + " Hz " + frame.channels()
                    + " ch but the encoder is configured for " + config.sampleRate() + " Hz " + config.channels() + " ch");
        }
        if (clock == null) {
            clock = new SampleClock(config.sampleRate(), frame.ptsUs());
        }
        pending = new ArrayList<>(frame.sampleCount() / frameSamples + 1);
        assembler.append(frame.samples(), sink);
        return takePending();
    }

    /**
     * See {@link AudioEncoder#flush}: pads the partial frame and drains the codec delay with silence.
     *
     * @return the last AAC frames, in order; empty when nothing was ever encoded
     * @throws IllegalStateException after an earlier flush or {@link #close()}
     */
    public List<EncodedAudioFrame> flush() {
        requireState(State.OPEN, "flush");
        state = State.FLUSHED;
        pending = new ArrayList<>(1 + drainFrames);
        if (clock == null) {
            return takePending();
        }
        assembler.padAndEmit(sink);
        short[] silence = new short[frameSamples * config.channels()];
        for (int i = 0; i < drainFrames; i++) {
            assembler.append(silence, sink);
        }
        return takePending();
    }

    /** @return false when it was closed already (so the owner frees its codec exactly once) */
    public boolean close() {
        if (state == State.CLOSED) {
            return false;
        }
        state = State.CLOSED;
        return true;
    }

    /** @return the silent frames {@link #flush()} adds */
    public int drainFrames() {
        return drainFrames;
    }

    private void encodeFrame(short[] interleaved) {
        byte[] data = codec.encode(interleaved);
        long firstSample = framesOut * frameSamples - codecDelaySamples;
        framesOut++;
        if (firstSample < 0) {
            return; // decodes to priming before the first input sample: dropped (see AudioEncoder)
        }
        pending.add(new EncodedAudioFrame(data, clock.ptsUs(firstSample), frameSamples));
    }

    private List<EncodedAudioFrame> takePending() {
        List<EncodedAudioFrame> out = pending;
        pending = null;
        return out;
    }

    private void requireState(State wanted, String call) {
        if (state != wanted) {
            throw new IllegalStateException("cannot " + call + ": the " + label + " encoder is " + state.name().toLowerCase()
                    + " (expected " + wanted.name().toLowerCase() + ")");
        }
    }
}
