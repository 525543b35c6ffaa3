package io.livepush.encoder.javaaac;

import io.livepush.capture.AudioFrame;
import io.livepush.encoder.audio.AacAudioSpecificConfig;
import io.livepush.encoder.audio.AudioCodec;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.encoder.audio.EncodedAudioFrame;
import io.livepush.encoder.audio.PcmFrameAssembler;
import io.livepush.encoder.audio.SampleClock;
import java.util.ArrayList;
import java.util.List;

/**
 * AAC-LC in pure Java: raw {@code raw_data_block}s without ADTS, 1024 samples per channel each,
 * timestamps counted in samples, 44.1/48 kHz, mono or stereo (see {@link AacFrameEncoder} for what
 * each frame holds).
 *
 * <h2>Timestamps and A/V sync</h2>
 * Decoded output lags the input by {@value #CODEC_DELAY_SAMPLES} samples (the 1024-sample MDCT
 * overlap plus the 576-sample block-switching look-ahead, the same as vo-aacenc): output frame
 * {@code k} decodes to input samples {@code k * 1024 - 1600} onwards. As the {@link AudioEncoder}
 * contract asks, each frame is stamped with the time of the first input sample it decodes to, and
 * frames 0 and 1 (priming before the first input sample) are dropped, so the first frame sent
 * starts 448 samples after the first input sample. {@link #flush()} pads the last partial frame
 * with silence and adds {@value #DRAIN_FRAMES} silent frames so that every later input sample
 * comes out.
 *
 * <p>Threads: none of its own; one encoder thread calls every method. Holds no native resources.
 */
public final class JavaAacEncoder implements AudioEncoder {
    /** Samples by which decoded output lags the input: 1024 MDCT overlap + 576 look-ahead. */
    public static final int CODEC_DELAY_SAMPLES = 1024 + ChannelAnalysis.LOOKAHEAD;
    /** Silent frames {@link #flush()} adds to push the delayed tail out. */
    static final int DRAIN_FRAMES = (CODEC_DELAY_SAMPLES + 1023) / 1024;

    private enum State { OPEN, FLUSHED, CLOSED }

    private final AudioEncoderConfig config;
    private final byte[] audioSpecificConfig;
    private final int frameSamples = AudioCodec.AAC_LC.frameSamples();
    private final AacFrameEncoder frameEncoder;
    private final PcmFrameAssembler assembler;
    private final PcmFrameAssembler.FrameSink sink = this::encodeFrame;
    private SampleClock clock;
    private long framesOut;
    private List<EncodedAudioFrame> pending;
    private State state = State.OPEN;

    /**
     * Opens an encoder; prefer {@link io.livepush.encoder.audio.AudioEncoders#create}.
     *
     * @param config AAC-LC settings
     * @throws IllegalArgumentException when the config is null or its codec is not AAC-LC
     */
    public JavaAacEncoder(AudioEncoderConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("audio encoder config is null (expected an AudioEncoderConfig)");
        }
        if (config.codec() != AudioCodec.AAC_LC) {
            throw new IllegalArgumentException("audio encoder '" + JavaAacProvider.NAME + "' cannot encode " + config.codec()
                    + " (expected " + AudioCodec.AAC_LC + ")");
        }
        this.config = config;
        this.audioSpecificConfig = AacAudioSpecificConfig.aacLc(config.sampleRate(), config.channels()).toBytes();
        this.frameEncoder = new AacFrameEncoder(config.sampleRate(), config.channels(), config.bitrate());
        this.assembler = new PcmFrameAssembler(config.channels(), frameSamples);
    }

    @Override
    public String name() {
        return JavaAacProvider.NAME;
    }

    @Override
    public AudioEncoderConfig config() {
        return config;
    }

    @Override
    public int codecDelaySamples() {
        return CODEC_DELAY_SAMPLES;
    }

    @Override
    public byte[] audioSpecificConfig() {
        return audioSpecificConfig.clone();
    }

    @Override
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

    @Override
    public List<EncodedAudioFrame> flush() {
        requireState(State.OPEN, "flush");
        state = State.FLUSHED;
        pending = new ArrayList<>(1 + DRAIN_FRAMES);
        if (clock == null) {
            return takePending();
        }
        assembler.padAndEmit(sink);
        short[] silence = new short[frameSamples * config.channels()];
        for (int i = 0; i < DRAIN_FRAMES; i++) {
            assembler.append(silence, sink);
        }
        return takePending();
    }

    @Override
    public void close() {
        state = State.CLOSED;
    }

    private void encodeFrame(short[] interleaved) {
        byte[] data = frameEncoder.encode(interleaved);
        long firstSample = framesOut * frameSamples - CODEC_DELAY_SAMPLES;
        framesOut++;
        if (firstSample < 0) {
            return; // decodes to priming before the first input sample: dropped (see the class comment)
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
            throw new IllegalStateException("cannot " + call + ": the java AAC encoder is " + state.name().toLowerCase()
                    + " (expected " + wanted.name().toLowerCase() + ")");
        }
    }
}
