package io.livepush.examples.cli;

import io.livepush.capture.AudioSource;
import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoSource;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamListener;
import io.livepush.publisher.stream.LiveStreamStats;
import io.livepush.publisher.stream.SeiDropReason;
import java.io.PrintStream;
import io.livepush.publisher.reconnect.ReconnectPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code livepush push [options] URL [URL...]}: push one encode to every URL until {@code --duration} or
 * Ctrl-C, a status line each second. Each URL has its own connection and reconnects on its own.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Push a stream to one or more RTMP/RTMPS ingests until --duration or Ctrl-C; a status line each second."
                + " Lost connections are made again (2 s, x1.5, up to 30 s) within --reconnect-budget attempts.")
final class PushCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "URL", description = "rtmp[s]://host[:port]/app[/instance]/key[?query];"
            + " several URLs get the same encode, each over its own connection")
    List<String> urls;

    @Option(names = "--also", paramLabel = "URL", description = "Another destination (repeatable); same as an extra URL.")
    List<String> also = new ArrayList<>();

    @Option(names = "--reconnect-budget", defaultValue = "25", paramLabel = "N",
            description = "Reconnect attempts in a row before a destination gives up; 0 = never reconnect (default: ${DEFAULT-VALUE}).")
    int reconnectBudget;

    @Option(names = "--no-adaptive-bitrate", description = "Keep the video bitrate fixed under congestion (frames are still dropped).")
    boolean fixedBitrate;

    @Mixin
    StreamOptions options;

    @Option(names = "--duration", converter = DurationArg.class, description = "Stop after this long, e.g. 10s, 2m.")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        MediaClock clock = new MediaClock();
        List<String> all = new ArrayList<>(urls);
        all.addAll(also);
        LiveStreamConfig.Builder builder = options.streamConfig(all.get(0)).toBuilder();
        for (String extra : all.subList(1, all.size())) {
            builder.addDestination(extra);
        }
        if (reconnectBudget < 0) {
            throw new IllegalArgumentException("--reconnect-budget is " + reconnectBudget + " (expected 0 or more)");
        }
        LiveStreamConfig config = builder.reconnect(ReconnectPolicy.builder().maxAttempts(reconnectBudget).build())
                .adaptiveBitrate(!fixedBitrate).build();
        VideoSource video = VideoSourceSpecs.open(options.video, options.size, options.fps, clock, true);
        AudioSource audio = AudioSourceSpecs.open(options.audio, config.audio().audioFormat(), clock, true);
        try (LiveStream stream = LiveStream.create(config, video, audio, clock, new StatusPrinter(out))) {
            Thread hook = new Thread(stream::close, "livepush-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            stream.start().join();
            SeiTicker sei = options.seiTicker(stream);
            long endNanos = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            while (!stream.done().isDone() && System.nanoTime() < endNanos) {
                sei.tick();
                Thread.sleep(10);
            }
            boolean failed = stream.done().isDone();
            stream.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // shutting down already
            }
            return failed ? 1 : 0;
        }
    }

    /** Prints the stream's events, one line each, and the status line each second. */
    static final class StatusPrinter implements LiveStreamListener {
        private final PrintStream out;

        StatusPrinter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void onConnecting(String redactedUrl) {
            out.println("connecting to " + redactedUrl);
        }

        @Override
        public void onPublishing() {
            out.println("publishing");
        }

        @Override
        public void onReconnecting(String destination, int attempt, Duration delay, Throwable cause) {
            out.println("connection to " + destination + " lost (" + (cause.getMessage() != null ? cause.getMessage() : cause)
                    + "); attempt " + attempt + " in " + delay.toMillis() + " ms");
        }

        @Override
        public void onReconnected(String destination) {
            out.println("publishing again to " + destination);
        }

        @Override
        public void onGaveUp(String destination, Throwable cause) {
            System.err.println("livepush: gave up on " + destination + ": " + (cause.getMessage() != null ? cause.getMessage() : cause));
        }

        @Override
        public void onSeiDropped(byte[] payload, SeiDropReason reason, String destination) {
            System.err.println("livepush: an SEI payload of " + payload.length + " bytes did not reach "
                    + (destination != null ? destination : "any frame") + " (" + reason + ")");
        }

        @Override
        public void onStats(LiveStreamStats stats) {
            out.println(stats.toStatusLine());
        }

        @Override
        public void onFailed(Throwable cause) {
            System.err.println("livepush: stream failed: " + (cause.getMessage() != null ? cause.getMessage() : cause));
        }

        @Override
        public void onClosed() {
            out.println("closed");
        }
    }
}
