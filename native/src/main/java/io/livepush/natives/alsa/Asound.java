package io.livepush.natives.alsa;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.livepush.natives.KnownLibrary;
import io.livepush.natives.NativeLibraries;

/**
 * The ALSA PCM calls used for capture ({@code alsa/pcm.h}, {@code libasound.so.2}): open, hardware
 * parameters (interleaved access, S16_LE, channels, rate, period and buffer size), {@code readi},
 * {@code recover} for xruns and suspends, close, error text and device name hints.
 *
 * <p>{@code snd_pcm_uframes_t} and {@code snd_pcm_sframes_t} are C {@code long}s
 * ({@link NativeLong}). Every call returns 0 or a negative {@code errno} unless noted. One
 * {@code snd_pcm_t*} is used by one thread at a time; the library object is thread-safe.
 *
 * <p>The library reads its configuration when it first opens a PCM: {@code ALSA_CONFIG_PATH} must
 * be in the process environment before that.
 */
public interface Asound extends Library {
    /** {@code SND_PCM_STREAM_CAPTURE}. */
    int SND_PCM_STREAM_CAPTURE = 1;
    /** {@code SND_PCM_NONBLOCK} open mode. */
    int SND_PCM_NONBLOCK = 1;
    /** {@code SND_PCM_ACCESS_RW_INTERLEAVED}. */
    int SND_PCM_ACCESS_RW_INTERLEAVED = 3;
    /** {@code SND_PCM_FORMAT_S16_LE}. */
    int SND_PCM_FORMAT_S16_LE = 2;
    /** {@code -EPIPE}: an overrun (xrun). */
    int EPIPE = -32;
    /** {@code -ESTRPIPE}: the device was suspended. */
    int ESTRPIPE = -86;
    /** {@code -EAGAIN}: nothing to read yet (non-blocking mode). */
    int EAGAIN = -11;
    /** {@code -ENOENT}: no such PCM. */
    int ENOENT = -2;

    /**
     * {@code int snd_pcm_open(snd_pcm_t **pcm, const char *name, snd_pcm_stream_t stream, int mode)}.
     *
     * @param pcm receives the {@code snd_pcm_t*} handle
     * @param name the PCM name, e.g. {@code default}, {@code hw:0,0} or a name defined in the ALSA configuration
     * @param stream {@link #SND_PCM_STREAM_CAPTURE}
     * @param mode 0 for blocking, or {@link #SND_PCM_NONBLOCK}
     * @return 0, or a negative errno ({@link #ENOENT} when there is no such PCM)
     */
    int snd_pcm_open(PointerByReference pcm, String name, int stream, int mode);

    /**
     * {@code int snd_pcm_close(snd_pcm_t *pcm)}.
     *
     * @param pcm the handle; not usable afterwards
     * @return 0, or a negative errno
     */
    int snd_pcm_close(Pointer pcm);

    /**
     * {@code int snd_pcm_hw_params_malloc(snd_pcm_hw_params_t **ptr)}.
     *
     * @param params receives the new {@code snd_pcm_hw_params_t*}, freed with {@link #snd_pcm_hw_params_free}
     * @return 0, or a negative errno
     */
    int snd_pcm_hw_params_malloc(PointerByReference params);

    /**
     * {@code void snd_pcm_hw_params_free(snd_pcm_hw_params_t *obj)}.
     *
     * @param params the parameters from {@link #snd_pcm_hw_params_malloc}
     */
    void snd_pcm_hw_params_free(Pointer params);

    /**
     * {@code int snd_pcm_hw_params_any(snd_pcm_t *pcm, snd_pcm_hw_params_t *params)}: the full space.
     *
     * @param pcm the handle
     * @param params filled with every configuration the device allows
     * @return 0, or a negative errno
     */
    int snd_pcm_hw_params_any(Pointer pcm, Pointer params);

    /**
     * {@code int snd_pcm_hw_params_set_access(pcm, params, snd_pcm_access_t access)}.
     *
     * @param pcm the handle
     * @param params the parameters to restrict
     * @param access {@link #SND_PCM_ACCESS_RW_INTERLEAVED}
     * @return 0, or a negative errno when the device cannot do it
     */
    int snd_pcm_hw_params_set_access(Pointer pcm, Pointer params, int access);

