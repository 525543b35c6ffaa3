package io.livepush.publisher.avsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.MediaClock;
import io.livepush.capture.audio.AudioBackend;
import io.livepush.capture.audio.Microphone;
import io.livepush.capture.audio.PulseDaemon;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamListener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live stream from a real microphone (a PulseAudio daemon's null-sink monitor) and the test
 * pattern, pushed to nginx-rtmp; the Pulse server is killed by pid mid-stream. The listener hears
 * of it once, video goes on, the recorded audio timeline has no hole (silence fills it), and
 * nothing hangs or crashes.
 */
class MicrophoneServerLossNginxIT {
    private static final String KEY = "mic-loss-key-0123456789";

    @TempDir
    Path dir;

    @Test
    void killingThePulseServerMidStreamKeepsVideoAndASilentAudioTimelineAndReportsOnce() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.require();
        RecordingProbe probe = new RecordingProbe(dir);
        MediaClock clock = new MediaClock();
        List<Throwable> sourceErrors = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try (PulseDaemon pulse = PulseDaemon.start(dir.resolve("pulse"));
                NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null)) {
            LiveStreamConfig config = LiveStreamConfig.builder(nginx.url(KEY)).audioEncoder("vo-aacenc")
                    .video(VideoEncoderConfig.builder().size(640, 360).fps(30).bitrateBps(800_000).gopSeconds(2).build())
                    .build();
            TestPatternSource video = TestPatternSource.builder().size(640, 360).frameRate(FrameRate.of(30)).clock(clock)
                    .realtime(true).build();
            Microphone mic = Microphone.builder().backend(AudioBackend.PULSE).pulseServer(pulse.server())
                    .device(PulseDaemon.MONITOR).format(new AudioFormat(48_000, 2)).clock(clock).build();
            LiveStreamListener listener = new LiveStreamListener() {
                @Override
                public void onSourceError(Object source, Throwable cause) {
                    sourceErrors.add(cause);
                }

                @Override
                public void onFailed(Throwable cause) {
                    failures.add(cause);
                }
            };
            long closeMs;
            try (LiveStream stream = LiveStream.create(config, video, mic, clock, listener)) {
                stream.start().get(15, TimeUnit.SECONDS);
                Thread.sleep(3_000);
                pulse.kill();
                Thread.sleep(4_000);
                assertFalse(stream.done().isDone(), "the stream is still running");
                long t0 = System.nanoTime();
                stream.close();
                closeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            }
            assertEquals(1, sourceErrors.size(), "onSourceError once: " + sourceErrors);
            assertTrue(sourceErrors.get(0).getMessage().contains("PulseAudio"), sourceErrors.get(0).getMessage());
            assertTrue(failures.isEmpty(), "stream failures: " + failures);

            Path rec = nginx.recording(KEY);
            RecordingFiles.awaitSettled(rec);
            assertEquals("", ffmpeg.decodeErrors(rec), "ffmpeg decode errors");
            List<RecordingProbe.BandLuma> frames = probe.bandLuma(rec, 300);
            double videoEnd = frames.get(frames.size() - 1).seconds();
            List<Double> audio = probe.audioPacketTimes(rec);
            double longestGap = 0;
            for (int i = 1; i < audio.size(); i++) {
                longestGap = Math.max(longestGap, audio.get(i) - audio.get(i - 1));
            }
            double audioEnd = audio.get(audio.size() - 1);
            System.out.printf("[mic-loss] video to %.2f s (%d frames), audio to %.2f s (%d packets), longest audio gap %.1f ms, "
                    + "close took %d ms, error: %s%n", videoEnd, frames.size(), audioEnd, audio.size(), longestGap * 1000, closeMs,
                    sourceErrors.get(0).getMessage());
            assertTrue(videoEnd > 6.0, "video went on after the kill: ends at " + videoEnd + " s");
            assertTrue(audioEnd > videoEnd - 0.5, "audio timeline reaches the end: " + audioEnd + " s vs video " + videoEnd);
            assertTrue(longestGap < 0.030, "audio packets are at most one AAC frame (21.3 ms) apart, longest gap "
                    + longestGap * 1000 + " ms");
        }
    }
}
