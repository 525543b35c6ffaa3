package io.livepush.encoder.audio.opus;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.livepush.capture.AudioFrame;
import io.livepush.encoder.audio.AudioCodec;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.encoder.audio.AudioEncoderException;
import io.livepush.encoder.audio.EncodedAudioFrame;
import io.livepush.encoder.audio.PcmFrameAssembler;
import io.livepush.encoder.audio.SampleClock;
import io.livepush.natives.opus.Opus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Opus through libopus: 48 kHz, 20 ms frames (960 samples per channel), application
 * {@code OPUS_APPLICATION_AUDIO}, the configured bitrate ({@code OPUS_SET_BITRATE}).
 *
 * <p>Timestamps: packet {@code k} is stamped with the time of input sample {@code k * 960}. The
 * encoder's look-ahead ({@code OPUS_GET_LOOKAHEAD}, 312 samples with libopus 1.3) is the pre-skip
 * of the {@link OpusHead} returned by {@link #audioSpecificConfig()}: Opus containers tell the
 * decoder to discard it, so, unlike AAC in FLV, nothing is shifted or dropped here and
 * {@link #codecDelaySamples()} is 0. {@link #flush()} pads the last partial frame and adds enough
 * silent frames to push the look-ahead out.
 *
 * <p>Threads: none of its own; one encoder thread calls every method. {@link #close()} destroys the
 * native encoder and is idempotent.
 */
public final class OpusAudioEncoder implements AudioEncoder {
    private enum State { OPEN, FLUSHED, CLOSED }

    private final AudioEncoderConfig config;
    private final Opus opus;
    private final Pointer encoder;
    private final int preSkip;
    private final int frameSamples = AudioCodec.OPUS.frameSamples();
    private final PcmFrameAssembler assembler;
    private final PcmFrameAssembler.FrameSink sink = this::encodeFrame;
    private final byte[] packet = new byte[Opus.MAX_PACKET_BYTES];
    private SampleClock clock;
    private long framesOut;
    private List<EncodedAudioFrame> pending;
    private State state = State.OPEN;

    OpusAudioEncoder(AudioEncoderConfig config, Opus opus) {
        this.config = config;
        this.opus = opus;
        IntByReference err = new IntByReference();
        this.encoder = opus.opus_encoder_create(config.sampleRate(), config.channels(), Opus.OPUS_APPLICATION_AUDIO, err);
        if (encoder == null) {
            throw new AudioEncoderException("opus_encoder_create failed: " + opus.opus_strerror(err.getValue()) + " (" + config + ")");
        }
        try {
            ctl(Opus.OPUS_SET_BITRATE_REQUEST, config.bitrate(), "OPUS_SET_BITRATE");
            IntByReference lookahead = new IntByReference();
            ctl(Opus.OPUS_GET_LOOKAHEAD_REQUEST, lookahead, "OPUS_GET_LOOKAHEAD");
            this.preSkip = lookahead.getValue();
        } catch (RuntimeException e) {
            opus.opus_encoder_destroy(encoder);
            throw e;
        }
        this.assembler = new PcmFrameAssembler(config.channels(), frameSamples);
    }

    private void ctl(int request, Object arg, String name) {
        int rc = opus.opus_encoder_ctl(encoder, request, arg);
        if (rc != Opus.OPUS_OK) {
            throw new AudioEncoderException("opus_encoder_ctl(" + name + ") failed: " + opus.opus_strerror(rc) + " (" + config + ")");
        }
    }

    @Override
    public String name() {
        return OpusProvider.NAME;
    }

    @Override
    public AudioEncoderConfig config() {
        return config;
    }

    /** @return the encoder's look-ahead in samples at 48 kHz, which decoders discard (the pre-skip) */
    public int preSkip() {
        return preSkip;
    }

    /** @return the 19-byte {@link OpusHead} (RFC 7845 5.1) with this encoder's pre-skip */
    @Override
    public byte[] audioSpecificConfig() {
        return new OpusHead(config.channels(), preSkip, config.sampleRate()).toBytes();
    }

    @Override
    public List<EncodedAudioFrame> encode(AudioFrame frame) {
        requireState(State.OPEN, "encode");
        if (frame.sampleRate() != config.sampleRate() || frame.channels() != config.channels()) {
            throw new IllegalArgumentException("audio frame is " + frame.sampleRate() + " Hz " + frame.channels()
                    + " ch but the encoder is configured for " + config.sampleRate() + " Hz " + config.channels() + " ch");
        }
        if (clock == null) {
            clock = new SampleClock(config.sampleRate(), frame.ptsUs());
        }
        pending = new ArrayList<>(frame.sampleCount() / frameSamples + 1);
        assembler.append(frame.samples(), sink);
        return take();
    }

    @Override
    public List<EncodedAudioFrame> flush() {
        requireState(State.OPEN, "flush");
        state = State.FLUSHED;
        pending = new ArrayList<>();
        if (clock != null) {
            assembler.padAndEmit(sink);
            short[] silence = new short[frameSamples * config.channels()];
            for (int i = 0; i < (preSkip + frameSamples - 1) / frameSamples; i++) {
                assembler.append(silence, sink);
            }
        }
        return take();
    }

    @Override
    public void close() {
        if (state != State.CLOSED) {
            state = State.CLOSED;
            opus.opus_encoder_destroy(encoder);
        }
    }

    private void encodeFrame(short[] interleaved) {
        int n = opus.opus_encode(encoder, interleaved, frameSamples, packet, packet.length);
        if (n < 0) {
            throw new AudioEncoderException("opus_encode failed: " + opus.opus_strerror(n) + " (" + config + ")");
        }
        pending.add(new EncodedAudioFrame(Arrays.copyOf(packet, n), clock.ptsUs(framesOut * frameSamples), frameSamples));
        framesOut++;
    }

    private List<EncodedAudioFrame> take() {
        List<EncodedAudioFrame> out = pending;
        pending = null;
        return out;
    }

    private void requireState(State wanted, String call) {
        if (state != wanted) {
            throw new IllegalStateException("cannot " + call + ": the opus encoder is " + state.name().toLowerCase()
                    + " (expected " + wanted.name().toLowerCase() + ")");
        }
    }
}
