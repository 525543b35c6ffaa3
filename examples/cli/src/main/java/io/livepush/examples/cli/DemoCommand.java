package io.livepush.examples.cli;

import io.livepush.capture.AudioSource;
import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoSource;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.VideoEncoders;
import io.livepush.encoder.audio.AudioEncoders;
import io.livepush.publisher.flv.FlvReader;
import io.livepush.publisher.flv.FlvTag;
import io.livepush.publisher.inspect.StreamReport;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.url.StreamKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code livepush demo}: the whole push path on one machine with no server to install. Starts the
 * local ingest on a free loopback port, pushes 10 s of test pattern, tone, an SEI event each second
 * and capture-time SEI on every frame, writes what the ingest received to {@code demo.flv}, and
 * prints a report: keyframe spacing, SEI messages received, bitrate, first-keyframe time, latency.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Serve locally, push 10 s of test pattern, tone and SEI, write demo.flv, print a report.")
final class DemoCommand implements Callable<Integer> {
    private static final String KEY = "demo-" + Long.toHexString(System.nanoTime());

    @Option(names = "--seconds", defaultValue = "10", description = "How long to push (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--output", defaultValue = "demo.flv", description = "The recording (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--encoder", defaultValue = "auto", description = "auto|openh264|... (default: ${DEFAULT-VALUE})")
    String encoder;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || seconds > 3600) {
            throw new IllegalArgumentException("--seconds " + seconds + " is not allowed (expected 1..3600)");
        }
        Files.deleteIfExists(output);
        IngestMonitor monitor = new IngestMonitor(System.out);
        int eventsSent = 0;
        try (RtmpIngestServer server = RtmpIngestServer.start(
                RtmpIngestConfig.builder().port(0).recordFile(output).listener(monitor).build())) {
            String url = "rtmp://127.0.0.1:" + server.port() + "/live/" + KEY;
            System.out.println("local ingest on 127.0.0.1:" + server.port() + "; pushing " + seconds
                    + " s of 1280x720 test pattern, 440 Hz tone with a beep each second, SEI events");
            MediaClock clock = new MediaClock();
            LiveStreamConfig config = LiveStreamConfig.builder(url)
                    .videoEncoder(encoder)
                    .video(VideoEncoderConfig.builder().size(1280, 720).fps(30).bitrateBps(2_500_000).gopSeconds(2).build())
                    .seiTimestamps(true)
                    .build();
            VideoSource video = VideoSourceSpecs.open("test", new SizeArg(1280, 720), 30, clock, true);
            AudioSource audio = AudioSourceSpecs.open("tone", config.audio().audioFormat(), clock, true);
            monitor.markStart(System.currentTimeMillis() * 1000);
            try (LiveStream stream = LiveStream.create(config, video, audio, clock, new PushCommand.StatusPrinter(System.out))) {
                stream.start().join();
                System.out.println("video encoder: " + VideoEncoders.lastSelectionReport());
                System.out.println("audio encoder: " + AudioEncoders.lastSelectionReport());
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                long nextEvent = System.nanoTime();
                while (System.nanoTime() < end && !stream.done().isDone()) {
                    if (System.nanoTime() >= nextEvent) {
                        eventsSent++;
                        stream.sendSei(("demo event #" + eventsSent).getBytes(StandardCharsets.UTF_8));
                        nextEvent += 1_000_000_000L;
                    }
                    Thread.sleep(5);
                }
                if (stream.done().isDone()) {
                    System.err.println("livepush: the demo stream stopped early");
                    return 1;
                }
            }
            monitor.awaitEnd(5000);
        }
        StreamReport report = monitor.report(StreamKeys.redact(KEY));
        return printReport(report, eventsSent);
    }

    private int printReport(StreamReport report, int eventsSent) throws Exception {
        System.out.println();
        System.out.println("=== demo report ===");
        if (report == null) {
            System.out.println("  the ingest received no stream");
            return 1;
        }
        System.out.print(report.toText());
        System.out.printf(Locale.ROOT, "  SEI events sent  %d, received %d%n", eventsSent, report.appSeiMessages());
        int tags = 0;
        try (FlvReader reader = FlvReader.open(output)) {
            for (FlvTag t = reader.next(); t != null; t = reader.next()) {
                tags++;
            }
        }
        System.out.printf(Locale.ROOT, "  recording        %s, %d tags, %d bytes (play it: ffplay %s)%n", output, tags,
                Files.size(output), output);
        boolean ok = report.videoFrames() > 0 && report.appSeiMessages() == eventsSent
                && report.maxKeyframeSpacingMs() <= 2000 && report.malformedTags() == 0;
        System.out.println(ok ? "demo OK" : "demo FAILED: see the report above");
        return ok ? 0 : 1;
    }
}
