package io.livepush.encoder.audio.voaacenc;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.livepush.capture.AudioFrame;
import io.livepush.encoder.audio.AacAudioSpecificConfig;
import io.livepush.encoder.audio.AacFramePipeline;
import io.livepush.encoder.audio.AudioCodec;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.encoder.audio.AudioEncoderException;
import io.livepush.encoder.audio.EncodedAudioFrame;
import io.livepush.natives.voaacenc.AacEncParam;
import io.livepush.natives.voaacenc.VoAacEnc;
import io.livepush.natives.voaacenc.VoAacEncLibrary;
import io.livepush.natives.voaacenc.VoAudioCodecApi;
import io.livepush.natives.voaacenc.VoAudioOutputInfo;
import io.livepush.natives.voaacenc.VoCodecBuffer;
import io.livepush.natives.voaacenc.VoCodecInitUserData;
import io.livepush.natives.voaacenc.VoMemOperator;
import io.livepush.natives.voaacenc.VoReturnCode;
import java.util.List;

/**
 * AAC-LC through vo-aacenc: raw frames ({@code adtsUsed = 0}), 1024 samples per channel each.
 *
 * <p>PCM is cut into whole frames in Java ({@link io.livepush.encoder.audio.PcmFrameAssembler}) and each frame is handed to
 * the codec with one {@code SetInputData} + {@code GetOutputData} pair, so the codec never keeps a
 * partial frame of its own. The PCM and AAC native buffers and the descriptor structs are
 * allocated once, when the encoder opens.
 *
 * <h2>Timestamps and A/V sync</h2>
 * The codec delays its output by {@value #CODEC_DELAY_SAMPLES} samples (measured with ffmpeg's
 * decoder, see {@code VoAacEncFfmpegIT}): output frame {@code k} decodes to input samples
 * {@code k * 1024 - 1600} onwards. FLV has no edit list, so players do not trim that priming; a
 * frame stamped with the time of its own input block would play 33 ms late at 48 kHz. So each
 * output frame is stamped with the time of the first input sample it decodes to,
 * {@code firstPts + round((k * 1024 - 1600) * 1e6 / rate)}, and frames that would start before
 * the first input sample (frames 0 and 1, pure priming plus the first 448 samples) are dropped.
 * The first frame sent therefore starts 448 samples (9.3 ms at 48 kHz) after the first input
 * sample, and decoders fade its first half in (it lacks the overlap of the dropped frame).
 * {@link #flush()} pads the last partial frame with silence and adds {@value #DRAIN_FRAMES} silent
 * frames so that every later input sample comes out.
 *
 * <p>Threads: none of its own; one encoder thread calls {@link #encode}, {@link #flush} and
 * {@link #close}. {@link #close()} frees the codec instance ({@code Uninit}) and the native buffers.
 */
public final class VoAacEncoder implements AudioEncoder {
    /**
     * Samples by which decoded output lags the input with ffmpeg's AAC decoder and no edit list:
     * the 1024-sample MDCT overlap plus the 576-sample block-switching look-ahead.
     */
    public static final int CODEC_DELAY_SAMPLES = 1600;
    /** Silent frames {@link #flush()} adds to push the delayed tail out of the codec. */
    static final int DRAIN_FRAMES = (CODEC_DELAY_SAMPLES + 1023) / 1024;

    private final AudioEncoderConfig config;
    private final byte[] audioSpecificConfig;
    private final int frameSamples = AudioCodec.AAC_LC.frameSamples();
    private final AacFramePipeline pipeline;
    private final VoAudioCodecApi api;
    /** Referenced by the codec through {@link #userData}; kept reachable until close. */
    private final VoMemOperator memOperator;
    private final VoCodecInitUserData userData;
    private final Pointer handle;
    private final Memory pcm;
    private final Memory aac;
    private final VoCodecBuffer input = new VoCodecBuffer();
    private final VoCodecBuffer output = new VoCodecBuffer();
    private final VoAudioOutputInfo outputInfo = new VoAudioOutputInfo();

