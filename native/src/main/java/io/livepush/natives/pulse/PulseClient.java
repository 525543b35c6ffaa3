package io.livepush.natives.pulse;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.livepush.natives.KnownLibrary;
import io.livepush.natives.NativeLibraries;

/**
 * The parts of PulseAudio's asynchronous client library ({@code libpulse.so.0}) used to list the
 * server's sources: a private {@code pa_mainloop}, a {@code pa_context}, and
 * {@code pa_context_get_source_info_list}; plus {@code pa_strerror}.
 *
 * <p>Everything runs on the one thread that iterates the main loop; callbacks come on it.
 */
public interface PulseClient extends Library {
    /** {@code PA_CONTEXT_NOAUTOSPAWN}: never start a server. */
    int PA_CONTEXT_NOAUTOSPAWN = 1;
    /** {@code PA_CONTEXT_READY}. */
    int PA_CONTEXT_READY = 4;
    /** {@code PA_CONTEXT_FAILED}. */
    int PA_CONTEXT_FAILED = 5;
    /** {@code PA_CONTEXT_TERMINATED}. */
    int PA_CONTEXT_TERMINATED = 6;
    /** {@code PA_OPERATION_RUNNING}. */
    int PA_OPERATION_RUNNING = 0;

    /** @return {@code pa_mainloop *pa_mainloop_new(void)} */
    Pointer pa_mainloop_new();

    /**
     * @param mainloop the loop from {@link #pa_mainloop_new}
     * @return {@code pa_mainloop_api *pa_mainloop_get_api(pa_mainloop *m)}
     */
    Pointer pa_mainloop_get_api(Pointer mainloop);

    /**
     * {@code int pa_mainloop_iterate(pa_mainloop *m, int block, int *retval)}.
     *
     * @param mainloop the loop from {@link #pa_mainloop_new}
     * @param block 1 to wait for an event, 0 to return at once
     * @param retval receives the quit value when the loop quit, or {@code null}
     * @return dispatched sources, or negative when the loop quit or failed
     */
    int pa_mainloop_iterate(Pointer mainloop, int block, IntByReference retval);

    /**
     * {@code void pa_mainloop_free(pa_mainloop *m)}.
     *
     * @param mainloop the loop from {@link #pa_mainloop_new}; not usable afterwards
     */
    void pa_mainloop_free(Pointer mainloop);

    /**
     * @param api the loop's API from {@link #pa_mainloop_get_api}
     * @param name the application name the server shows
     * @return {@code pa_context *pa_context_new(pa_mainloop_api *api, const char *name)}
     */
    Pointer pa_context_new(Pointer api, String name);

    /**
     * {@code int pa_context_connect(pa_context *c, const char *server, pa_context_flags_t flags,
     * const pa_spawn_api *api)}.
     *
     * @param context the context from {@link #pa_context_new}
     * @param server e.g. {@code unix:/run/user/1000/pulse/native}, or {@code null} for the default
     * @param flags {@link #PA_CONTEXT_NOAUTOSPAWN} or 0
     * @param spawnApi {@code null}
     * @return 0, or negative on an immediate failure
     */
    int pa_context_connect(Pointer context, String server, int flags, Pointer spawnApi);

    /**
     * @param context the context
     * @return {@code pa_context_state_t pa_context_get_state(const pa_context *c)}
     */
    int pa_context_get_state(Pointer context);

    /**
     * @param context the context
     * @return {@code int pa_context_errno(const pa_context *c)}, the last {@code PA_ERR_*}
     */
    int pa_context_errno(Pointer context);

    /**
     * {@code void pa_context_disconnect(pa_context *c)}.
     *
     * @param context the context
     */
    void pa_context_disconnect(Pointer context);

    /**
     * {@code void pa_context_unref(pa_context *c)}.
     *
     * @param context the context; not usable afterwards
     */
    void pa_context_unref(Pointer context);

    /**
     * {@code pa_operation *pa_context_get_source_info_list(pa_context *c, pa_source_info_cb_t cb,
     * void *userdata)}.
     *
     * @param context a ready context
     * @param cb called on the loop thread once per source, then once with {@code eol} set
     * @param userdata passed to {@code cb} unchanged, may be {@code null}
     * @return the operation, or {@code null} on failure
     */
    Pointer pa_context_get_source_info_list(Pointer context, SourceInfoCallback cb, Pointer userdata);

    /**
     * @param operation the operation
     * @return {@code pa_operation_state_t pa_operation_get_state(const pa_operation *o)}
     */
    int pa_operation_get_state(Pointer operation);

    /**
     * {@code void pa_operation_unref(pa_operation *o)}.
     *
     * @param operation the operation; not usable afterwards
     */
    void pa_operation_unref(Pointer operation);

    /**
     * @param error a {@code PA_ERR_*} code
     * @return {@code const char *pa_strerror(int error)}: the text of a {@code PA_ERR_*} code
     */
    String pa_strerror(int error);

    /**
     * {@code void (*pa_source_info_cb_t)(pa_context *c, const pa_source_info *i, int eol, void *u)};
     * {@code i} is valid only during the call. {@code pa_source_info} starts with
     * {@code const char *name} (offset 0), {@code uint32_t index} (8), {@code const char *description}
     * (16), {@code pa_sample_spec sample_spec} (24: format, 28: rate, 32: channels) on 64-bit systems.
     */
    interface SourceInfoCallback extends Callback {
        /** Offset of {@code description} in {@code pa_source_info}. */
        long DESCRIPTION_OFFSET = 2L * com.sun.jna.Native.POINTER_SIZE;
        /** Offset of {@code sample_spec.rate} in {@code pa_source_info}. */
        long RATE_OFFSET = 3L * com.sun.jna.Native.POINTER_SIZE + 4;
        /** Offset of {@code sample_spec.channels} in {@code pa_source_info}. */
        long CHANNELS_OFFSET = 3L * com.sun.jna.Native.POINTER_SIZE + 8;

        /**
         * @param context the context
         * @param info one source, or {@code null} with {@code eol != 0} at the end
         * @param eol positive at the end of the list, negative on error
         * @param userdata as given
         */
        void invoke(Pointer context, Pointer info, int eol, Pointer userdata);
    }

    /**
     * @return the loaded library
     * @throws UnsatisfiedLinkError naming what was tried and what to install
     */
    static PulseClient load() {
        return Holder.INSTANCE;
    }

    /** @return {@code null} when libpulse loads, otherwise why not */
    static String unavailableReason() {
        return NativeLibraries.status(KnownLibrary.PULSE).reason();
    }

    /** Loads once, on first use. */
    final class Holder {
        private static final PulseClient INSTANCE = NativeLibraries.load(KnownLibrary.PULSE, PulseClient.class);

        private Holder() {
        }
    }
}
