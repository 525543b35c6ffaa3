package io.livepush.encoder.audio;

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
}
