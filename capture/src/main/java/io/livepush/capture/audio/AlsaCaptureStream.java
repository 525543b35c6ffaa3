package io.livepush.capture.audio;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.livepush.capture.AudioFormat;
import io.livepush.natives.alsa.Asound;
import java.util.ArrayList;
import java.util.List;

/**
 * An ALSA capture PCM: interleaved S16_LE, the requested channel count when the device has it
 * (else the other of 1/2), the requested rate or the nearest the device offers, a period of about
 * one read block and a buffer of eight periods. Overruns ({@code -EPIPE}) and suspends
 * ({@code -ESTRPIPE}) are recovered with {@code snd_pcm_recover} and counted.
 */
final class AlsaCaptureStream implements CaptureStream {
    /** Rates listed when a device refuses the one asked for. */
    static final int[] COMMON_RATES = {8000, 11025, 16000, 22050, 32000, 44100, 48000, 88200, 96000, 176400, 192000};
    private static final int ENODEV = -19;

    private final Asound alsa;
    private final Pointer pcm;
    private final AudioFormat format;
    private final String device;
    private Memory block;
    private long xruns;
    private boolean closed;

    private AlsaCaptureStream(Asound alsa, Pointer pcm, AudioFormat format, String device) {
        this.alsa = alsa;
        this.pcm = pcm;
        this.format = format;
        this.device = device;
    }

    /**
     * @param device a PCM name ({@code default}, {@code hw:0,0}, {@code plughw:1}, one from a config)
     * @param wanted the rate and channels hoped for
     * @param exactRate true: the device must run at {@code wanted.sampleRate()}; false: nearest is fine
     * @param fragmentFrames sample frames per period
     * @throws NoSuchDeviceException when ALSA knows no such PCM
     * @throws IllegalArgumentException when {@code exactRate} and the device cannot run at that rate (names the ones it can)
     * @throws AudioDeviceException for any other failure
     */
    static AlsaCaptureStream open(String device, AudioFormat wanted, boolean exactRate, int fragmentFrames)
            throws AudioDeviceException {
        String missing = Asound.unavailableReason();
        if (missing != null) {
            throw new AudioDeviceException("ALSA capture is unavailable: " + missing);
        }
        Asound alsa = Asound.load();
        String name = device == null ? "default" : device;
        PointerByReference ref = new PointerByReference();
        int rc = alsa.snd_pcm_open(ref, name, Asound.SND_PCM_STREAM_CAPTURE, 0);
        if (rc == Asound.ENOENT || rc == ENODEV) {
            throw new NoSuchDeviceException("ALSA PCM '" + name + "' does not exist (" + alsa.snd_strerror(rc) + ")");
        }
        if (rc < 0) {
            throw new AudioDeviceException("cannot open ALSA PCM '" + name + "' for capture: " + alsa.snd_strerror(rc));
        }
        Pointer pcm = ref.getValue();
        PointerByReference pref = new PointerByReference();
        check(alsa, alsa.snd_pcm_hw_params_malloc(pref), name, "hw_params_malloc", pcm);
        Pointer params = pref.getValue();
        try {
            check(alsa, alsa.snd_pcm_hw_params_any(pcm, params), name, "hw_params_any", pcm);
            check(alsa, alsa.snd_pcm_hw_params_set_access(pcm, params, Asound.SND_PCM_ACCESS_RW_INTERLEAVED), name,
                    "interleaved access", pcm);
            check(alsa, alsa.snd_pcm_hw_params_set_format(pcm, params, Asound.SND_PCM_FORMAT_S16_LE), name,
                    "format S16_LE", pcm);
            int channels = wanted.channels();
            if (alsa.snd_pcm_hw_params_test_channels(pcm, params, channels) != 0) {
                channels = 3 - channels;
            }
            check(alsa, alsa.snd_pcm_hw_params_set_channels(pcm, params, channels), name,
                    "1 or 2 channels", pcm);
            if (exactRate && alsa.snd_pcm_hw_params_test_rate(pcm, params, wanted.sampleRate(), 0) != 0) {
                String supported = supportedRates(alsa, pcm, params);
                alsa.snd_pcm_close(pcm);
                throw new IllegalArgumentException("ALSA PCM '" + name + "' cannot capture at " + wanted.sampleRate()
                        + " Hz (supported: " + supported + ")");
            }
            IntByReference rate = new IntByReference(wanted.sampleRate());
            check(alsa, alsa.snd_pcm_hw_params_set_rate_near(pcm, params, rate, new IntByReference()), name,
                    "rate near " + wanted.sampleRate(), pcm);
            NativeLongByReference period = new NativeLongByReference(new NativeLong(fragmentFrames));
            check(alsa, alsa.snd_pcm_hw_params_set_period_size_near(pcm, params, period, new IntByReference()), name,
                    "period of " + fragmentFrames + " frames", pcm);
            NativeLongByReference buffer = new NativeLongByReference(new NativeLong(period.getValue().longValue() * 8));
            check(alsa, alsa.snd_pcm_hw_params_set_buffer_size_near(pcm, params, buffer), name, "buffer size", pcm);
            check(alsa, alsa.snd_pcm_hw_params(pcm, params), name, "installing hw params", pcm);
            return new AlsaCaptureStream(alsa, pcm, new AudioFormat(rate.getValue(), channels), name);
        } finally {
            alsa.snd_pcm_hw_params_free(params);
        }
    }

