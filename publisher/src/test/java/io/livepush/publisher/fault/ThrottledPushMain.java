package io.livepush.publisher.fault;

import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamStats;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The pushing side of {@link ThrottledLinkIT}, run in a child JVM inside the test's network
 * namespace (a JVM cannot put single sockets into another namespace): starts nginx-rtmp there,
 * pushes 720p with a noisy band at 2.5 Mbit/s for the given seconds and reports on stdout, one line
 * each: {@code READY}, then every 250 ms {@code STAT ms videoBps queueMs kbps droppedFrames
 * audioDropped}, then {@code RECORDING path} and {@code DONE}. Not a test by itself.
 */
public final class ThrottledPushMain {
    private ThrottledPushMain() {
    }

    /**
     * @param args a folder for nginx, and the seconds to push
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        double seconds = Double.parseDouble(args[1]);
        String key = "throttle-key-0123456789";
        try (NginxRtmp nginx = NginxRtmp.start(dir, null)) {
            LiveStreamConfig config = LiveStreamConfig.builder(nginx.url(key))
                    .video(FaultStream.video(1280, 720, 2_500_000)).build();
            FaultStream fs = new FaultStream(config, true);
            try (var stream = fs.stream) {
                stream.start().get(20, TimeUnit.SECONDS);
                long t0 = System.nanoTime();
                System.out.println("READY");
                System.out.flush();
                while (System.nanoTime() - t0 < seconds * 1e9) {
                    Thread.sleep(250);
                    LiveStreamStats s = stream.stats();
                    System.out.printf(Locale.ROOT, "STAT %d %d %d %.0f %d %d%n",
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), s.videoBitrateBps(), s.queueMs(),
                            s.kbps(), s.droppedFrames(), s.audioDroppedWhileDisconnected());
                    System.out.flush();
                }
            }
            RecordingFiles.awaitSettled(nginx.recording(key));
            System.out.println("RECORDING " + nginx.recording(key));
            System.out.println("EVENTS " + fs.events.stream().map(FaultStream.Event::name).toList());
            System.out.println("DONE");
            System.out.flush();
        }
    }
}
