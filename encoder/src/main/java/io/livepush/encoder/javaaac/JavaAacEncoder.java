package io.livepush.encoder.javaaac;

import io.livepush.capture.AudioFrame;
import io.livepush.encoder.audio.AacAudioSpecificConfig;
import io.livepush.encoder.audio.AacFramePipeline;
import io.livepush.encoder.audio.AudioCodec;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.encoder.audio.EncodedAudioFrame;
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

    private final AudioEncoderConfig config;
    private final byte[] audioSpecificConfig;
    private final AacFrameEncoder frameEncoder;
    private final AacFramePipeline pipeline;

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
        this.pipeline = new AacFramePipeline("java AAC", config, CODEC_DELAY_SAMPLES, frameEncoder::encode);
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
        return pipeline.encode(frame);
    }

    @Override
    public List<EncodedAudioFrame> flush() {
        return pipeline.flush();
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
