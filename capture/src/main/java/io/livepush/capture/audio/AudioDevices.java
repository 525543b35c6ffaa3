package io.livepush.capture.audio;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.livepush.natives.alsa.Asound;
import io.livepush.natives.pulse.PulseClient;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lists capture devices: the sources of a PulseAudio server (through libpulse's
 * {@code pa_context_get_source_info_list} on a private main loop, given at most
 * {@value #PULSE_TIMEOUT_MS} ms) and ALSA's PCM name hints that can capture. A backend whose library
 * is missing or whose server does not answer contributes nothing. Thread-safe: each call uses its
 * own main loop.
 */
public final class AudioDevices {
    /** How long a Pulse server gets to answer. */
    public static final long PULSE_TIMEOUT_MS = 2000;

    private AudioDevices() {
    }

    /** @return Pulse sources of the default server, then ALSA capture PCMs */
    public static List<AudioDevice> list() {
        return list(null);
    }

    /**
     * @param pulseServer the Pulse server ({@code unix:/path/native}), or {@code null} for the default
     * @return Pulse sources of that server, then ALSA capture PCMs
     */
    public static List<AudioDevice> list(String pulseServer) {
        List<AudioDevice> all = new ArrayList<>(pulse(pulseServer));
        all.addAll(alsa());
        return List.copyOf(all);
    }

    /**
     * @param pulseServer the server, or {@code null} for the default
     * @return its sources, empty when libpulse is missing or no server answers in time
     */
    public static List<AudioDevice> pulse(String pulseServer) {
        if (PulseClient.unavailableReason() != null) {
            return List.of();
        }
        PulseClient pa = PulseClient.load();
        Pointer loop = pa.pa_mainloop_new();
        if (loop == null) {
            return List.of();
        }
        Pointer ctx = pa.pa_context_new(pa.pa_mainloop_get_api(loop), "LivePush device list");
        List<AudioDevice> found = new ArrayList<>();
        boolean[] done = new boolean[1];
        PulseClient.SourceInfoCallback cb = (c, info, eol, user) -> {
            if (eol != 0 || info == null) {
                done[0] = true;
                return;
            }
            String name = info.getPointer(0).getString(0);
            Pointer d = info.getPointer(PulseClient.SourceInfoCallback.DESCRIPTION_OFFSET);
            int rate = info.getInt(PulseClient.SourceInfoCallback.RATE_OFFSET);
            int channels = info.getByte(PulseClient.SourceInfoCallback.CHANNELS_OFFSET) & 0xFF;
            found.add(new AudioDevice(name, d == null ? "" : d.getString(0), AudioBackend.PULSE, rate, channels));
        };
        Pointer op = null;
        try {
            if (ctx == null || pa.pa_context_connect(ctx, pulseServer, PulseClient.PA_CONTEXT_NOAUTOSPAWN, null) < 0) {
                return List.of();
            }
            long deadline = System.nanoTime() + PULSE_TIMEOUT_MS * 1_000_000L;
            IntByReference ret = new IntByReference();
            while (System.nanoTime() < deadline && !done[0]) {
                if (pa.pa_mainloop_iterate(loop, 0, ret) < 0) {
                    break;
                }
                int state = pa.pa_context_get_state(ctx);
                if (state == PulseClient.PA_CONTEXT_FAILED || state == PulseClient.PA_CONTEXT_TERMINATED) {
                    break;
                }
                if (state == PulseClient.PA_CONTEXT_READY && op == null) {
                    op = pa.pa_context_get_source_info_list(ctx, cb, null);
                    if (op == null) {
                        break;
                    }
                    continue;
                }
                Thread.sleep(1);
            }
            return done[0] ? List.copyOf(found) : List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            if (op != null) {
                pa.pa_operation_unref(op);
            }
            if (ctx != null) {
                pa.pa_context_disconnect(ctx);
                pa.pa_context_unref(ctx);
            }
            pa.pa_mainloop_free(loop);
        }
    }

    /** @return ALSA PCMs from the name hints that can capture; empty when libasound is missing */
    public static List<AudioDevice> alsa() {
        if (Asound.unavailableReason() != null) {
            return List.of();
        }
        Asound alsa = Asound.load();
        PointerByReference ref = new PointerByReference();
        if (alsa.snd_device_name_hint(-1, "pcm", ref) < 0 || ref.getValue() == null) {
            return List.of();
        }
        Pointer hints = ref.getValue();
        List<AudioDevice> found = new ArrayList<>();
        try {
            for (int i = 0;; i++) {
                Pointer hint = hints.getPointer((long) i * Native.POINTER_SIZE);
                if (hint == null) {
                    break;
                }
                String name = take(alsa.snd_device_name_get_hint(hint, "NAME"));
                String desc = take(alsa.snd_device_name_get_hint(hint, "DESC"));
                String ioid = take(alsa.snd_device_name_get_hint(hint, "IOID"));
                if (name != null && (ioid == null || ioid.equals("Input"))) {
                    found.add(new AudioDevice(name, desc == null ? "" : desc.replace('\n', ' '), AudioBackend.ALSA, 0, 0));
                }
            }
        } finally {
            alsa.snd_device_name_free_hint(hints);
        }
        return List.copyOf(found);
    }

    /** Copies a malloc'ed C string and frees it. */
    private static String take(Pointer p) {
        if (p == null) {
            return null;
        }
        try {
            return p.getString(0);
        } finally {
            Native.free(Pointer.nativeValue(p));
        }
    }

    /**
     * @param devices devices
     * @return their names joined for an error message, or "none" when empty
     */
    static String names(List<AudioDevice> devices) {
        return devices.isEmpty() ? "none found"
                : devices.stream().map(d -> d.backend().name().toLowerCase(java.util.Locale.ROOT) + ":" + d.name())
                        .collect(Collectors.joining(", "));
    }
}
