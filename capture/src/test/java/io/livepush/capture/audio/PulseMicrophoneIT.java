package io.livepush.capture.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.AudioFrame;
import io.livepush.capture.MediaClock;
import io.livepush.capture.testing.PeerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PulseAudio backend against a real user-mode daemon with a null sink (PEERS.md). */
class PulseMicrophoneIT {
    private static final int RATE = 48_000;

    @TempDir
    Path dir;
    private PulseDaemon pulse;

    @BeforeEach
    void startPulse() throws Exception {
        pulse = PulseDaemon.start(dir.resolve("pulse"));
    }

    @AfterEach
    void stopPulse() {
        pulse.close();
    }

    private Microphone.Builder mic(MediaClock clock) {
        return Microphone.builder().backend(AudioBackend.PULSE).pulseServer(pulse.server()).device(PulseDaemon.MONITOR)
                .format(new AudioFormat(RATE, 2)).clock(clock);
    }

    @Test
    void aPlayedWavComesBackWithItsTonesInOrderAndNoGapLongerThan20Ms() throws Exception {
        short[] wav = AudioSignals.concat(AudioSignals.tone(440, 1.0, 0.5, RATE, 2), AudioSignals.tone(880, 1.0, 0.5, RATE, 2));
        Path file = AudioSignals.writeWav(dir.resolve("tones.wav"), new AudioFormat(RATE, 2), wav);
        MediaClock clock = new MediaClock();
        List<AudioFrame> frames = new ArrayList<>();
        try (Microphone m = mic(clock).build()) {
            assertEquals(AudioBackend.PULSE, m.backend());
            frames.add(m.read());
            try (PeerProcess play = pulse.play(file)) {
                // A null sink's monitor may start delivering a second or two after playback starts
                // (PEERS.md); read until the tones have come and gone, 10 s at most.
                long end = clock.nowUs() + 10_000_000;
                boolean heard = false;
                int quietFrames = 0;
                while (clock.nowUs() < end && quietFrames < 25) {
                    AudioFrame f = m.read();
                    frames.add(f);
                    boolean loud = peak(f) > 3000;
                    heard |= loud;
                    quietFrames = heard && !loud ? quietFrames + 1 : 0;
                }
            }
            System.out.printf("pulse capture: %d frames, %d silent samples inserted, %d dropped%n", frames.size(),
                    m.silentSamples(), m.droppedSamples());
        }
        short[] all = new short[0];
        for (int i = 0; i < frames.size(); i++) {
            AudioFrame f = frames.get(i);
            assertEquals(960, f.sampleCount(), "20 ms frames");
            assertEquals(frames.get(0).ptsUs() + i * 20_000L, f.ptsUs(), "timestamps counted in samples");
            all = AudioSignals.concat(all, f.samples());
        }
        double[] x = AudioSignals.channel(all, 2, 0);
        int window = RATE / 200; // 5 ms
        int first = -1;
        int last = -1;
        for (int i = 0; i + window <= x.length; i += window) {
            if (AudioSignals.rms(x, i, window) > 3000) {
                first = first < 0 ? i : first;
                last = i + window;
            }
        }
        assertTrue(first >= 0, "the tones were captured");
        double seconds = (last - first) / (double) RATE;
        System.out.printf("pulse capture: tones span %.3f s (played 2.000 s)%n", seconds);
        assertEquals(2.0, seconds, 0.03, "no samples lost or added");
        int longestQuiet = 0;
        int run = 0;
        for (int i = first; i < last; i++) {
            run = Math.abs(x[i]) < 300 ? run + 1 : 0;
            longestQuiet = Math.max(longestQuiet, run);
        }
        System.out.printf("pulse capture: longest quiet run inside the tones %.2f ms%n", longestQuiet * 1000.0 / RATE);
        assertTrue(longestQuiet <= RATE / 50, "gap of " + longestQuiet + " samples");
        int half = RATE * 8 / 10;
        assertTrue(AudioSignals.goertzel(x, first + RATE / 10, half, 440, RATE)
                > 100 * AudioSignals.goertzel(x, first + RATE / 10, half, 880, RATE), "440 Hz first");
        assertTrue(AudioSignals.goertzel(x, last - RATE / 10 - half, half, 880, RATE)
                > 100 * AudioSignals.goertzel(x, last - RATE / 10 - half, half, 440, RATE), "880 Hz second");
    }

