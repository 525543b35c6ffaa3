package io.livepush.examples.cli;

import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code livepush serve}: a local RTMP ingest on 127.0.0.1 for trying things out, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run a local RTMP ingest on 127.0.0.1 until Ctrl-C; prints a report for each stream.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "1935", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--record", paramLabel = "FILE.flv", description = "Write the first published stream to this FLV file.")
    Path record;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is not allowed (expected 0..65535)");
        }
        IngestMonitor monitor = new IngestMonitor(System.out);
        RtmpIngestConfig.Builder b = RtmpIngestConfig.builder().port(port).listener(monitor);
        if (record != null) {
            b.recordFile(record);
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (RtmpIngestServer server = RtmpIngestServer.start(b.build())) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stop.countDown();
            }, "livepush-shutdown"));
            System.out.println("serving RTMP on rtmp://127.0.0.1:" + server.port() + "/live/<key>  (Ctrl-C to stop)");
            stop.await();
        }
        return 0;
    }
}
