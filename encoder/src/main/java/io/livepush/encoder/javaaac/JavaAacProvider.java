package io.livepush.encoder.javaaac;

import io.livepush.encoder.audio.AudioCodec;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.encoder.audio.AudioEncoderProvider;

/**
 * The {@code java} backend: AAC-LC written in Java, no native library, so it runs wherever the
 * JVM does. Preference 10: {@code auto} takes vo-aacenc when installed and falls back to this.
 */
public final class JavaAacProvider implements AudioEncoderProvider {
    /** The name users pick it by. */
    public static final String NAME = "java";

    /** Public for {@link java.util.ServiceLoader}. */
    public JavaAacProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int preference() {
        return 10;
    }

    @Override
    public boolean supports(AudioCodec codec) {
        return codec == AudioCodec.AAC_LC;
    }

    /** @return always null: pure Java runs everywhere */
    @Override
    public String unavailableReason() {
        return null;
    }

    @Override
    public AudioEncoder open(AudioEncoderConfig config) {
        requireCanOpen(config);
        return new JavaAacEncoder(config);
    }
}
