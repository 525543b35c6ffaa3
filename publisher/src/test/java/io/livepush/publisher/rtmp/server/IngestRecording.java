package io.livepush.publisher.rtmp.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** An ingest listener that keeps everything it hears. */
final class IngestRecording implements RtmpIngestListener {

    final List<String> started = new CopyOnWriteArrayList<>();
    final List<String> ended = new CopyOnWriteArrayList<>();
    final List<IngestedMessage> messages = new CopyOnWriteArrayList<>();
    final CountDownLatch endLatch = new CountDownLatch(1);

    @Override
    public void onPublishStart(String streamKeyRedacted, String app) {
        started.add(app + "/" + streamKeyRedacted);
    }

    @Override
    public void onMessage(IngestedMessage message) {
        messages.add(message);
    }

    @Override
    public void onPublishEnd(String streamKeyRedacted) {
        ended.add(streamKeyRedacted);
        endLatch.countDown();
    }

    void awaitMessages(int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (messages.size() < n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }
}
