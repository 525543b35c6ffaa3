package io.livepush.cohost.server.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioMixerTest {
    private static AudioFrame tone(double hz, double amplitude, int channels, long startSample, int samples) {
        short[] s = new short[samples * channels];
        for (int i = 0; i < samples; i++) {
            short v = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * (startSample + i) / 48_000));
            for (int c = 0; c < channels; c++) {
                s[i * channels + c] = v;
            }
        }
        return new AudioFrame(s, 48_000, channels, startSample * 1_000_000L / 48_000);
    }

    private static double goertzel(short[] stereo, int channel, double hz) {
        int n = stereo.length / 2;
        double k = 2 * Math.cos(2 * Math.PI * hz / 48_000);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double s0 = stereo[2 * i + channel] / 32768.0 + k * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return Math.sqrt(s1 * s1 + s2 * s2 - k * s1 * s2) / (n / 2.0);
    }

    private static void feed(ParticipantFeed f, double hz, double amplitude, int channels, int blocks) {
        for (int b = 0; b < blocks; b++) {
            f.offerAudio(tone(hz, amplitude, channels, b * 480L, 480));
        }
    }

    @Test
    void twoParticipantsTonesAreBothInTheMix() {
        ParticipantFeed a = new ParticipantFeed("a");
        ParticipantFeed b = new ParticipantFeed("b");
        feed(a, 440, 0.3, 1, 6);
        feed(b, 1000, 0.3, 2, 6);
        short[] out = new AudioMixer().mix(List.of(a, b));
        assertEquals(AudioMixer.BLOCK * 2, out.length);
        assertEquals(0.3, goertzel(out, 0, 440), 0.03);
        assertEquals(0.3, goertzel(out, 1, 1000), 0.03);
        assertTrue(goertzel(out, 0, 700) < 0.02);
    }

    @Test
    void loudParticipantsAreLimitedNeverWrappedAround() {
        ParticipantFeed a = new ParticipantFeed("a");
        ParticipantFeed b = new ParticipantFeed("b");
        ParticipantFeed c = new ParticipantFeed("c");
        feed(a, 300, 1.0, 2, 6);
        feed(b, 300, 1.0, 2, 6);
        feed(c, 300, 1.0, 2, 6);
        AudioMixer mixer = new AudioMixer();
        short[] out = mixer.mix(List.of(a, b, c));
        for (int i = 0; i < out.length; i++) {
            assertTrue(Math.abs(out[i]) <= Limiter.CEILING, "sample " + i + " = " + out[i]);
        }
        // The waveform keeps its sign: a sum near +3x full scale must not come out negative.
        for (int i = 0; i < out.length; i += 2) {
            double expected = Math.sin(2 * Math.PI * 300 * (i / 2) / 48_000);
            if (Math.abs(expected) > 0.2) {
                assertEquals(Math.signum(expected), Math.signum(out[i]), "sign at " + i);
            }
        }
        assertTrue(mixer.limiterGain() < 0.5, "gain " + mixer.limiterGain());
    }

    @Test
    void aParticipantWithNothingQueuedContributesSilenceWithoutHoldingTheOthers() {
        ParticipantFeed talking = new ParticipantFeed("talking");
        ParticipantFeed stalled = new ParticipantFeed("stalled");
        feed(talking, 440, 0.5, 2, 6);
        short[] out = new AudioMixer().mix(List.of(talking, stalled));
        assertEquals(0.5, goertzel(out, 0, 440), 0.05);
    }

    @Test
    void readingWaitsForTheJitterTargetThenDrainsAndPrimesAgain() {
        PcmFifo fifo = new PcmFifo();
        int[] acc = new int[AudioMixer.BLOCK * 2];
        fifo.write(tone(440, 0.5, 2, 0, 960));
        assertEquals(0, fifo.addInto(acc, AudioMixer.BLOCK), "20 ms is below the 40 ms target");
        fifo.write(tone(440, 0.5, 2, 960, 960));
        assertEquals(960, fifo.addInto(acc, AudioMixer.BLOCK));
        assertEquals(960, fifo.addInto(acc, AudioMixer.BLOCK));
        assertEquals(0, fifo.addInto(acc, AudioMixer.BLOCK));
        fifo.write(tone(440, 0.5, 2, 0, 480));
        assertEquals(0, fifo.addInto(acc, AudioMixer.BLOCK), "after running dry it primes again");
    }

    @Test
    void aBacklogIsCutBackToTheTargetSoLatencyDoesNotGrow() {
        PcmFifo fifo = new PcmFifo();
        for (int i = 0; i < 20; i++) {
            fifo.write(tone(440, 0.5, 2, i * 480L, 480));
        }
        assertTrue(fifo.size() <= 48 * PcmFifo.MAX_MS, "queued " + fifo.size());
        assertTrue(fifo.dropped() > 0);
    }

    @Test
    void otherSampleRatesAreRefusedAndCounted() {
        PcmFifo fifo = new PcmFifo();
        fifo.write(new AudioFrame(new short[441], 44_100, 1, 0));
        assertEquals(0, fifo.size());
        assertEquals(441, fifo.refused());
    }
}
