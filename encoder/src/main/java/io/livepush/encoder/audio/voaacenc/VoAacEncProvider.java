package io.livepush.encoder.audio.voaacenc;

import io.livepush.encoder.audio.AudioCodec;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.encoder.audio.AudioEncoderProvider;
import io.livepush.natives.voaacenc.VoAacEncLibrary;

/**
 * The {@code vo-aacenc} backend: AAC-LC through the VisualOn encoder (Debian {@code libvo-aacenc0},
 * Apache-2.0), preference 100.
 */
public final class VoAacEncProvider implements AudioEncoderProvider {
    /** The name users pick it by. */
    public static final String NAME = "vo-aacenc";

    /** Public for {@link java.util.ServiceLoader}. */
    public VoAacEncProvider() {
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
        return codec == AudioCodec.AAC_LC;
    }

    @Override
    public String unavailableReason() {
        return VoAacEncLibrary.unavailableReason();
    }

    @Override
    public AudioEncoder open(AudioEncoderConfig config) {
        requireCanOpen(config);
        return new VoAacEncoder(config, VoAacEncLibrary.load());
    }
}
