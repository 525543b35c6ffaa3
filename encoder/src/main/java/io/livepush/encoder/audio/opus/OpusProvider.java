package io.livepush.encoder.audio.opus;

import io.livepush.encoder.audio.AudioCodec;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.encoder.audio.AudioEncoderProvider;
import io.livepush.natives.opus.Opus;

/** The {@code opus} backend: Opus through libopus (Debian {@code libopus0}, BSD), preference 100. */
public final class OpusProvider implements AudioEncoderProvider {
    /** The name users pick it by. */
    public static final String NAME = "opus";

    /** Public for {@link java.util.ServiceLoader}. */
    public OpusProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int preference() {
        return 100;
    }

    @Override
    public boolean supports(AudioCodec codec) {
        return codec == AudioCodec.OPUS;
    }

    @Override
    public String unavailableReason() {
        return Opus.unavailableReason();
    }

    @Override
    public AudioEncoder open(AudioEncoderConfig config) {
        requireCanOpen(config);
        return new OpusAudioEncoder(config, Opus.load());
    }
}
