package io.livepush.examples.cli;

import io.livepush.capture.AudioSource;
import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoSource;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamListener;
import io.livepush.publisher.stream.LiveStreamStats;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code livepush push [options] URL}: push until {@code --duration} or Ctrl-C, a status line each second. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Push a stream to an RTMP/RTMPS ingest until --duration or Ctrl-C; a status line each second.")
final class PushCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "URL", description = "rtmp[s]://host[:port]/app[/instance]/key[?query]")
    String url;

    @Mixin
    StreamOptions options;

    @Option(names = "--duration", converter = DurationArg.class, description = "Stop after this long, e.g. 10s, 2m.")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        MediaClock clock = new MediaClock();
        LiveStreamConfig config = options.streamConfig(url);
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