    /**
     * Opens a codec instance; prefer {@link io.livepush.encoder.audio.AudioEncoders#create}.
     *
     * @param config AAC-LC settings
     * @param library the loaded vo-aacenc library
     * @throws AudioEncoderException when the codec refuses to open or to take the settings
     */
    VoAacEncoder(AudioEncoderConfig config, VoAacEncLibrary library) {
        this.config = config;
        this.audioSpecificConfig = AacAudioSpecificConfig.aacLc(config.sampleRate(), config.channels()).toBytes();
        this.api = new VoAudioCodecApi();
        check(library.voGetAACEncAPI(api), "voGetAACEncAPI");
        this.memOperator = VoAacEncLibrary.defaultMemOperator();
        this.userData = new VoCodecInitUserData();
        userData.memflag = VoAacEnc.VO_IMF_USERMEMOPERATOR;
        userData.memData = memOperator.getPointer();
        PointerByReference handleRef = new PointerByReference();
        check(api.Init.invoke(handleRef, VoAacEnc.VO_AUDIO_CODING_AAC, userData), "Init");
        this.handle = handleRef.getValue();
        if (handle == null) {
            throw new AudioEncoderException("vo-aacenc Init returned no handle (" + config + ")");
        }
        try {
            AacEncParam param = new AacEncParam();
            param.sampleRate = config.sampleRate();
            param.bitRate = config.bitrate();
            param.nChannels = (short) config.channels();
            param.adtsUsed = VoAacEnc.VOAAC_RAWDATA;
            param.write();
            check(api.SetParam.invoke(handle, new NativeLong(VoAacEnc.VO_PID_AAC_ENCPARAM), param.getPointer()),
                    "SetParam(VO_PID_AAC_ENCPARAM)");
        } catch (RuntimeException e) {
            api.Uninit.invoke(handle);
            throw e;
        }
        this.pcm = new Memory(2L * frameSamples * config.channels());
        this.aac = new Memory((long) VoAacEnc.MAX_FRAME_BYTES_PER_CHANNEL * config.channels());
        this.pipeline = new AacFramePipeline("vo-aacenc", config, CODEC_DELAY_SAMPLES, this::encodeFrame);
    }

    @Override
    public String name() {
        return VoAacEncProvider.NAME;
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
        if (!pipeline.close()) {
            return;
        }
        long rc = VoReturnCode.of(api.Uninit.invoke(handle));
        pcm.close();
        aac.close();
        if (rc != VoAacEnc.VO_ERR_NONE) {
            throw new AudioEncoderException("vo-aacenc Uninit returned " + VoReturnCode.describe(rc) + " (" + config + ")");
        }
    }

    /** Encodes one whole frame of interleaved PCM into one raw AAC frame. */
    private byte[] encodeFrame(short[] interleaved) {
        pcm.write(0, interleaved, 0, interleaved.length);
        input.set(pcm, pcm.size());
        check(api.SetInputData.invoke(handle, input), "SetInputData");
        output.set(aac, aac.size());
        check(api.GetOutputData.invoke(handle, output, outputInfo), "GetOutputData");
        long used = outputInfo.InputUsed.longValue();
        int length = (int) output.Length.longValue();
        if (used != pcm.size() || length <= 0 || length > aac.size()) {
            throw new AudioEncoderException("vo-aacenc GetOutputData used " + used + " of " + pcm.size()
                    + " input bytes and wrote " + length + " bytes (expected all input, 1.." + aac.size() + " bytes) ("
                    + config + ")");
        }
        return aac.getByteArray(0, length);
    }

    private void check(NativeLong rc, String call) {
        long code = VoReturnCode.of(rc);
        if (code != VoAacEnc.VO_ERR_NONE) {
            throw new AudioEncoderException("vo-aacenc " + call + " returned " + VoReturnCode.describe(code) + " (" + config + ")");
        }
    }
}