    private static String supportedRates(Asound alsa, Pointer pcm, Pointer params) {
        List<String> ok = new ArrayList<>();
        for (int r : COMMON_RATES) {
            if (alsa.snd_pcm_hw_params_test_rate(pcm, params, r, 0) == 0) {
                ok.add(Integer.toString(r));
            }
        }
        IntByReference min = new IntByReference();
        IntByReference max = new IntByReference();
        String range = alsa.snd_pcm_hw_params_get_rate_min(params, min, new IntByReference()) == 0
                && alsa.snd_pcm_hw_params_get_rate_max(params, max, new IntByReference()) == 0
                ? Integer.toUnsignedString(min.getValue()) + ".." + Integer.toUnsignedString(max.getValue()) + " Hz" : "unknown range";
        return (ok.isEmpty() ? "none of the common rates" : String.join(", ", ok) + " Hz") + "; range " + range;
    }

    private static void check(Asound alsa, int rc, String name, String what, Pointer pcm) throws AudioDeviceException {
        if (rc < 0) {
            alsa.snd_pcm_close(pcm);
            throw new AudioDeviceException("ALSA PCM '" + name + "' refused " + what + ": " + alsa.snd_strerror(rc));
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

    /** @return overruns and suspends recovered from so far */
    long xruns() {
        return xruns;
    }

    @Override
    public void read(short[] into, int frames) throws AudioDeviceException {
        int ch = format.channels();
        if (block == null || block.size() < 2L * frames * ch) {
            block = new Memory(2L * frames * ch);
        }
        int done = 0;
        while (done < frames) {
            long n = alsa.snd_pcm_readi(pcm, block.share(2L * done * ch), new NativeLong(frames - done)).longValue();
            if (n < 0) {
                int err = (int) n;
                if (err == Asound.EAGAIN) {
                    alsa.snd_pcm_wait(pcm, 100);
                    continue;
                }
                int rc = alsa.snd_pcm_recover(pcm, err, 1);
                if (rc < 0) {
                    throw new AudioDeviceException("ALSA read from '" + device + "' failed: " + alsa.snd_strerror(err)
                            + " (recovery: " + alsa.snd_strerror(rc) + ")");
                }
                xruns++;
                continue;
            }
            done += (int) n;
        }
        block.read(0, into, 0, frames * ch);
    }

    @Override
    public long latencyUs() {
        return 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            alsa.snd_pcm_close(pcm);
            if (block != null) {
                block.close();
            }
        }
    }

    @Override
    public String toString() {
        return "alsa:" + device + " " + format;
    }
}
