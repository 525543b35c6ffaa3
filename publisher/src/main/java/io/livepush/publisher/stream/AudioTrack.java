package io.livepush.publisher.stream;

import io.livepush.capture.AudioFrame;
import io.livepush.capture.AudioSource;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.EncodedAudioFrame;
import java.util.function.Consumer;

/**
 * The audio half of a {@link LiveStream}: one thread ({@code livepush-audio}) reads the source and
 * encodes; audio frames are small and cheap to encode, so capture and encode share the thread.
 * Encoded frames go to the send queue, which never drops audio. The encoder is touched only by
 * this thread until {@link #stop(long)} has joined it.
 */
final class AudioTrack {
    private final AudioSource source;
    private final AudioEncoder encoder;
    private final MediaFanOut sendQueue;
    private final PipelineWorker worker;
    private volatile boolean sourceEnded;

    AudioTrack(AudioSource source, AudioEncoder encoder, MediaFanOut sendQueue, Consumer<Throwable> onFailure) {
        this.source = source;
        this.encoder = encoder;
        this.sendQueue = sendQueue;
        this.worker = new PipelineWorker("livepush-audio", this::loop, onFailure);
    }

    void start() {
        worker.start();
    }

    private void loop(PipelineWorker self) throws Exception {
        while (self.running()) {
            AudioFrame frame = source.read();
            if (frame == null) {
                sourceEnded = true;
                queue(encoder.flush());
                return;
            }
            queue(encoder.encode(frame));
        }
    }

    private void queue(Iterable<EncodedAudioFrame> frames) {
        for (EncodedAudioFrame f : frames) {
            sendQueue.offer(MediaPacket.of(f));
        }
    }

    /** @return true when the source ended and its last frames were queued */
    boolean finished() {
        return sourceEnded && !worker.isAlive();
    }

    boolean threadAlive() {
        return worker.isAlive();
    }

    /** Stops the thread within {@code timeoutMs}. */
    void stop(long timeoutMs) {
        worker.stop(PipelineWorker.deadline(timeoutMs));
    }
}
