package io.livepush.examples.cli;

import io.livepush.publisher.flv.FlvReader;
import io.livepush.publisher.flv.FlvTag;
import io.livepush.publisher.flv.FlvTagType;
import io.livepush.publisher.rtmp.client.RtmpClient;
import io.livepush.publisher.rtmp.client.RtmpClientConfig;
import io.livepush.publisher.rtmp.client.RtmpClientListener;
import io.livepush.publisher.rtmp.client.RtmpPublishSession;
import io.livepush.publisher.url.RtmpUrl;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code livepush bench publish --input FILE.flv URL}: pushes a pre-encoded FLV file's tags to an
 * ingest as fast as the connection takes them (no pacing) and prints the throughput and the CPU
 * time spent, the figure to set beside {@code ffmpeg -i FILE.flv -c copy -f flv URL}. The file is
 * read into memory first, so only publishing is measured.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Push an FLV file's tags as fast as possible; print MB/s and CPU seconds.")
final class BenchPublishCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FILE.flv", description = "Pre-encoded input.")
    Path input;

    @Parameters(index = "0", paramLabel = "URL", description = "rtmp[s]://host[:port]/app/key")
    String url;

    @Option(names = "--passes", defaultValue = "1",
            description = "Send the file this many times back to back on one stream; each pass is reported, so the"
                    + " later ones show the JIT-warm figure (default: ${DEFAULT-VALUE})")
    int passes;

    @Override
    public Integer call() throws Exception {
        RtmpUrl target = RtmpUrl.parse(url);
        List<FlvTag> tags = new ArrayList<>();
        long bytes = 0;
        try (FlvReader reader = FlvReader.open(input)) {
            for (FlvTag t = reader.next(); t != null; t = reader.next()) {
                tags.add(t);
                bytes += t.body().length;
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        RtmpPublishSession session = RtmpClient.publish(target, RtmpClientConfig.defaults(), new RtmpClientListener() { })
                .get(15, TimeUnit.SECONDS);
        if (passes < 1 || passes > 100) {
            throw new IllegalArgumentException("--passes " + passes + " is not allowed (expected 1..100)");
        }
        long span = tags.isEmpty() ? 0 : tags.get(tags.size() - 1).timestampMs() + 40;
        try {
            for (int pass = 0; pass < passes; pass++) {
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                send(session, tags, pass * span, target);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                System.out.printf(Locale.ROOT, "pass %d: %d tags, %.1f MB in %.3f s: %.1f MB/s, %.2f CPU s (%.2f CPU s per 100 MB)%n",
                        pass + 1, tags.size(), bytes / 1e6, seconds, bytes / 1e6 / seconds, cpu, cpu / (bytes / 1e8));
            }
        } finally {
            session.close();
        }
        return 0;
    }

    /** Sends every tag with its timestamp shifted by {@code offsetMs}, then waits until all is written. */
    private static void send(RtmpPublishSession session, List<FlvTag> tags, long offsetMs, RtmpUrl target)
            throws InterruptedException {
        for (FlvTag t : tags) {
            while (!session.isWritable()) {
                if (session.closeFuture().isDone()) {
                    throw new IllegalStateException("the ingest closed the connection to " + target.redacted());
                }
                LockSupport.parkNanos(50_000);
            }
            if (t.type() == FlvTagType.VIDEO) {
                session.sendVideo(t.timestampMs() + offsetMs, Unpooled.wrappedBuffer(t.body()));
            } else if (t.type() == FlvTagType.AUDIO) {
                session.sendAudio(t.timestampMs() + offsetMs, Unpooled.wrappedBuffer(t.body()));
            }
        }
        while (session.pendingWriteBytes() > 0 && !session.closeFuture().isDone()) {
            LockSupport.parkNanos(100_000);
        }
    }
}
