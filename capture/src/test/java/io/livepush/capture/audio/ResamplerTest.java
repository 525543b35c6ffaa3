package io.livepush.capture.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {

    /** Resamples in one go and flushes. */
    private static short[] resampleAll(Resampler r, short[] in) {
        return AudioSignals.concat(r.process(in), r.flush());
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"44100, 48000", "48000, 44100", "16000, 48000", "48000, 16000", "22050, 48000", "8000, 44100",
            "96000, 48000", "44100, 47999"})
    void aOneKilohertzSineComesOutAtTheSameTimeWithMoreThan70DbSnr(int inRate, int outRate) {
        int channels = 2;
        short[] in = AudioSignals.tone(1000, 1.0, 0.5, inRate, channels);
        Resampler r = new Resampler(inRate, outRate, channels);
        short[] out = resampleAll(r, in);
        // Output sample n lies at input time n * inRate / outRate: the ideal output is the same sine at outRate.
        double[] expected = AudioSignals.channel(AudioSignals.tone(1000, 1.0, 0.5, outRate, 1), 1, 0);
        assertEquals(expected.length, out.length / channels, "output length is ceil(N * out / in)");
        double[] left = AudioSignals.channel(out, channels, 0);
        double[] right = AudioSignals.channel(out, channels, 1);
        int edge = outRate / 100; // the filter sees silence beyond both ends
        double snr = AudioSignals.snrDb(left, expected, edge, expected.length - 2 * edge);
        System.out.printf("resampler %d -> %d Hz (%s): 1 kHz sine at -6 dBFS, SNR %.1f dB%n", inRate, outRate, r, snr);
        assertTrue(snr > 70, "SNR " + snr + " dB");
        assertArrayEquals(left, right, "channels stay identical");
    }

    @Test
    void decimationSuppressesAToneAboveTheNewNyquistBy60Db() {
        short[] in = AudioSignals.tone(9_000, 0.5, 0.9, 48_000, 1);
        short[] out = resampleAll(new Resampler(48_000, 16_000, 1), in);
        double[] x = AudioSignals.channel(out, 1, 0);
        double rms = AudioSignals.rms(x, 800, x.length - 1600);
        double inRms = 0.9 * 32767 / Math.sqrt(2);
        double attenuation = 20 * Math.log10(inRms / Math.max(rms, 1e-9));
        System.out.printf("resampler 48000 -> 16000 Hz: a 9 kHz tone (aliasing to 7 kHz) is down %.1f dB%n", attenuation);
        assertTrue(attenuation > 60, attenuation + " dB");
    }

    @Test
    void outputDoesNotDependOnHowTheInputIsCutIntoBlocks() {
        short[] in = AudioSignals.tone(440, 0.3, 0.7, 44_100, 2);
        short[] whole = resampleAll(new Resampler(44_100, 48_000, 2), in);
        Resampler r = new Resampler(44_100, 48_000, 2);
        Random random = new Random(7);
        short[] pieces = new short[0];
        int pos = 0;
        while (pos < in.length) {
            int n = Math.min(in.length - pos, 2 * (1 + random.nextInt(700)));
            pieces = AudioSignals.concat(pieces, r.process(Arrays.copyOfRange(in, pos, pos + n)));
            pos += n;
        }
        pieces = AudioSignals.concat(pieces, r.flush());
        assertArrayEquals(whole, pieces);
    }

    @Test
    void fullScaleInputIsClippedNotWrapped() {
        short[] dc = new short[4800];
        Arrays.fill(dc, Short.MAX_VALUE);
        // The step from the silence before sample 0 overshoots (Gibbs); wrapping would turn it negative.
        short[] out = resampleAll(new Resampler(48_000, 44_100, 1), dc);
        for (int i = 0; i < out.length - 50; i++) {
            assertTrue(out[i] >= 0, "sample " + i + " = " + out[i]);
        }
        assertEquals(Short.MAX_VALUE, out[out.length / 2]);
    }

    @Test
    void badArgumentsAreRejectedWithTheAllowedRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Resampler(500, 48_000, 2));
        assertTrue(e.getMessage().contains("500") && e.getMessage().contains("1000..768000"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Resampler(48_000, 44_100, 9));
        assertTrue(e.getMessage().contains("1..8"), e.getMessage());
        Resampler r = new Resampler(48_000, 44_100, 2);
        assertThrows(IllegalArgumentException.class, () -> r.process(new short[3]));
        r.flush();
        assertThrows(IllegalStateException.class, () -> r.process(new short[2]));
    }
}
