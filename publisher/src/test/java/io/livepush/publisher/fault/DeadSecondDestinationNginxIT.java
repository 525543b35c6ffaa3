package io.livepush.publisher.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.Interop;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.publisher.reconnect.ReconnectPolicy;
import io.livepush.publisher.rtmp.client.RtmpClientConfig;
import io.livepush.publisher.stream.DestinationState;
import io.livepush.publisher.stream.DestinationStats;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One encode pushed to three destinations: a live nginx, a port nobody listens on, and a frozen
 * nginx that accepts and never answers. The dead ones keep retrying on their own threads; the live
 * one's recording is complete: every frame, keyframes exactly 2 s apart, a clean decode.
 */
class DeadSecondDestinationNginxIT {
    private static final String KEY = "multi-key-0123456789";

    @TempDir
    Path dir;

    @Test
    void deadDestinationsNeverHarmTheLiveOnesRecording() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.require();
        try (NginxRtmp live = NginxRtmp.start(dir.resolve("live"), null);
                NginxRtmp frozen = NginxRtmp.start(dir.resolve("frozen"), null)) {
            Signals.stop(frozen.pid());
            try {
                int refused = Interop.freePort();
                LiveStreamConfig config = LiveStreamConfig.builder(live.url(KEY)).video(FaultStream.video(1280, 720, 2_500_000))
                        .addDestination("rtmp://127.0.0.1:" + refused + "/live/" + KEY)
                        .addDestination(frozen.url(KEY))
                        .rtmp(RtmpClientConfig.builder().handshakeTimeout(Duration.ofSeconds(1)).build())
                        .reconnect(ReconnectPolicy.builder().initialDelay(Duration.ofMillis(500))
                                .maxDelay(Duration.ofSeconds(1)).maxAttempts(100).build())
                        .build();
                FaultStream fs = new FaultStream(config, false);
                LiveStreamStats last;
                try (var stream = fs.stream) {
                    stream.start().get(15, TimeUnit.SECONDS);
                    Thread.sleep(10_000);
                    last = stream.stats();
                }
                System.out.println("destinations at the end: " + last.destinations());
                List<DestinationStats> d = last.destinations();
                assertEquals(DestinationState.PUBLISHING, d.get(0).state());
                assertNotEquals(DestinationState.PUBLISHING, d.get(1).state());
                assertNotEquals(DestinationState.PUBLISHING, d.get(2).state());
                assertEquals(0, d.get(0).droppedFrames(), "the live destination dropped frames");
                assertTrue(fs.events.stream().filter(e -> e.name().equals("reconnecting")).count() >= 6,
                        "the dead destinations kept retrying: " + fs.events);

                Path rec = live.recording(KEY);
                RecordingFiles.awaitSettled(rec);
                FlvSummary summary = FlvSummary.read(rec);
                double seconds = summary.lastTimestampMs() / 1000.0;
                System.out.printf("live recording: %d frames over %.2f s (%.1f fps), %d keyframes%n",
                        summary.videoFrames(), seconds, summary.videoFrames() / seconds, summary.keyframes());
                assertEquals(seconds * 30, summary.videoFrames(), seconds * 30 * 0.03, "frames vs duration x fps");
                assertEquals("", ffmpeg.decodeErrors(rec), "ffmpeg decode errors");
                List<Double> keys = ffmpeg.keyframeTimes(rec);
                assertTrue(keys.size() >= 5, "keyframes: " + keys);
                for (int i = 1; i < keys.size(); i++) {
                    assertEquals(2.000, keys.get(i) - keys.get(i - 1), 0.0015, "keyframe spacing at " + keys);
                }
            } finally {
                Signals.resume(frozen.pid());
            }
        }
    }
}
