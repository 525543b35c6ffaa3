package io.livepush.natives.pulse;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.livepush.natives.KnownLibrary;
import io.livepush.natives.NativeLibraries;

/**
 * PulseAudio's blocking "simple" API ({@code pulse/simple.h}, {@code libpulse-simple.so.0}).
 *
 * <p>One {@code pa_simple*} must be used by one thread at a time: {@code pa_simple_free} must not
 * run while another thread is inside {@code pa_simple_read}. The library object is thread-safe.
 */
public interface PulseSimple extends Library {
    /** {@code PA_SAMPLE_S16LE}: signed 16-bit little-endian. */
    int PA_SAMPLE_S16LE = 3;
    /** {@code PA_STREAM_RECORD}: a capture stream. */
    int PA_STREAM_RECORD = 2;
    /** {@code PA_RATE_MAX} of PulseAudio 15+: the highest sample rate a stream may ask for. */
    int PA_RATE_MAX = 384_000;

    /**
     * {@code pa_simple *pa_simple_new(const char *server, const char *name, pa_stream_direction_t dir,
     * const char *dev, const char *stream_name, const pa_sample_spec *ss, const pa_channel_map *map,
     * const pa_buffer_attr *attr, int *error)}.
     *
     * @param server e.g. {@code unix:/run/user/1000/pulse/native}, or {@code null} for the default
     * @param name the application name
     * @param dir {@link #PA_STREAM_RECORD}
     * @param dev the source name, or {@code null} for the default source
     * @param streamName a description of the stream
     * @param ss the sample format
     * @param map the channel map, or {@code null} for the default of the channel count
     * @param attr buffer metrics, or {@code null} for the server's (large) defaults
     * @param error receives a {@code PA_ERR_*} code on failure
     * @return the connection, or {@code null} on failure
     */
    Pointer pa_simple_new(String server, String name, int dir, String dev, String streamName, PaSampleSpec ss,
            Pointer map, PaBufferAttr attr, IntByReference error);

    /**
     * {@code int pa_simple_read(pa_simple *s, void *data, size_t bytes, int *error)}: blocks until
     * {@code bytes} are read.
     *
     * @param s the connection from {@link #pa_simple_new}
     * @param data receives {@code bytes} bytes of interleaved samples
     * @param bytes how many bytes to read
     * @param error receives a {@code PA_ERR_*} code on failure
     * @return 0 on success, negative on failure (then {@code error} holds the code)
     */
    int pa_simple_read(Pointer s, Pointer data, long bytes, IntByReference error);

    /**
     * {@code pa_usec_t pa_simple_get_latency(pa_simple *s, int *error)}.
     *
     * @param s the connection from {@link #pa_simple_new}
     * @param error receives a {@code PA_ERR_*} code on failure
     * @return the record latency in microseconds, or {@code (pa_usec_t) -1} on failure
     */
    long pa_simple_get_latency(Pointer s, IntByReference error);

    /**
     * {@code void pa_simple_free(pa_simple *s)}: closes the connection and frees it.
     *
     * @param s the connection from {@link #pa_simple_new}; not usable afterwards
     */
    void pa_simple_free(Pointer s);

    /**
     * @return the loaded library
     * @throws UnsatisfiedLinkError naming what was tried and what to install
     */
    static PulseSimple load() {
        return Holder.INSTANCE;
    }

    /** @return {@code null} when libpulse-simple loads, otherwise why not */
    static String unavailableReason() {
        return NativeLibraries.status(KnownLibrary.PULSE_SIMPLE).reason();
    }

    /** Loads once, on first use. */
    final class Holder {
        private static final PulseSimple INSTANCE = NativeLibraries.load(KnownLibrary.PULSE_SIMPLE, PulseSimple.class);

        private Holder() {
        }
    }
}
