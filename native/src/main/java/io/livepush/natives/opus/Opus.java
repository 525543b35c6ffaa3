package io.livepush.natives.opus;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.livepush.natives.KnownLibrary;
import io.livepush.natives.NativeLibraries;

/**
 * The libopus encoder API ({@code opus/opus.h}, {@code libopus.so.0}). {@code opus_int32} is a C
 * {@code int}. {@code opus_encoder_ctl} is variadic; JNA passes the {@code Object...} arguments
 * with the variadic calling convention. One {@code OpusEncoder*} is used by one thread at a time.
 */
public interface Opus extends Library {
    /** {@code OPUS_OK}. */
    int OPUS_OK = 0;
    /** {@code OPUS_APPLICATION_VOIP}. */
    int OPUS_APPLICATION_VOIP = 2048;
    /** {@code OPUS_APPLICATION_AUDIO}: music and mixed content. */
    int OPUS_APPLICATION_AUDIO = 2049;
    /** {@code OPUS_APPLICATION_RESTRICTED_LOWDELAY}. */
    int OPUS_APPLICATION_RESTRICTED_LOWDELAY = 2051;
    /** {@code OPUS_SET_BITRATE_REQUEST}: one {@code opus_int32} in bits per second. */
    int OPUS_SET_BITRATE_REQUEST = 4002;
    /** {@code OPUS_GET_BITRATE_REQUEST}: one {@code opus_int32*}. */
    int OPUS_GET_BITRATE_REQUEST = 4003;
    /** {@code OPUS_GET_LOOKAHEAD_REQUEST}: one {@code opus_int32*}, the pre-skip in samples at 48 kHz. */
    int OPUS_GET_LOOKAHEAD_REQUEST = 4027;
    /** The largest packet one frame can make (RFC 6716 3.2.1). */
    int MAX_PACKET_BYTES = 1275;

    /**
     * {@code OpusEncoder *opus_encoder_create(opus_int32 Fs, int channels, int application, int *error)}.
     *
     * @param sampleRate the input rate in Hz: 8000, 12000, 16000, 24000 or 48000
     * @param channels 1 or 2
     * @param application the {@code OPUS_APPLICATION_*} mode
     * @param error receives {@link #OPUS_OK} or a negative error code
     * @return the encoder, or {@code null} (then {@code error} holds the code)
     */
    Pointer opus_encoder_create(int sampleRate, int channels, int application, IntByReference error);

    /**
     * {@code opus_int32 opus_encode(OpusEncoder *st, const opus_int16 *pcm, int frame_size,
     * unsigned char *data, opus_int32 max_data_bytes)}.
     *
     * @param encoder the encoder from {@link #opus_encoder_create}
     * @param pcm {@code frameSize} interleaved samples per channel
     * @param frameSize samples per channel: 2.5, 5, 10, 20, 40 or 60 ms at the encoder's rate
     * @param data receives the packet
     * @param maxDataBytes room in {@code data}, at most {@link #MAX_PACKET_BYTES} is needed
     * @return the packet length in bytes, or a negative error code
     */
    int opus_encode(Pointer encoder, short[] pcm, int frameSize, byte[] data, int maxDataBytes);

    /**
     * {@code int opus_encoder_ctl(OpusEncoder *st, int request, ...)}.
     *
     * @param args an {@code Integer} for SET requests, an {@link IntByReference} for GET requests
     * @param encoder the encoder from {@link #opus_encoder_create}
     * @param request an {@code OPUS_SET_*_REQUEST} or {@code OPUS_GET_*_REQUEST} code
     * @return {@link #OPUS_OK} or a negative error code
     */
    int opus_encoder_ctl(Pointer encoder, int request, Object... args);

    /**
     * {@code void opus_encoder_destroy(OpusEncoder *st)}.
     *
     * @param encoder the encoder from {@link #opus_encoder_create}; not usable afterwards
     */
    void opus_encoder_destroy(Pointer encoder);

    /**
     * @param error a negative Opus error code
     * @return {@code const char *opus_strerror(int error)}
     */
    String opus_strerror(int error);

    /** @return {@code const char *opus_get_version_string(void)} */
    String opus_get_version_string();

    /**
     * @return the loaded library
     * @throws UnsatisfiedLinkError naming what was tried and what to install
     */
    static Opus load() {
        return Holder.INSTANCE;
    }

    /** @return {@code null} when libopus loads, otherwise why not */
    static String unavailableReason() {
        return NativeLibraries.status(KnownLibrary.OPUS).reason();
    }

    /** Loads once, on first use. */
    final class Holder {
        private static final Opus INSTANCE = NativeLibraries.load(KnownLibrary.OPUS, Opus.class);

        private Holder() {
        }
    }
}
