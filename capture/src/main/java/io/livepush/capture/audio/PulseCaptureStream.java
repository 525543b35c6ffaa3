package io.livepush.capture.audio;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.livepush.capture.AudioFormat;
import io.livepush.natives.pulse.PaBufferAttr;
import io.livepush.natives.pulse.PaSampleSpec;
import io.livepush.natives.pulse.PulseClient;
import io.livepush.natives.pulse.PulseSimple;

/**
 * A PulseAudio record stream through {@code pa_simple}, asking the server for small fragments
 * ({@code fragsize} = one read block) so data comes evenly instead of in 2-second bursts. The
 * server converts to the requested rate and channel count itself.
 */
final class PulseCaptureStream implements CaptureStream {
    /** {@code PA_ERR_INVALID}. */
    static final int PA_ERR_INVALID = 3;
    /** {@code PA_ERR_NOENTITY}: no such source. */
    static final int PA_ERR_NOENTITY = 5;
    /** {@code PA_ERR_CONNECTIONREFUSED}: no server there. */
    static final int PA_ERR_CONNECTIONREFUSED = 6;

    private final PulseSimple pulse;
    private final Pointer handle;
    private final AudioFormat format;
    private final String device;
    private final String server;
    private Memory block;
    private boolean closed;

    private PulseCaptureStream(PulseSimple pulse, Pointer handle, AudioFormat format, String device, String server) {
        this.pulse = pulse;
        this.handle = handle;
        this.format = format;
        this.device = device;
        this.server = server;
    }

    /**
     * @param server {@code unix:/path/native} or {@code null} for the default server
     * @param device a source name, or {@code null}/{@code default} for the default source
     * @param rate the rate to receive (the server converts), 1..{@link PulseSimple#PA_RATE_MAX}
     * @param channels the channel count to receive, 1 or 2
     * @param fragmentFrames sample frames per fragment the server sends
     * @throws NoSuchDeviceException when the server has no such source
     * @throws IllegalArgumentException when the server refuses the rate (naming the ones it takes), or
     *     takes a rate LivePush cannot carry
     * @throws AudioDeviceException when no server answers or the library is missing
     */
    static PulseCaptureStream open(String server, String device, int rate, int channels, int fragmentFrames)
            throws AudioDeviceException {
        String missing = PulseSimple.unavailableReason();
        if (missing != null) {
            throw new AudioDeviceException("PulseAudio capture is unavailable: " + missing);
        }
        PulseSimple pulse = PulseSimple.load();
        String dev = device == null || device.equals("default") ? null : device;
        int bytesPerFrame = 2 * channels;
        PaBufferAttr attr = PaBufferAttr.forRecord(fragmentFrames * bytesPerFrame,
                Math.max(rate / 2, fragmentFrames) * bytesPerFrame); // drop beyond 500 ms unread
        IntByReference error = new IntByReference();
        Pointer s = pulse.pa_simple_new(server, "LivePush", PulseSimple.PA_STREAM_RECORD, dev, "microphone",
                new PaSampleSpec(PulseSimple.PA_SAMPLE_S16LE, rate, channels), null, attr, error);
        if (s == null) {
            int code = error.getValue();
            String where = "PulseAudio source '" + (dev == null ? "default" : dev) + "' on "
                    + (server == null ? "the default server" : server);
            if (code == PA_ERR_NOENTITY) {
                throw new NoSuchDeviceException(where + " does not exist");
            }
            if (code == PA_ERR_INVALID) {
                throw new IllegalArgumentException(where + " refused " + rate + " Hz " + channels
                        + " ch (supported: 1.." + PulseSimple.PA_RATE_MAX + " Hz, 1..32 channels)");
            }
            throw new AudioDeviceException("cannot open " + where + ": " + strerror(code));
        }
        AudioFormat format;
        try {
            format = new AudioFormat(rate, channels);
        } catch (IllegalArgumentException e) {
            pulse.pa_simple_free(s);
            throw e;
        }
        return new PulseCaptureStream(pulse, s, format, dev == null ? "default" : dev, server);
    }

    static String strerror(int code) {
        try {
            return PulseClient.load().pa_strerror(code) + " (PA_ERR " + code + ")";
        } catch (UnsatisfiedLinkError e) {
            return "PA_ERR " + code;
        }
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public void read(short[] into, int frames) throws AudioDeviceException {
        long bytes = 2L * frames * format.channels();
        if (block == null || block.size() < bytes) {
            block = new Memory(bytes);
        }
        IntByReference error = new IntByReference();
        if (pulse.pa_simple_read(handle, block, bytes, error) < 0) {
            throw new AudioDeviceException("PulseAudio read from '" + device + "' on "
                    + (server == null ? "the default server" : server) + " failed: " + strerror(error.getValue()));
        }
        block.read(0, into, 0, frames * format.channels());
    }

    @Override
    public long latencyUs() {
        long l = pulse.pa_simple_get_latency(handle, new IntByReference());
        return l < 0 ? 0 : l;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pulse.pa_simple_free(handle);
            if (block != null) {
                block.close();
            }
        }
    }

    @Override
    public String toString() {
        return "pulse:" + device + " " + format;
    }
}
