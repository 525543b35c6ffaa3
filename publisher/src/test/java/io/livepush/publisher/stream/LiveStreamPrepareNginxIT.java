package io.livepush.publisher.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.encoder.VideoEncoderConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LiveStream#prepare()} against nginx-rtmp, which refuses a second publisher of a live key: a
 * stream prepared on the key another stream publishes leaves that stream alone (connect and
 * createStream are accepted, nothing is refused), and publishes the moment the key is free.
 */
class LiveStreamPrepareNginxIT {
    private static final String KEY = "it-prepare-key-0123456789";

    @TempDir
    Path dir;

    private static LiveStream stream(String url) {
        MediaClock clock = new MediaClock();
        LiveStreamConfig c = LiveStreamConfig.builder(url)
                .video(VideoEncoderConfig.builder().size(640, 360).fps(30).bitrateBps(800_000).build()).build();
        TestPatternSource video = TestPatternSource.builder().size(640, 360).frameRate(FrameRate.of(30))
                .clock(clock).realtime(true).build();
        ToneSource tone = ToneSource.builder().format(c.audio().audioFormat()).clock(clock).realtime(true).build();
        return LiveStream.create(c, video, tone, clock, new LiveStreamListener() { });
    }

    @Test
    void aStreamPreparedWhileAnotherPublishesTheKeyTakesItOverStartingWithAKeyframe() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.require();
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null)) {
            LiveStream holder = stream(nginx.url(KEY));
            holder.start().get(15, TimeUnit.SECONDS);
            try (LiveStream next = stream(nginx.url(KEY))) {
                next.prepare().get(15, TimeUnit.SECONDS);
                long before = holder.stats().framesSent();
                Thread.sleep(1000);
                assertFalse(holder.done().isDone(), "the holder still publishes");
                assertTrue(holder.stats().framesSent() - before >= 20, "the holder's frames keep flowing");
                assertFalse(nginx.errorLog().contains("already publishing"), nginx.errorLog());

                holder.close();
                next.start().get(5, TimeUnit.SECONDS);
                Thread.sleep(3000);
                assertFalse(next.done().isDone(), "the prepared stream publishes");
                assertTrue(next.stats().framesSent() >= 60, "frames sent: " + next.stats());
            }
            Path rec = nginx.recording(KEY);
            RecordingFiles.awaitSettled(rec);
            assertEquals("", ffmpeg.decodeErrors(rec), "the recording decodes cleanly");
            List<Double> keys = ffmpeg.keyframeTimes(rec);
            assertTrue(!keys.isEmpty() && keys.get(0) < 0.1, "the new publisher starts with a keyframe: " + keys);
        }
    }

    @Test
    void closingAPreparedStreamLeavesTheKeysPublisherUntouched() throws Exception {
        Ffmpeg.require();
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null)) {
            try (LiveStream holder = stream(nginx.url(KEY))) {
                holder.start().get(15, TimeUnit.SECONDS);
                LiveStream prepared = stream(nginx.url(KEY));
                prepared.prepare().get(15, TimeUnit.SECONDS);
                prepared.close();
                long before = holder.stats().framesSent();
                Thread.sleep(1000);
                assertFalse(holder.done().isDone(), "the holder still publishes");
                assertTrue(holder.stats().framesSent() - before >= 20, "the holder's frames keep flowing");
                String probe = nginx.probeLive(KEY);
                assertTrue(probe.contains("codec_name=h264"), "a player still gets the holder's stream: " + probe);
            }
        }
    }
}
