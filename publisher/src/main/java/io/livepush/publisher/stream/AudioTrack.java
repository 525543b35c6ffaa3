package io.livepush.publisher.stream;

import io.livepush.capture.AudioFrame;
import io.livepush.capture.AudioSource;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.EncodedAudioFrame;
import java.util.concurrent.TimeUnit;
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
    private final MediaSendQueue sendQueue;
    private final Consumer<Throwable> onFailure;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean sourceEnded;

    AudioTrack(AudioSource source, AudioEncoder encoder, MediaSendQueue sendQueue, Consumer<Throwable> onFailure) {
        this.source = source;
        this.encoder = encoder;
        this.sendQueue = sendQueue;
        this.onFailure = onFailure;
        this.thread = new Thread(this::loop, "livepush-audio");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                AudioFrame frame = source.read();
                if (frame == null) {
                    sourceEnded = true;
                    for (EncodedAudioFrame f : encoder.flush()) {
                        sendQueue.offer(MediaPacket.of(f));
                    }
                    return;
                }
                for (EncodedAudioFrame f : encoder.encode(frame)) {
                    sendQueue.offer(MediaPacket.of(f));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            if (running) {
                onFailure.accept(e);
            }
        }
    }

    /** @return true when the source ended and its last frames were queued */
    boolean finished() {
        return sourceEnded && !thread.isAlive();
    }

    boolean threadAlive() {
        return thread.isAlive();
    }

    /** Stops the thread within {@code timeoutMs}. */
    void stop(long timeoutMs) {
        running = false;
        thread.interrupt();
        VideoTrack.join(thread, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs));
    }
}
