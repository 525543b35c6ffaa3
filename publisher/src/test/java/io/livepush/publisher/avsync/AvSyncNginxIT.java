package io.livepush.publisher.avsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.source.FlashSchedule;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A/V sync through a real server: the test pattern flashes and the tone beeps at the same clock
 * instants (one {@link FlashSchedule}); LiveStream pushes both to nginx-rtmp, and ffmpeg decodes
 * the recording. Every flash frame and every beep onset is found in the decoded streams, and each
 * flash-to-beep offset must be within one video frame (33 ms at 30 fps), and their mean within
 * 5 ms, which only holds because AAC frames are stamped with the input sample they decode to
 * (see {@code VoAacEncoder}).
 */
class AvSyncNginxIT {
    private static final String KEY = "avsync-key-0123456789";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 360;

    @TempDir
    Path dir;

    @Test
    void everyBeepIsHeardWithinOneFrameOfItsFlashAfterAacEncodingAndTheServer() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.require();
        RecordingProbe probe = new RecordingProbe(dir);
        MediaClock clock = new MediaClock();
        FlashSchedule flashes = FlashSchedule.EVERY_SECOND;
        int flashBandTop;
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null)) {
            LiveStreamConfig config = LiveStreamConfig.builder(nginx.url(KEY))
                    .video(VideoEncoderConfig.builder().size(WIDTH, HEIGHT).fps(30).bitrateBps(1_000_000).gopSeconds(2).build())
                    .audio(AudioEncoderConfig.builder().sampleRate(48_000).channels(2).bitrate(128_000).build())
                    .audioEncoder("vo-aacenc").build();
            TestPatternSource video = TestPatternSource.builder().size(WIDTH, HEIGHT).frameRate(FrameRate.of(30))
                    .flashSchedule(flashes).clock(clock).realtime(true).build();
            flashBandTop = video.flashBandTop();
            ToneSource audio = ToneSource.builder().format(config.audio().audioFormat()).flashSchedule(flashes)
                    .clock(clock).realtime(true).build();
            try (LiveStream stream = LiveStream.create(config, video, audio, clock, new LiveStreamListener() { })) {
                stream.start().get(15, TimeUnit.SECONDS);
                Thread.sleep(8_000);
                assertTrue(!stream.done().isDone(), "the stream is still running");
            }
            Path rec = nginx.recording(KEY);
            RecordingFiles.awaitSettled(rec);
            assertEquals("", ffmpeg.decodeErrors(rec), "ffmpeg decode errors");

            List<Double> flashTimes = RecordingProbe.flashTimes(probe.bandLuma(rec, flashBandTop));
            RecordingProbe.Pcm pcm = probe.audio(rec, 48_000);
            List<Double> beepTimes = RecordingProbe.onsetTimes(pcm, 0.45, 0.5);
            assertTrue(flashTimes.size() >= 6, "flashes found: " + flashTimes);
            assertTrue(beepTimes.size() >= 6, "beeps found: " + beepTimes);

            List<Double> offsetsMs = new ArrayList<>();
            for (double flash : flashTimes) {
                double nearest = beepTimes.stream().min((a, b) -> Double.compare(Math.abs(a - flash), Math.abs(b - flash)))
                        .orElseThrow();
                if (Math.abs(nearest - flash) < 0.5) {
                    offsetsMs.add((nearest - flash) * 1000);
                }
            }
            double mean = offsetsMs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double max = offsetsMs.stream().mapToDouble(Math::abs).max().orElse(Double.NaN);
            System.out.printf("[avsync] %d flashes, %d beeps; beep minus flash: mean %+.2f ms, max |%.2f| ms, each %s%n",
                    flashTimes.size(), beepTimes.size(), mean, max, format(offsetsMs));
            assertTrue(offsetsMs.size() >= flashTimes.size() - 1, "a beep within 0.5 s of every flash: " + offsetsMs);
            for (double ms : offsetsMs) {
                assertTrue(Math.abs(ms) <= 33.3, "flash-to-beep offset " + ms + " ms (expected within one frame, 33 ms)");
            }
            // The margin: AAC's 1600-sample priming alone would put every beep 33.3 ms late (measured +32.7 ms
            // with frames stamped at their input block); FLV's whole-millisecond timestamps leave under 1 ms.
            assertTrue(Math.abs(mean) <= 5, "mean offset " + mean + " ms (expected within 5 ms: the codec delay is compensated)");
        }
    }

    private static String format(List<Double> ms) {
        List<String> s = new ArrayList<>();
        for (double m : ms) {
            s.add(String.format("%+.2f", m));
        }
        return s.toString();
    }
}
