package io.livepush.publisher.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.NginxRtmp;
import io.livepush.publisher.rtmp.RtmpTimeoutException;
import io.livepush.publisher.rtmp.client.RtmpClientConfig;
import io.livepush.publisher.stream.LiveStreamConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that accepts the TCP connection and never answers (nginx frozen with SIGSTOP: the kernel
 * still completes the TCP handshake on its listening socket) gives a typed timeout within the
 * configured time, not a hang.
 */
class SilentServerNginxIT {
    @TempDir
    Path dir;

    @Test
    void aServerThatAcceptsAndNeverAnswersFailsTheStartWithAHandshakeTimeoutInTime() throws Exception {
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null)) {
            Signals.stop(nginx.pid());
            try {
                LiveStreamConfig config = LiveStreamConfig.builder(nginx.url("silent-key-0123456789"))
                        .video(FaultStream.video(320, 240, 300_000))
                        .rtmp(RtmpClientConfig.builder().connectTimeout(Duration.ofSeconds(2))
                                .handshakeTimeout(Duration.ofMillis(1500)).build())
                        .build();
                FaultStream fs = new FaultStream(config, false);
                long t0 = System.nanoTime();
                try (var stream = fs.stream) {
                    ExecutionException e = assertThrows(ExecutionException.class,
                            () -> stream.start().get(10, TimeUnit.SECONDS));
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    RtmpTimeoutException timeout = assertInstanceOf(RtmpTimeoutException.class, e.getCause());
                    assertEquals("handshake", timeout.step());
                    System.out.println("silent server: " + timeout.getMessage() + " after " + ms + " ms");
                    assertTrue(ms >= 1400 && ms < 2500, "timed out after " + ms + " ms (configured 1500)");
                    stream.done().get(5, TimeUnit.SECONDS);
                }
                assertTrue(fs.events.stream().anyMatch(ev -> ev.name().equals("failed")), fs.events.toString());
            } finally {
                Signals.resume(nginx.pid());
            }
        }
    }
}
