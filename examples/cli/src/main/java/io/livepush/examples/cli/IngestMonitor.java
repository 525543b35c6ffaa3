package io.livepush.examples.cli;

import io.livepush.publisher.flv.FlvTagType;
import io.livepush.publisher.inspect.StreamInspector;
import io.livepush.publisher.inspect.StreamReport;
import io.livepush.publisher.rtmp.server.IngestedMessage;
import io.livepush.publisher.rtmp.server.RtmpIngestListener;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Watches what the local ingest receives: one {@link StreamInspector} per published stream, events
 * printed as they happen. Called on the ingest's listener thread.
 */
final class IngestMonitor implements RtmpIngestListener {
    private final PrintStream out;
    private final Map<String, StreamInspector> inspectors = new ConcurrentHashMap<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile long startEpochUs = System.currentTimeMillis() * 1000;

    IngestMonitor(PrintStream out) {
        this.out = out;
    }

    /** Sets the moment the first keyframe's arrival is measured from. */
    void markStart(long epochUs) {
        this.startEpochUs = epochUs;
    }

    @Override
    public void onPublishStart(String streamKeyRedacted, String app) {
        out.println("ingest: publishing started: " + app + "/" + streamKeyRedacted);
        inspectors.put(streamKeyRedacted, new StreamInspector(startEpochUs));
    }

    @Override
    public void onMessage(IngestedMessage m) {
        StreamInspector inspector = inspectors.get(m.streamKeyRedacted());
        if (inspector != null && (m.typeId() == 8 || m.typeId() == 9 || m.typeId() == 18)) {
            inspector.onTag(FlvTagType.ofId(m.typeId()), m.timestampMs(), m.payload(), m.arrivalEpochMicros());
        }
    }

    @Override
    public void onPublishEnd(String streamKeyRedacted) {
        StreamInspector inspector = inspectors.get(streamKeyRedacted);
        out.println("ingest: publishing ended: " + streamKeyRedacted);
        if (inspector != null) {
            out.print(inspector.report().toText());
        }
        ended.countDown();
    }

    /** @return the report of the stream published under this redacted key, or {@code null} */
    StreamReport report(String streamKeyRedacted) {
        StreamInspector i = inspectors.get(streamKeyRedacted);
        return i == null ? null : i.report();
    }

    /** @return the inspector of the stream published under this redacted key, or {@code null} */
    StreamInspector inspector(String streamKeyRedacted) {
        return inspectors.get(streamKeyRedacted);
    }

    /** Waits for the first publish to end. */
    boolean awaitEnd(long timeoutMs) throws InterruptedException {
        return ended.await(timeoutMs, TimeUnit.MILLISECONDS);
    }
}
