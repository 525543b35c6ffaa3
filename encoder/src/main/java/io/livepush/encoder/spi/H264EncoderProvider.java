package io.livepush.encoder.spi;

import io.livepush.encoder.VideoEncoderConfig;

/**
 * A named H.264 backend, found with {@link java.util.ServiceLoader} (register the class in
 * {@code META-INF/services/io.livepush.encoder.spi.H264EncoderProvider}).
 */
public interface H264EncoderProvider {
    /** @return the name users pick it by: {@code openh264}, {@code x264}, {@code java} */
    String name();

    /** @return the rank for {@code auto}: the available provider with the highest wins */
    int preference();

    /**
     * @return {@code null} when the backend can run here, otherwise a one-line reason that names
     *     what to install (e.g. "libopenh264 not found: apt-get install libopenh264-7")
     */
    String unavailableReason();

    /**
     * Opens a backend.
     *
     * @param config the validated encoder configuration
     * @return a backend for that configuration, owned by the caller (who closes it)
     * @throws io.livepush.encoder.EncoderUnavailableException when it cannot run here
     */
    H264EncoderBackend open(VideoEncoderConfig config);
}
