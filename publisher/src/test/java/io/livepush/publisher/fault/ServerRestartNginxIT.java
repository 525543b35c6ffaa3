package io.livepush.publisher.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.publisher.reconnect.ReconnectPolicy;
import io.livepush.publisher.stream.LiveStreamConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest dies mid-stream (nginx killed by its pid) and comes back three seconds later on the
 * same port: the stream reconnects by itself, the new recording starts with the sequence headers and
 * a keyframe and decodes cleanly, and the local recording runs on unbroken across the outage.
 */
class ServerRestartNginxIT {
    private static final String KEY = "restart-key-0123456789";

    @TempDir
    Path dir;

    @Test
    void publishingResumesWithinTwoSecondsOfTheServerComingBackAndTheNewRecordingDecodes() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.require();
        Path local = dir.resolve("local.flv");
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null)) {
            LiveStreamConfig config = LiveStreamConfig.builder(nginx.url(KEY)).video(FaultStream.video(640, 360, 800_000))
                    .recordFile(local)
                    .reconnect(ReconnectPolicy.builder().initialDelay(Duration.ofMillis(500))
                            .maxDelay(Duration.ofSeconds(1)).jitter(0.1).build())
                    .build();
            FaultStream fs = new FaultStream(config, false);
            long t0 = System.nanoTime();
            try (var stream = fs.stream) {
                stream.start().get(15, TimeUnit.SECONDS);
                Thread.sleep(4000);
                long killed = System.nanoTime();
                nginx.close();
                fs.await("reconnecting", killed, Duration.ofSeconds(5));
                Thread.sleep(3000);
                nginx.restart();
                long back = System.nanoTime();
                FaultStream.Event reconnected = fs.await("reconnected", back, Duration.ofSeconds(10));
                long resumeMs = TimeUnit.NANOSECONDS.toMillis(reconnected.nanos() - back);
                System.out.println("publishing resumed " + resumeMs + " ms after nginx came back");
                assertTrue(resumeMs < 2000, "resumed " + resumeMs + " ms after the server came back; " + fs.events);
                Thread.sleep(6000);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(fs.events.stream().noneMatch(e -> e.name().equals("failed")), fs.events.toString());

            Path rec = nginx.recording(KEY);
            RecordingFiles.awaitSettled(rec);
            FlvSummary after = FlvSummary.read(rec);
            assertTrue(after.startsWithHeadersThenKeyframe(),
                    "the new recording starts with both sequence headers and a keyframe: " + after);
            assertEquals("", ffmpeg.decodeErrors(rec), "ffmpeg decode errors after the reconnect");
            assertTrue(after.videoFrames() >= 5 * 30, "frames after the reconnect: " + after);

            // The local recording went on through the outage: one timeline, every frame captured.
            RecordingFiles.awaitSettled(local);
            FlvSummary whole = FlvSummary.read(local);
            assertEquals(List.of("meta", "avc-header", "aac-header", "key"), whole.firstTags().subList(0, 4), whole.toString());
            assertEquals("", ffmpeg.decodeErrors(local), "ffmpeg decode errors in the local recording");
            assertTrue(whole.lastTimestampMs() >= (seconds - 2.5) * 1000, "local recording spans " + whole.lastTimestampMs()
                    + " ms of a " + seconds + " s run");
            assertTrue(whole.maxAudioGapMs() <= 30, "audio gap in the local recording: " + whole.maxAudioGapMs() + " ms");
        }
    }
}
