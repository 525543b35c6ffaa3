package io.livepush.publisher.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.NginxRtmp;
import io.livepush.publisher.reconnect.ReconnectPolicy;
import io.livepush.publisher.rtmp.RtmpTimeoutException;
import io.livepush.publisher.rtmp.client.RtmpClientConfig;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamStats;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest freezes for 60 s (nginx stopped with SIGSTOP: the link takes no byte and new
 * connections get no answer) while capture and encoding go on: the stalled write is detected as a
 * typed timeout, reconnects are tried, the backlog stays bounded (heap after GC under twice the
 * steady state) and close() returns in time even then.
 */
class StalledLinkNginxIT {
    private static final String KEY = "stall-key-0123456789";

    @TempDir
    Path dir;

    @Test
    void sixtySecondsOfStalledLinkKeepHeapBoundedAndCloseInTime() throws Exception {
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null)) {
            LiveStreamConfig config = LiveStreamConfig.builder(nginx.url(KEY)).video(FaultStream.video(1280, 720, 2_500_000))
                    .rtmp(RtmpClientConfig.builder().writeTimeout(Duration.ofSeconds(3))
                            .handshakeTimeout(Duration.ofSeconds(2)).build())
                    .reconnect(ReconnectPolicy.builder().initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(4))
                            .maxAttempts(1000).build())
                    .build();
            FaultStream fs = new FaultStream(config, true);
            try (var stream = fs.stream) {
                stream.start().get(15, TimeUnit.SECONDS);
                Thread.sleep(6000);
                long steady = usedHeapAfterGc();
                long stalled = System.nanoTime();
                Signals.stop(nginx.pid());
                long worst = 0;
                try {
                    FaultStream.Event lost = fs.await("reconnecting", stalled, Duration.ofSeconds(15));
                    RtmpTimeoutException timeout = assertInstanceOf(RtmpTimeoutException.class, lost.cause(), fs.events.toString());
                    long detectMs = TimeUnit.NANOSECONDS.toMillis(lost.nanos() - stalled);
                    System.out.println("stall detected after " + detectMs + " ms: " + timeout.getMessage());
                    assertTrue(timeout.step().startsWith("write"), timeout.getMessage());
                    for (int i = 0; i < 6; i++) {
                        Thread.sleep(10_000 - (i == 0 ? detectMs % 10_000 : 0));
                        long used = usedHeapAfterGc();
                        worst = Math.max(worst, used);
                        LiveStreamStats s = stream.stats();
                        System.out.printf("stalled %2d s: heap %5.1f MB (steady %5.1f MB), %s%n",
                                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stalled), used / 1e6, steady / 1e6,
                                s.destinations().get(0));
                    }
                    assertTrue(worst < 2 * steady, "heap after GC " + worst + " B vs steady " + steady + " B");
                    assertEquals(0, fs.events.stream().filter(e -> e.name().equals("failed")).count(), fs.events.toString());
                    long t0 = System.nanoTime();
                    stream.close();
                    long closeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    System.out.println("close while stalled took " + closeMs + " ms");
                    assertTrue(closeMs < config.closeTimeout().toMillis() + 500, "close took " + closeMs + " ms");
                } finally {
                    Signals.resume(nginx.pid());
                }
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
