package io.livepush.publisher.stream;

import io.livepush.capture.MediaClock;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.encoder.VideoEncoderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: pushes the test pattern and tone through a {@link LiveStream} for a given time,
 * sending the given SEI payloads spread over it, and waits for the ingest's recording to settle.
 */
final class NginxPush {
    private NginxPush() {
    }

    /** Pushes 1280x720 at 30 fps for {@code seconds}; returns the payloads actually sent, in order. */
    static List<byte[]> push(LiveStreamConfig config, double seconds, List<byte[]> seiPayloads) throws Exception {
        return push(config, seconds, seiPayloads, null);
    }

    /**
     * Like {@link #push(LiveStreamConfig, double, List)}, running {@code whileLive} on another thread
     * two seconds into the push (e.g. a player probing the live stream); its result is awaited.
     */
    static List<byte[]> push(LiveStreamConfig config, double seconds, List<byte[]> seiPayloads,
            java.util.concurrent.Callable<?> whileLive) throws Exception {
        MediaClock clock = new MediaClock();
        TestPatternSource video = TestPatternSource.builder().size(config.video().width(), config.video().height())
                .frameRate(FrameRate.of(config.video().fps())).clock(clock).realtime(true).build();
        ToneSource audio = ToneSource.builder().format(config.audio().audioFormat()).clock(clock).realtime(true).build();
        List<byte[]> sent = new ArrayList<>();
        try (LiveStream stream = LiveStream.create(config, video, audio, clock, new LiveStreamListener() { })) {
            stream.start().get(15, TimeUnit.SECONDS);
            long start = System.nanoTime();
            java.util.concurrent.CompletableFuture<Object> live = new java.util.concurrent.CompletableFuture<>();
            if (whileLive != null) {
                Thread t = new Thread(() -> {
                    try {
                        Thread.sleep(2000);
                        live.complete(whileLive.call());
                    } catch (Exception e) {
                        live.completeExceptionally(e);
                    }
                }, "test-while-live");
                t.setDaemon(true);
                t.start();
            }
            long total = (long) (seconds * 1e9);
            // SEI payloads go out evenly over the first 80 % of the run, so all reach the recording.
            long gap = seiPayloads.isEmpty() ? total : (long) (total * 0.8 / seiPayloads.size());
            int next = 0;
            while (System.nanoTime() - start < total) {
                if (next < seiPayloads.size() && System.nanoTime() - start >= next * gap + 300_000_000L) {
                    stream.sendSei(seiPayloads.get(next));
                    sent.add(seiPayloads.get(next));
                    next++;
                }
                if (stream.done().isDone()) {
                    throw new AssertionError("the stream stopped early");
                }
                Thread.sleep(5);
            }
            if (whileLive != null) {
                live.get(20, TimeUnit.SECONDS);
            }
        }
        return sent;
    }

    static VideoEncoderConfig video720p() {
        return VideoEncoderConfig.builder().size(1280, 720).fps(30).bitrateBps(2_500_000).gopSeconds(2).build();
    }
}