    @Test
    void anUnknownDeviceIsRefusedWithTheListOfDevicesFound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mic(new MediaClock()).device("no_such_source").build());
        assertTrue(e.getMessage().contains("'no_such_source'") && e.getMessage().contains("pulse:" + PulseDaemon.MONITOR),
                e.getMessage());
    }

    @Test
    void aRateTheServerRefusesIsReportedWithTheRatesItTakes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mic(new MediaClock()).deviceRate(400_000).build());
        assertTrue(e.getMessage().contains("400000 Hz") && e.getMessage().contains("supported: 1..384000 Hz"), e.getMessage());
    }

    @Test
    void aResampledDeviceRateStillDeliversTheWantedFormat() throws Exception {
        try (Microphone m = mic(new MediaClock()).deviceRate(44_100).build()) {
            AudioFrame f = m.read();
            assertEquals(RATE, f.sampleRate());
            assertEquals(960, f.sampleCount());
        }
    }

    @Test
    void whenTheServerIsKilledSilenceGoesOnInRealTimeTheErrorIsReportedOnceAndCaptureReconnects() throws Exception {
        MediaClock clock = new MediaClock();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (Microphone m = mic(clock).build()) {
            m.setErrorListener((source, cause) -> errors.add(cause));
            AudioFrame previous = m.read();
            for (int i = 0; i < 10; i++) {
                previous = m.read();
            }
            pulse.kill();
            long killedAt = clock.nowUs();
            long slowest = 0;
            int silentFrames = 0;
            while (clock.nowUs() - killedAt < 1_500_000) {
                long t0 = System.nanoTime();
                AudioFrame f = m.read();
                slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                assertEquals(previous.ptsUs() + 20_000, f.ptsUs(), "the timeline goes on");
                silentFrames += isSilent(f) ? 1 : 0;
                previous = f;
            }
            System.out.printf("pulse killed: slowest read %d ms, %d silent frames, errors %s%n", slowest, silentFrames, errors);
            assertEquals(1, errors.size(), "reported once: " + errors);
            assertTrue(errors.get(0).getMessage().contains("PulseAudio read"), errors.get(0).getMessage());
            assertTrue(slowest <= 60, "read() took " + slowest + " ms (expected about 2 frames at most)");
            assertTrue(silentFrames >= 60, silentFrames + " silent frames");
            // A new server on the same socket: capture comes back by itself, on the same timeline.
            pulse = PulseDaemon.start(dir.resolve("pulse"));
            Path file = AudioSignals.writeWav(dir.resolve("t.wav"), new AudioFormat(RATE, 2),
                    AudioSignals.tone(660, 3.0, 0.5, RATE, 2));
            boolean heard = false;
            try (PeerProcess play = pulse.play(file)) {
                long until = clock.nowUs() + 3_000_000;
                while (clock.nowUs() < until && !heard) {
                    AudioFrame f = m.read();
                    assertEquals(previous.ptsUs() + 20_000, f.ptsUs());
                    heard = !isSilent(f);
                    previous = f;
                }
            }
            assertTrue(heard, "capture resumed after the server came back");
            assertEquals(1, errors.size(), "nothing more reported: " + errors);
        }
    }

    @Test
    void aFrozenServerWhoseReadNeverReturnsStillLeavesReadOnTimeAndCaptureResumesWhenItThaws() throws Exception {
        MediaClock clock = new MediaClock();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        try (Microphone m = mic(clock).build()) {
            m.setErrorListener((source, cause) -> errors.add(cause));
            AudioFrame previous = m.read();
            signal("STOP");
            try {
                long slowest = 0;
                long until = clock.nowUs() + 1_000_000;
                while (clock.nowUs() < until) {
                    long t0 = System.nanoTime();
                    AudioFrame f = m.read();
                    slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                    assertEquals(previous.ptsUs() + 20_000, f.ptsUs(), "the timeline goes on");
                    previous = f;
                }
                System.out.printf("pulse frozen (SIGSTOP): slowest read %d ms%n", slowest);
                assertTrue(slowest <= 60, "read() took " + slowest + " ms while the native read was blocked");
            } finally {
                signal("CONT");
            }
            Path file = AudioSignals.writeWav(dir.resolve("thaw.wav"), new AudioFormat(RATE, 2),
                    AudioSignals.tone(660, 3.0, 0.5, RATE, 2));
            boolean heard = false;
            try (PeerProcess play = pulse.play(file)) {
                long until = clock.nowUs() + 5_000_000;
                while (clock.nowUs() < until && !heard) {
                    AudioFrame f = m.read();
                    assertEquals(previous.ptsUs() + 20_000, f.ptsUs());
                    heard = peak(f) > 3000;
                    previous = f;
                }
            }
            assertTrue(heard, "capture resumed once the server thawed");
            assertTrue(errors.isEmpty(), "a stall is not an error: " + errors);
        }
    }

    /** Sends a signal to the Pulse daemon, by its pid. */
    private void signal(String name) throws Exception {
        Process p = new ProcessBuilder("kill", "-" + name, Long.toString(pulse.pid())).inheritIO().start();
        assertEquals(0, p.waitFor(), "kill -" + name);
    }

    private static int peak(AudioFrame f) {
        int p = 0;
        for (short s : f.samples()) {
            p = Math.max(p, Math.abs(s));
        }
        return p;
    }

    private static boolean isSilent(AudioFrame f) {
        for (short s : f.samples()) {
            if (s != 0) {
                return false;
            }
        }
        return true;
    }
}
