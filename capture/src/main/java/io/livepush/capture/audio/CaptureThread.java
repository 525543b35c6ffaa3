package io.livepush.capture.audio;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.MediaClock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The thread that does the blocking native reads for a {@link Microphone} ({@code livepush-mic-capture}),
 * so that {@link Microphone#read()} never waits on the device longer than its own deadline.
 *
 * <p>It reads blocks of one fragment, converts them to the microphone's format, stamps each with
 * the clock time its read returned, and queues them (the oldest is dropped when the reader falls
 * {@value #QUEUE_BLOCKS} blocks behind). When a read fails it closes the stream, reports the
 * failure once through {@code onError}, and tries to reopen every {@value #RETRY_MS} ms until it
 * succeeds or is stopped; each successful open starts a new {@link Block#generation()}.
 *
 * <p>It owns the native stream: only this thread reads and frees it. {@link #stop()} asks it to
 * end; a read that never returns (a frozen server) keeps the daemon thread, and the stream, until
 * the read returns.
 */
final class CaptureThread {
    /** Blocks queued before the oldest is dropped. */
    static final int QUEUE_BLOCKS = 50;
    /** Pause between reconnect attempts. */
    static final long RETRY_MS = 500;

    /** Opens (and reopens) the device. */
    interface Opener {
        CaptureStream open() throws AudioDeviceException;
    }

    /**
     * One block of captured audio in the microphone's format.
     *
     * @param samples interleaved samples (may be empty while a resampler fills)
     * @param endUs the clock time when the native read returned
     * @param deviceFrames sample frames read from the device
     * @param generation which connection it came from (1 = the first)
     */
    record Block(short[] samples, long endUs, int deviceFrames, int generation) {
    }

    private final Opener opener;
    private final AudioFormat target;
    private final int fragmentMs;
    private final MediaClock clock;
    private final Consumer<Throwable> onError;
    private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(QUEUE_BLOCKS);
    private final Thread thread;
    private volatile boolean running = true;
    private CaptureStream stream;
    private int generation;

    CaptureThread(Opener opener, CaptureStream first, AudioFormat target, int fragmentMs, MediaClock clock,
            Consumer<Throwable> onError) {
        this.opener = opener;
        this.stream = first;
        this.target = target;
        this.fragmentMs = fragmentMs;
        this.clock = clock;
        this.onError = onError;
        this.thread = new Thread(this::loop, "livepush-mic-capture");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** @return the next block, or {@code null} when none came within {@code timeoutUs} */
    Block poll(long timeoutUs) throws InterruptedException {
        return timeoutUs <= 0 ? queue.poll() : queue.poll(timeoutUs, TimeUnit.MICROSECONDS);
    }

    /** Asks the thread to stop and waits up to {@code timeoutMs} for it. */
    void stop(long timeoutMs) {
        running = false;
        thread.interrupt();
        try {
            thread.join(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        generation = 1;
        AudioConverter converter = new AudioConverter(stream.format(), target);
        short[] buf = null;
        try {
            while (running) {
                if (stream == null) {
                    try {
                        stream = opener.open();
                        generation++;
                        converter = new AudioConverter(stream.format(), target);
                    } catch (Exception e) {
                        sleep(RETRY_MS);
                        continue;
                    }
                }
                int frames = Math.max(1, stream.format().sampleRate() * fragmentMs / 1000);
                if (buf == null || buf.length != frames * stream.format().channels()) {
                    buf = new short[frames * stream.format().channels()];
                }
                try {
                    stream.read(buf, frames);
                } catch (AudioDeviceException | RuntimeException e) {
                    stream.close();
                    stream = null;
                    if (running) {
                        onError.accept(e);
                    }
                    continue;
                }
                long end = clock.nowUs();
                short[] out = converter.convert(converter.isIdentity() ? buf.clone() : buf);
                Block b = new Block(out, end, frames, generation);
                while (!queue.offer(b)) {
                    queue.poll();
                }
            }
        } finally {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            running = false;
        }
    }
}
