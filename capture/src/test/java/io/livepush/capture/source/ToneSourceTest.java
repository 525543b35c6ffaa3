package io.livepush.capture.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.AudioFrame;
import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ToneSourceTest {
    private static final double FS = Short.MAX_VALUE;
    private final AtomicLong nanos = new AtomicLong();
    private final MediaClock clock = new MediaClock(nanos::get, 1_700_000_000_000_000L);

    private ToneSource.Builder unpaced() {
        return ToneSource.builder().clock(clock).realtime(false).format(new AudioFormat(48_000, 1));
    }

    @Test
    void twentyMillisecondFramesAreTheDefault() throws Exception {
        try (ToneSource src = unpaced().build()) {
            for (int i = 0; i < 5; i++) {
                AudioFrame f = src.read();
                assertEquals(960, f.sampleCount());
                assertEquals(i * 20_000L, f.ptsUs());
            }
        }
    }

    @Test
    void aacSizedFramesCountTimestampsInSamplesWithoutDrift() throws Exception {
        try (ToneSource src = unpaced().samplesPerFrame(1024).beepDurationUs(0).build()) {
            for (long i = 0; i < 20_000; i++) {
                AudioFrame f = src.read();
                assertEquals(Math.floorDiv(i * 1024 * 1_000_000L, 48_000), f.ptsUs(), "frame " + i);
            }
        }
    }

    @Test
    void beepStartsOnTheExactSampleOfEachSecondAndToneIsPhaseContinuous() throws Exception {
        try (ToneSource src = unpaced().build()) {
            short[] all = collect(src, 48_000 * 3);
            double tone = 2 * Math.PI * 440 / 48_000;
            double beep = 2 * Math.PI * 1000 / 48_000;
            for (int s = 0; s < all.length; s++) {
                int j = s % 48_000;
                double expected = j < 2400 ? 0.8 * FS * Math.sin(beep * j) : 0.25 * FS * Math.sin(tone * s);
                assertTrue(Math.abs(all[s] - expected) <= 1, "sample " + s + " is " + all[s] + ", expected " + expected);
            }
            assertEquals(0, all[48_000], "the beep starts from zero on its onset sample");
            assertTrue(all[48_001] > 0.1 * FS, "and rises at once");
        }
    }

    @Test
    void beepStaysOnTheClockGridWhenTheSourceStartsMidSecond() throws Exception {
        nanos.set(1_500_000_000L);
        try (ToneSource src = unpaced().samplesPerFrame(1024).build()) {
            AudioFrame first = src.read();
            assertEquals(1_500_000L, first.ptsUs());
            long firstSample = 72_000;
            short[] rest = collect(src, 48_000);
            short[] all = new short[first.sampleCount() + rest.length];
            System.arraycopy(first.samples(), 0, all, 0, first.sampleCount());
            System.arraycopy(rest, 0, all, first.sampleCount(), rest.length);
            int onset = (int) (96_000 - firstSample);
            assertTrue(Math.abs(all[onset - 1]) <= 0.25 * FS + 1, "tone just before the 2 s instant");
            assertEquals(0, all[onset]);
            assertEquals(Math.round(0.8 * FS * Math.sin(2 * Math.PI * 1000 * 5 / 48_000)), all[onset + 5]);
        }
    }

    @Test
    void beepOnsetMatchesTheTestPatternFlashOnTheSameClock() throws Exception {
        try (ToneSource tone = unpaced().build();
                TestPatternSource video = TestPatternSource.builder().size(320, 240).clock(clock).realtime(false).build()) {
            short[] audio = collect(tone, 48_000 * 4);
            int bandRow = video.flashBandTop() + 1;
            for (int n = 0; n < 120; n++) {
                VideoFrame f = video.read();
                if ((f.plane(0).get(bandRow * f.stride(0)) & 0xFF) == 235) {
                    int sample = (int) (f.ptsUs() * 48_000 / 1_000_000);
                    assertEquals(0, audio[sample], "beep onset at the flash of frame " + n);
                    assertTrue(audio[sample + 1] > 0.1 * FS && Math.abs(audio[sample - 1 < 0 ? 0 : sample - 1]) <= 0.25 * FS + 1);
                }
                f.release();
            }
        }
    }

    @Test
    void stereoCarriesTheSameSignalOnBothChannels() throws Exception {
        try (ToneSource src = unpaced().format(new AudioFormat(44_100, 2)).build()) {
            AudioFrame f = src.read();
            assertEquals(882, f.sampleCount());
            for (int i = 0; i < f.sampleCount(); i++) {
                assertEquals(f.samples()[2 * i], f.samples()[2 * i + 1]);
            }
        }
    }

    @Test
    void realtimeSourceThatFellBehindDropsSamplesButKeepsThePhase() throws Exception {
        try (ToneSource src = ToneSource.builder().clock(clock).format(new AudioFormat(48_000, 1)).beepDurationUs(0).build()) {
            src.read();
            nanos.set(2_000_000_000L);
            AudioFrame f = src.read();
            assertEquals(2_000_000L, f.ptsUs());
            assertEquals(96_000 - 960, src.droppedSamples());
            double tone = 2 * Math.PI * 440 / 48_000;
            for (int i = 0; i < f.sampleCount(); i++) {
                assertTrue(Math.abs(f.samples()[i] - 0.25 * FS * Math.sin(tone * (96_000 + i))) <= 1);
            }
        }
    }

    @Test
    void readReturnsNullAfterTheFrameLimitAndAfterClose() throws Exception {
        ToneSource src = unpaced().frameLimit(2).build();
        src.read();
        src.read();
        assertNull(src.read());
        ToneSource closed = unpaced().build();
        closed.close();
        closed.close();
        assertNull(closed.read());
    }

    @Test
    void badConfigurationIsRejectedWithTheAllowedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToneSource.builder().amplitude(1.5));
        assertEquals("tone amplitude 1.5 is not allowed (expected 0..1 of full scale)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ToneSource.builder().format(new AudioFormat(8000, 1)).beepFrequencyHz(5000).build());
        assertEquals("tone 440.0 Hz / beep 5000.0 Hz must be below half the sample rate (4000 Hz)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ToneSource.builder().flashSchedule(new FlashSchedule(20_000)).build());
        assertEquals("beep duration 50000 us is longer than the flash period 20000 us", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ToneSource.builder().samplesPerFrame(0));
    }

    private static short[] collect(ToneSource src, int samples) throws Exception {
        short[] out = new short[samples];
        int at = 0;
        while (at < samples) {
            AudioFrame f = src.read();
            int n = Math.min(f.samples().length, samples - at);
            System.arraycopy(f.samples(), 0, out, at, n);
            at += n;
        }
        return out;
    }
}
