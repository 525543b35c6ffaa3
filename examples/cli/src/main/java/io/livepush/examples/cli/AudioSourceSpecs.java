package io.livepush.examples.cli;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.AudioSource;
import io.livepush.capture.MediaClock;
import io.livepush.capture.audio.AudioDevice;
import io.livepush.capture.audio.AudioDevices;
import io.livepush.capture.audio.Microphone;
import io.livepush.capture.source.ToneSource;
import io.livepush.capture.wav.WavFileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns the {@code --audio} option value into a source stamped by the stream's {@link MediaClock}:
 * {@code tone}, {@code mic} (the default device: PulseAudio when a server answers, else ALSA),
 * {@code mic:DEVICE} (a Pulse source or ALSA PCM name, see {@code livepush devices}),
 * {@code file:PATH.wav} (16-bit PCM, converted to the encoder's format), or {@code none}.
 */
final class AudioSourceSpecs {
    static final String FORMS = "tone, none, mic, mic:DEVICE, file:PATH.wav";

    private AudioSourceSpecs() {
    }

    /**
     * @param spec one of {@link #FORMS}
     * @param format the format the encoder wants
     * @param realtime pace file sources to the clock (push) or run as fast as read
     * @return the source, or {@code null} for {@code none}
     * @throws IllegalArgumentException for a spec not understood, an unknown device (listing those
     *     found) or a file that cannot be read
     * @throws IOException when the device cannot be opened or the file is not a usable WAV file
     */
    static AudioSource open(String spec, AudioFormat format, MediaClock clock, boolean realtime) throws IOException {
        String s = spec == null ? "tone" : spec.trim();
        if (s.equals("none")) {
            return null;
        }
        if (s.equals("tone")) {
            return ToneSource.builder().format(format).clock(clock).realtime(realtime).build();
        }
        if (s.equals("mic") || s.startsWith("mic:")) {
            String device = s.equals("mic") ? null : s.substring(4);
            if (device != null && device.isBlank()) {
                throw new IllegalArgumentException("audio source 'mic:' names no device (expected mic or mic:DEVICE; "
                        + "see livepush devices)");
            }
            return Microphone.builder().device(device).format(format).clock(clock).build();
        }
        if (s.startsWith("file:")) {
            Path p = Path.of(s.substring(5));
            if (!Files.isReadable(p)) {
                throw new IllegalArgumentException("audio file '" + p + "' cannot be read (expected an existing .wav file)");
            }
            return WavFileSource.builder(p).format(format).clock(clock).realtime(realtime).build();
        }
        throw new IllegalArgumentException("audio source '" + s + "' is not understood (expected " + FORMS + ")");
    }

    /** @return the lines {@code livepush devices} prints about audio sources, microphones included */
    static String devicesReport() {
        StringBuilder sb = new StringBuilder("Audio sources: tone, mic[:DEVICE], file:PATH.wav, none\n");
        List<AudioDevice> mics = AudioDevices.list();
        sb.append("Microphones (--audio mic:NAME):");
        if (mics.isEmpty()) {
            sb.append(" none found (no PulseAudio server answered and ALSA lists no capture device)\n");
        } else {
            sb.append('\n');
            for (AudioDevice d : mics) {
                sb.append("  ").append(d.describe()).append('\n');
            }
        }
        return sb.toString();
    }
}
