package io.livepush.encoder;

import io.livepush.encoder.spi.H264EncoderBackend;
import io.livepush.encoder.spi.H264EncoderProvider;
import java.util.function.Function;

/**
 * A test-only {@link H264EncoderProvider}. It is never registered in {@code META-INF/services} (the
 * encoder test-jar is on later modules' class paths); tests hand it to {@link VideoEncoders#of}.
 */
public final class FakeH264Provider implements H264EncoderProvider {
    private final String name;
    private final int preference;
    private final String unavailableReason;
    private final Function<VideoEncoderConfig, H264EncoderBackend> opener;
    private int opened;

    /**
     * @param name the provider name
     * @param preference its auto rank
     * @param unavailableReason null when available
     * @param opener makes the backend; may throw {@link EncoderUnavailableException}
     */
    public FakeH264Provider(String name, int preference, String unavailableReason,
            Function<VideoEncoderConfig, H264EncoderBackend> opener) {
        this.name = name;
        this.preference = preference;
        this.unavailableReason = unavailableReason;
        this.opener = opener;
    }

    /** @return an available provider that opens {@link FakeH264Backend}s */
    public static FakeH264Provider available(String name, int preference) {
        return new FakeH264Provider(name, preference, null, FakeH264Backend::new);
    }

    /** @return a provider that reports it cannot run */
    public static FakeH264Provider unavailable(String name, int preference, String reason) {
        return new FakeH264Provider(name, preference, reason, c -> {
            throw new EncoderUnavailableException(reason);
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int preference() {
        return preference;
    }

    @Override
    public String unavailableReason() {
        return unavailableReason;
    }

    @Override
    public H264EncoderBackend open(VideoEncoderConfig config) {
        opened++;
        return opener.apply(config);
    }

    /** @return how many times {@link #open} was called */
    public int openedCount() {
        return opened;
    }
}
