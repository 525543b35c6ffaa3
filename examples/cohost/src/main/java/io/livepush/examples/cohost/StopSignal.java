package io.livepush.examples.cohost;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ctrl-C or SIGTERM, turned into a request the main thread sees. The main thread owns every
 * resource and closes it itself; the shutdown hook only asks, then waits (up to 10 s) until the main
 * thread calls {@link #finished()}, so that the JVM does not exit while the connections are still
 * being closed.
 */
final class StopSignal {
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    private StopSignal() {
    }

    /** @return a signal whose shutdown hook is installed */
    static StopSignal install() {
        StopSignal s = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s.requested.countDown();
            try {
                s.finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "livepush-example-stop"));
        return s;
    }

    /** Waits until a stop is requested. */
    void await() throws InterruptedException {
        requested.await();
    }

    /** Waits up to {@code ms}; @return true when a stop was requested */
    boolean await(long ms) throws InterruptedException {
        return requested.await(ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits for a future, or for a stop request, whichever comes first.
     *
     * @return the future's value, or null when a stop was requested first
     * @throws ExecutionException when the future failed
     */
    <T> T awaitOrStop(CompletableFuture<T> future) throws InterruptedException, ExecutionException {
        while (true) {
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (await(0)) {
                    return null;
                }
            }
        }
    }

    /** The main thread has closed everything; the JVM may exit. */
    void finished() {
        finished.countDown();
    }
}