    /**
     * {@code int snd_pcm_hw_params_set_format(pcm, params, snd_pcm_format_t format)}.
     *
     * @param pcm the handle
     * @param params the parameters to restrict
     * @param format {@link #SND_PCM_FORMAT_S16_LE}
     * @return 0, or a negative errno when the device cannot do it
     */
    int snd_pcm_hw_params_set_format(Pointer pcm, Pointer params, int format);

    /**
     * {@code int snd_pcm_hw_params_set_channels(pcm, params, unsigned int val)}.
     *
     * @param pcm the handle
     * @param params the parameters to restrict
     * @param channels the channel count
     * @return 0, or a negative errno when the device cannot do it
     */
    int snd_pcm_hw_params_set_channels(Pointer pcm, Pointer params, int channels);

    /**
     * {@code int snd_pcm_hw_params_test_rate(pcm, params, unsigned int val, int dir)}: 0 when allowed.
     *
     * @param pcm the handle
     * @param params the parameters to test against
     * @param rate the sample rate in Hz
     * @param dir 0 for exactly this rate
     * @return 0 when allowed, a negative errno when not
     */
    int snd_pcm_hw_params_test_rate(Pointer pcm, Pointer params, int rate, int dir);

    /**
     * {@code int snd_pcm_hw_params_test_channels(pcm, params, unsigned int val)}: 0 when allowed.
     *
     * @param pcm the handle
     * @param params the parameters to test against
     * @param channels the channel count
     * @return 0 when allowed, a negative errno when not
     */
    int snd_pcm_hw_params_test_channels(Pointer pcm, Pointer params, int channels);

    /**
     * {@code int snd_pcm_hw_params_get_rate_min(const params, unsigned int *val, int *dir)}.
     *
     * @param params the parameters
     * @param rate receives the lowest rate in Hz
     * @param dir receives the sub-unit direction (-1, 0 or 1), or {@code null}
     * @return 0, or a negative errno
     */
    int snd_pcm_hw_params_get_rate_min(Pointer params, IntByReference rate, IntByReference dir);

    /**
     * {@code int snd_pcm_hw_params_get_rate_max(const params, unsigned int *val, int *dir)}.
     *
     * @param params the parameters
     * @param rate receives the highest rate in Hz
     * @param dir receives the sub-unit direction (-1, 0 or 1), or {@code null}
     * @return 0, or a negative errno
     */
    int snd_pcm_hw_params_get_rate_max(Pointer params, IntByReference rate, IntByReference dir);

    /**
     * {@code int snd_pcm_hw_params_set_rate_near(pcm, params, unsigned int *val, int *dir)}.
     *
     * @param pcm the handle
     * @param params the parameters to restrict
     * @param rate in: the rate wanted in Hz; out: the rate chosen
     * @param dir in and out: the sub-unit direction (-1, 0 or 1), or {@code null}
     * @return 0, or a negative errno
     */
    int snd_pcm_hw_params_set_rate_near(Pointer pcm, Pointer params, IntByReference rate, IntByReference dir);

    /**
     * {@code int snd_pcm_hw_params_set_period_size_near(pcm, params, snd_pcm_uframes_t *val, int *dir)}.
     *
     * @param pcm the handle
     * @param params the parameters to restrict
     * @param frames in: the period wanted in frames; out: the period chosen
     * @param dir in and out: the sub-unit direction (-1, 0 or 1), or {@code null}
     * @return 0, or a negative errno
     */
    int snd_pcm_hw_params_set_period_size_near(Pointer pcm, Pointer params, NativeLongByReference frames,
            IntByReference dir);

    /**
     * {@code int snd_pcm_hw_params_set_buffer_size_near(pcm, params, snd_pcm_uframes_t *val)}.
     *
     * @param pcm the handle
     * @param params the parameters to restrict
     * @param frames in: the buffer wanted in frames; out: the buffer chosen
     * @return 0, or a negative errno
     */
    int snd_pcm_hw_params_set_buffer_size_near(Pointer pcm, Pointer params, NativeLongByReference frames);

