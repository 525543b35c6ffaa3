package io.livepush.publisher.stream;

import io.livepush.publisher.flv.FlvWriter;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local FLV recording of a {@link LiveStream}: its own queue and thread
 * ({@code livepush-recorder}), fed by the same encoders as the destinations, so it goes on
 * unbroken while destinations reconnect or fall behind. It starts at the first keyframe with
 * metadata and both sequence headers. {@link #drainAndStop} writes what is queued and closes the
 * file.
 */
final class RecordingOutput {
    /** Disk keeps up; a generous threshold only guards memory if it ever does not. */
    private static final long DROP_THRESHOLD_MS = 10_000;

    private final MediaSendQueue queue;
    private final FlvWriter writer;
    private final StreamSender sender;
    private final PipelineWorker worker;
    private volatile boolean draining;

    /**
     * @param seiLoss told about dropped packets that carry SEI payloads (disk too slow, or unwritten at close)
     */
    RecordingOutput(Path file, boolean audio, Map<String, Object> metaData, byte[] audioSpecificConfig,
            Consumer<Throwable> onFailure, MediaSendQueue.SeiLoss seiLoss) throws IOException {
        this.queue = new MediaSendQueue(DROP_THRESHOLD_MS, seiLoss);
        this.writer = FlvWriter.open(file);
        writer.writeHeader(audio, true);
        this.sender = new StreamSender(metaData, audioSpecificConfig);
        sender.restart(MediaSink.of(writer, PooledByteBufAllocator.DEFAULT));
        this.worker = new PipelineWorker("livepush-recorder", this::loop, onFailure);
    }

    MediaSendQueue queue() {
        return queue;
    }

    void start() {
        worker.start();
    }

    private void loop(PipelineWorker self) throws Exception {
        while (self.running()) {
            MediaPacket p = queue.take(50, TimeUnit.MILLISECONDS);
            if (p == null) {
                if (draining) {
                    return;
                }
                continue;
            }
            sender.send(p);
        }
    }

    /** Writes what is queued (within {@code timeoutMs}), stops the thread and closes the file. */
    void drainAndStop(long timeoutMs) {
        draining = true;
        queue.close();
        worker.join(timeoutMs);
        worker.stop(PipelineWorker.deadline(1));
        queue.discardRemaining();
        if (!worker.isAlive()) {
            try {
                writer.close();
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(RecordingOutput.class).warn("closing the recording: {}", e.toString());
            }
        }
    }
}
