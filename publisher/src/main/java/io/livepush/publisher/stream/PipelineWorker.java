package io.livepush.publisher.stream;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One named daemon thread of the {@link LiveStream} pipeline (capture, encode, send) with the
 * life cycle they share: a body that runs until it returns or {@link #stop} is called; an
 * exception from the body is reported to the stream's failure handler unless the worker was being
 * stopped, when an interrupt or a closed resource is the expected way out.
 */
final class PipelineWorker {
    /** The work of one thread; it checks {@link PipelineWorker#running()} in its loop. */
    @FunctionalInterface
    interface Body {
        void run(PipelineWorker self) throws Exception;
    }

    private final Thread thread;
    private volatile boolean running = true;

    PipelineWorker(String name, Body body, Consumer<Throwable> onFailure) {
        this.thread = new Thread(() -> {
            try {
                body.run(this);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception | Error e) {
                if (running) {
                    onFailure.accept(e);
                }
            }
        }, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** @return false once {@link #stop} was called */
    boolean running() {
        return running;
    }

    /** @return true while the thread runs */
    boolean isAlive() {
        return thread.isAlive();
    }

    /** Waits for the body to return by itself, up to {@code timeoutMs}. */
    void join(long timeoutMs) {
        joinUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(1, timeoutMs)));
    }

    /** Asks the body to stop (flag and interrupt) and waits until {@code deadlineNanos} at most. */
    void stop(long deadlineNanos) {
        running = false;
        thread.interrupt();
        joinUntil(deadlineNanos);
    }

    private void joinUntil(long deadlineNanos) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        try {
            thread.join(Math.max(1, left));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return a deadline {@code timeoutMs} from now, for {@link #stop(long)} */
    static long deadline(long timeoutMs) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(1, timeoutMs));
    }
}
