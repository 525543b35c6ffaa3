package io.livepush.capture.audio;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.wav.WavHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Signal helpers for audio tests: tones, WAV files, Goertzel power, RMS, SNR. */
public final class AudioSignals {
    private AudioSignals() {
    }

    /**
     * @return {@code seconds} of a sine at {@code hz} with peak {@code amplitude} (fraction of full
     *     scale), interleaved with the same value on every channel
     */
    public static short[] tone(double hz, double seconds, double amplitude, int rate, int channels) {
        int n = (int) Math.round(seconds * rate);
        short[] s = new short[n * channels];
        for (int i = 0; i < n; i++) {
            short v = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
            for (int c = 0; c < channels; c++) {
                s[i * channels + c] = v;
            }
        }
        return s;
    }

    /** @return a followed by b */
    public static short[] concat(short[]... parts) {
        int len = 0;
        for (short[] p : parts) {
            len += p.length;
        }
        short[] out = new short[len];
        int o = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** Writes a canonical 16-bit PCM WAV file. */
    public static Path writeWav(Path file, AudioFormat format, short[] samples) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            b.putShort(s);
        }
        byte[] header = WavHeader.canonical(format, samples.length * 2);
        byte[] all = new byte[header.length + samples.length * 2];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(b.array(), 0, all, header.length, samples.length * 2);
        return Files.write(file, all);
    }

    /** @return channel {@code channel} of interleaved samples, as doubles */
    public static double[] channel(short[] interleaved, int channels, int channel) {
        double[] out = new double[interleaved.length / channels];
        for (int i = 0; i < out.length; i++) {
            out[i] = interleaved[i * channels + channel];
        }
        return out;
    }

    /** @return the Goertzel power of {@code hz} over {@code x[from..from+len)} normalised by length */
    public static double goertzel(double[] x, int from, int len, double hz, int rate) {
        double w = 2 * Math.PI * hz / rate;
        double cw = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < from + len; i++) {
            double s0 = x[i] + cw * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double p = s1 * s1 + s2 * s2 - cw * s1 * s2;
        return p / ((double) len * len);
    }

    /** @return the root mean square of {@code x[from..from+len)} */
    public static double rms(double[] x, int from, int len) {
        double sum = 0;
        for (int i = from; i < from + len; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum / len);
    }

    /** @return 10 log10(signal power / error power) between {@code actual} and {@code expected} over the range */
    public static double snrDb(double[] actual, double[] expected, int from, int len) {
        double sig = 0;
        double err = 0;
        for (int i = from; i < from + len; i++) {
            sig += expected[i] * expected[i];
            double e = actual[i] - expected[i];
            err += e * e;
        }
        return 10 * Math.log10(sig / Math.max(err, 1e-30));
    }
}
