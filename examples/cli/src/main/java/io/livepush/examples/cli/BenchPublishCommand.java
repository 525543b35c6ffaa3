package io.livepush.examples.cli;

import io.livepush.publisher.flv.FlvReader;
import io.livepush.publisher.flv.FlvTag;
import io.livepush.publisher.flv.FlvTagType;
import io.livepush.publisher.rtmp.client.RtmpClient;
import io.livepush.publisher.rtmp.client.RtmpClientConfig;
import io.livepush.publisher.rtmp.client.RtmpClientListener;
import io.livepush.publisher.rtmp.client.RtmpPublishSession;
import io.livepush.publisher.url.RtmpUrl;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
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
 * read into memory first (the tag bodies in one direct buffer, as the SDK's own FLV bodies are
 * allocated), so only publishing is measured. When the connection's buffer is full the sender
 * waits for its writability event, not in a polling loop.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Push an FLV file's tags as fast as possible; print MB/s and CPU seconds.")
final class BenchPublishCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FILE.flv", description = "Pre-encoded input.")
    Path input;

    @Parameters(index = "0", paramLabel = "URL", description = "rtmp[s]://host[:port]/app/key")
    String url;

    @Option(names = "--passes", defaultValue = "1",
            description = "Send the file this many times back to back on one stream; each pass is reported, and from"
                    + " 4 passes on the second half together, the JIT-warm figure (default: ${DEFAULT-VALUE})")
    int passes;

    @Option(names = "--transport", defaultValue = "auto", paramLabel = "auto|epoll|nio",
            description = "Socket transport: auto (epoll where it loads, else NIO), epoll or nio"
                    + " (default: ${DEFAULT-VALUE})")
    String transport;

    @Option(names = "--chunk-size", defaultValue = "4096", paramLabel = "BYTES",
            description = "Outgoing RTMP chunk size (default: ${DEFAULT-VALUE})")
    int chunkSize;

    /** One tag held in memory: its body is a region of the shared direct buffer. */
    private record Tag(boolean video, long timestampMs, int offset, int length) {
    }

    @Override
    public Integer call() throws Exception {
        if (passes < 1 || passes > 100) {
            throw new IllegalArgumentException("--passes " + passes + " is not allowed (expected 1..100)");
        }
        RtmpUrl target = RtmpUrl.parse(url);
        RtmpClientConfig.Builder config = RtmpClientConfig.defaults().toBuilder().chunkSize(chunkSize);
        EventLoopGroup group = group(transport);
        if (group != null) {
            config.eventLoopGroup(group);
        }
        List<FlvTag> read = new ArrayList<>();
        long total = 0;
        try (FlvReader reader = FlvReader.open(input)) {
            for (FlvTag t = reader.next(); t != null; t = reader.next()) {
                if (t.type() == FlvTagType.VIDEO || t.type() == FlvTagType.AUDIO) {
                    read.add(t);
                    total += t.body().length;
                }
            }
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(input + " holds " + total + " bytes of tags (expected at most 2 GiB)");
        }
        ByteBuf bodies = PooledByteBufAllocator.DEFAULT.directBuffer((int) total); // slices of it are recycled
        List<Tag> tags = new ArrayList<>(read.size());
        for (FlvTag t : read) {
            tags.add(new Tag(t.type() == FlvTagType.VIDEO, t.timestampMs(), bodies.writerIndex(), t.body().length));
            bodies.writeBytes(t.body());
        }
        read.clear();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try {
            RtmpPublishSession session = RtmpClient.publish(target, config.build(), new RtmpClientListener() { })
                    .get(15, TimeUnit.SECONDS);
            long span = tags.isEmpty() ? 0 : tags.get(tags.size() - 1).timestampMs() + 40;
            int firstWarm = passes / 2 + 1;
            double warmSeconds = 0;
            double warmCpu = 0;
            try {
                for (int pass = 1; pass <= passes; pass++) {
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    send(session, tags, bodies, (pass - 1) * span, target);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                    System.out.printf(Locale.ROOT, "pass %d: %d tags, %.1f MB in %.3f s: %.1f MB/s, %.2f CPU s"
                                    + " (%.3f CPU s per 100 MB)%n", pass, tags.size(), total / 1e6, seconds,
                            total / 1e6 / seconds, cpu, cpu / (total / 1e8));
                    if (pass >= firstWarm) {
                        warmSeconds += seconds;
                        warmCpu += cpu;
                    }
                }
                if (passes >= 4) {
                    double warmBytes = (double) total * (passes - firstWarm + 1);
                    System.out.printf(Locale.ROOT, "passes %d-%d (after JIT warm-up): %.1f MB/s, %.3f CPU s per 100 MB"
                                    + " (whole process)%n", firstWarm, passes, warmBytes / 1e6 / warmSeconds,
                            warmCpu / (warmBytes / 1e8));
                }
            } finally {
                session.close();
            }
        } finally {
            bodies.release();
            if (group != null) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
        return 0;
    }

    /** @return the group for the named transport, or null for the client's shared default */
    private static EventLoopGroup group(String transport) {
        DefaultThreadFactory threads = new DefaultThreadFactory("livepush-bench-io", true);
        return switch (transport) {
            case "auto" -> null;
            case "nio" -> new NioEventLoopGroup(1, threads);
            case "epoll" -> {
                if (!Epoll.isAvailable()) {
                    throw new IllegalArgumentException("--transport epoll is not available here: "
                            + Epoll.unavailabilityCause().getMessage());
                }
                yield new EpollEventLoopGroup(1, threads);
            }
            default -> throw new IllegalArgumentException("--transport " + transport
                    + " is not allowed (expected auto, epoll or nio)");
        };
    }

    /**
     * Sends every tag with its timestamp shifted by {@code offsetMs}, waiting on the session's writability
     * when its buffer is full, then waits until all is written.
     */
    private static void send(RtmpPublishSession session, List<Tag> tags, ByteBuf bodies, long offsetMs,
                             RtmpUrl target) throws Exception {
        for (Tag t : tags) {
            if (!session.isWritable()) {
                session.whenWritable().get();
                if (session.closeFuture().isDone()) {
                    throw new IllegalStateException("the ingest closed the connection to " + target.redacted());
                }
            }
            ByteBuf body = bodies.retainedSlice(t.offset(), t.length());
            if (t.video()) {
                session.sendVideo(t.timestampMs() + offsetMs, body);
            } else {
                session.sendAudio(t.timestampMs() + offsetMs, body);
            }
        }
        while (session.pendingWriteBytes() > 0 && !session.closeFuture().isDone()) {
            session.whenWritable().get();
            if (session.pendingWriteBytes() > 0) {
                LockSupport.parkNanos(100_000); // the last quarter megabyte drains in well under a millisecond
            }
        }
    }
}
