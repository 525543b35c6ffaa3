package io.livepush.publisher.rtmp.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers one connection's {@link RtmpClientListener} events, and completes the futures handed to the caller,
 * on a dedicated daemon thread {@code livepush-rtmp-listener-N}, so that neither listener code nor future
 * dependents ever run on the event loop. The thread ends after {@link #closed} has been delivered (it also
 * times out when idle for 10 s, so an unclosed connection does not pin a thread).
 */
final class ListenerDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerDispatcher.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final RtmpClientListener listener;
    private final ExecutorService executor;

    ListenerDispatcher(RtmpClientListener listener) {
        this.listener = listener == null ? new RtmpClientListener() { } : listener;
        String name = "livepush-rtmp-listener-" + THREADS.incrementAndGet();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    void stateChanged(RtmpPublishState oldState, RtmpPublishState newState) {
        run("onStateChanged", () -> listener.onStateChanged(oldState, newState));
    }

    void status(RtmpStatus status) {
        run("onStatus", () -> listener.onStatus(status));
    }

    void error(Throwable error) {
        run("onError", () -> listener.onError(error));
    }

    /** Delivers onClosed, then completes {@code closeFuture}, then lets the thread end. */
    void closed(CompletableFuture<Void> closeFuture) {
        run("onClosed", listener::onClosed);
        submit(() -> closeFuture.complete(null));
        executor.shutdown();
    }

    <T> void complete(CompletableFuture<T> future, T value) {
        submit(() -> future.complete(value));
    }

    <T> void fail(CompletableFuture<T> future, Throwable error) {
        submit(() -> future.completeExceptionally(error));
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("listener event after onClosed dropped");
        }
    }

    private void run(String method, Runnable call) {
        submit(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.warn("RtmpClientListener.{} threw; ignored", method, e);
            }
        });
    }
}
