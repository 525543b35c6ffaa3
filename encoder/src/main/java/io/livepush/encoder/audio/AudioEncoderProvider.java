package io.livepush.encoder.audio;

import java.util.StringJoiner;

/**
 * A named audio encoder backend, found with {@link java.util.ServiceLoader}: register the class
 * in {@code META-INF/services/io.livepush.encoder.audio.AudioEncoderProvider}.
 * {@link AudioEncoders#create(String, AudioEncoderConfig)} picks one by name or, for
 * {@code auto}, the available one with the highest {@link #preference()} that supports the codec.
 */
public interface AudioEncoderProvider {
    /** @return the name users pick it by, e.g. {@code vo-aacenc} */
    String name();

    /** @return the rank for {@code auto}: the available provider with the highest wins */
    int preference();

    /**
     * @param codec a codec
     * @return whether this backend can produce it
     */
    boolean supports(AudioCodec codec);

    /**
     * @return {@code null} when the backend can run here, otherwise a one-line reason naming what
     *     to install (e.g. "vo-aacenc not found ...: apt-get install libvo-aacenc0")
     */
    String unavailableReason();

    /**
     * Opens an encoder.
     *
     * @param config the settings
     * @return a ready encoder; the caller closes it
     * @throws io.livepush.encoder.EncoderUnavailableException when the backend cannot run here
     * @throws IllegalArgumentException when the backend does not support {@code config.codec()}
     */
    AudioEncoder open(AudioEncoderConfig config);

    /**
     * The checks every {@link #open} makes first, in one place: the codec is one this backend
     * produces, and the backend can run here.
     *
     * @param config the settings to open with, not null
     * @throws IllegalArgumentException when {@code config} is null or its codec is not supported (the
     *     message names the codecs that are)
     * @throws io.livepush.encoder.EncoderUnavailableException when {@link #unavailableReason()} is not null
     */
    default void requireCanOpen(AudioEncoderConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("audio encoder config is null (expected an AudioEncoderConfig)");
        }
        if (!supports(config.codec())) {
            StringJoiner supported = new StringJoiner(", ");
            for (AudioCodec c : AudioCodec.values()) {
                if (supports(c)) {
                    supported.add(c.toString());
                }
            }
            throw new IllegalArgumentException("audio encoder '" + name() + "' cannot encode " + config.codec()
                    + " (expected " + supported + ")");
        }
        String reason = unavailableReason();
        if (reason != null) {
            throw new io.livepush.encoder.EncoderUnavailableException(
                    "audio encoder '" + name() + "' cannot run here: " + reason);
        }
    }
}