    /**
     * {@code int snd_pcm_hw_params(snd_pcm_t *pcm, snd_pcm_hw_params_t *params)}: installs them.
     *
     * @param pcm the handle
     * @param params the restricted parameters; one configuration is chosen from them
     * @return 0, or a negative errno
     */
    int snd_pcm_hw_params(Pointer pcm, Pointer params);

    /**
     * {@code int snd_pcm_prepare(snd_pcm_t *pcm)}.
     *
     * @param pcm the handle
     * @return 0, or a negative errno
     */
    int snd_pcm_prepare(Pointer pcm);

    /**
     * {@code int snd_pcm_start(snd_pcm_t *pcm)}.
     *
     * @param pcm the handle, prepared
     * @return 0, or a negative errno
     */
    int snd_pcm_start(Pointer pcm);

    /**
     * {@code snd_pcm_sframes_t snd_pcm_readi(snd_pcm_t *pcm, void *buffer, snd_pcm_uframes_t size)}.
     *
     * @param pcm the handle
     * @param buffer receives {@code frames} interleaved frames
     * @param frames frames to read (one frame holds a sample of every channel)
     * @return frames read, or a negative error ({@link #EPIPE} overrun, {@link #ESTRPIPE} suspended)
     */
    NativeLong snd_pcm_readi(Pointer pcm, Pointer buffer, NativeLong frames);

    /**
     * {@code int snd_pcm_wait(snd_pcm_t *pcm, int timeout)}.
     *
     * @param pcm the handle
     * @param timeoutMs the longest wait in milliseconds, -1 for no limit
     * @return 1 when ready, 0 on timeout, negative on error
     */
    int snd_pcm_wait(Pointer pcm, int timeoutMs);

    /**
     * {@code int snd_pcm_recover(snd_pcm_t *pcm, int err, int silent)}: recovers from
     * {@link #EPIPE} and {@link #ESTRPIPE}.
     *
     * @param pcm the handle
     * @param err the negative error a call returned
     * @param silent 1 to keep ALSA from printing to stderr
     * @return 0 when recovered, else the error
     */
    int snd_pcm_recover(Pointer pcm, int err, int silent);

    /**
     * @param errnum a negative errno from an ALSA call
     * @return {@code const char *snd_strerror(int errnum)}
     */
    String snd_strerror(int errnum);

    /**
     * {@code int snd_device_name_hint(int card, const char *iface, void ***hints)}: card -1 = all.
     *
     * @param card the card index, or -1 for all cards
     * @param iface the interface, e.g. {@code pcm}
     * @param hints receives a {@code null}-terminated array of hints, freed with {@link #snd_device_name_free_hint}
     * @return 0, or a negative errno
     */
    int snd_device_name_hint(int card, String iface, PointerByReference hints);

    /**
     * {@code char *snd_device_name_get_hint(const void *hint, const char *id)}: id NAME, DESC or
     * IOID; the caller frees the result with {@code free()}.
     *
     * @param hint one entry of the array from {@link #snd_device_name_hint}
     * @param id {@code NAME}, {@code DESC} or {@code IOID}
     * @return the value, or {@code null}
     */
    Pointer snd_device_name_get_hint(Pointer hint, String id);

    /**
     * {@code int snd_device_name_free_hint(void **hints)}.
     *
     * @param hints the array from {@link #snd_device_name_hint}
     * @return 0, or a negative errno
     */
    int snd_device_name_free_hint(Pointer hints);

    /**
     * @return the loaded library
     * @throws UnsatisfiedLinkError naming what was tried and what to install
     */
    static Asound load() {
        return Holder.INSTANCE;
    }

    /** @return {@code null} when libasound loads, otherwise why not */
    static String unavailableReason() {
        return NativeLibraries.status(KnownLibrary.ASOUND).reason();
    }

    /** Loads once, on first use. */
    final class Holder {
        private static final Asound INSTANCE = NativeLibraries.load(KnownLibrary.ASOUND, Asound.class);

        private Holder() {
        }
    }
}
