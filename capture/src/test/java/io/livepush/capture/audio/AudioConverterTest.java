package io.livepush.capture.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFormat;
import org.junit.jupiter.api.Test;

class AudioConverterTest {

    @Test
    void monoToStereoCopiesAndStereoToMonoAveragesRoundingAwayFromZero() {
        assertArrayEquals(new short[] {1, 1, -7, -7, 32767, 32767}, AudioConverter.remix(new short[] {1, -7, 32767}, 1, 2));
        assertArrayEquals(new short[] {2, -2, 32767, -32768, 5}, AudioConverter.remix(
                new short[] {1, 2, -1, -2, 32767, 32767, -32768, -32768, 10, 0}, 2, 1));
    }

    @Test
    void monoSurvivesARoundTripThroughStereoExactly() {
        short[] mono = AudioSignals.tone(300, 0.05, 0.8, 8000, 1);
        assertArrayEquals(mono, AudioConverter.remix(AudioConverter.remix(mono, 1, 2), 2, 1));
    }

    @Test
    void equalFormatsPassBlocksThroughUntouched() {
        AudioConverter c = new AudioConverter(new AudioFormat(48_000, 2), new AudioFormat(48_000, 2));
        short[] in = {1, 2, 3, 4};
        assertTrue(c.isIdentity());
        assertSame(in, c.convert(in));
        assertEquals(0, c.flush().length);
    }

    @Test
    void monoAt44100BecomesStereoAt48000WithTheSameDuration() {
        AudioConverter c = new AudioConverter(new AudioFormat(44_100, 1), new AudioFormat(48_000, 2));
        short[] out = AudioSignals.concat(c.convert(AudioSignals.tone(440, 0.5, 0.5, 44_100, 1)), c.flush());
        assertEquals(24_000 * 2, out.length);
        double[] l = AudioSignals.channel(out, 2, 0);
        double[] r = AudioSignals.channel(out, 2, 1);
        assertArrayEquals(l, r);
        assertTrue(AudioSignals.goertzel(l, 1000, 20_000, 440, 48_000) > 100 * AudioSignals.goertzel(l, 1000, 20_000, 480, 48_000));
    }
}
