package io.livepush.encoder.javah264;

import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.spi.H264EncoderBackend;
import io.livepush.encoder.spi.H264EncoderProvider;

/**
 * The {@code java} backend: {@link JavaH264Backend}, a pure-Java Constrained Baseline encoder that
 * needs no native library. Always available; preference 10, so {@code auto} picks it only when no
 * native backend can run.
 */
public final class JavaH264Provider implements H264EncoderProvider {
    /** The name users pick it by. */
    public static final String NAME = "java";

    /** Constructed by {@link java.util.ServiceLoader}. */
    public JavaH264Provider() {
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
    public String unavailableReason() {
        return null;
    }

    @Override
    public H264EncoderBackend open(VideoEncoderConfig config) {
        return new JavaH264Backend(config);
    }

    @Override
    public String toString() {
        return "JavaH264Provider[" + NAME + "]";
    }
}
