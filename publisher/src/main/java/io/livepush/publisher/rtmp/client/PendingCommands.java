package io.livepush.publisher.rtmp.client;

import io.livepush.publisher.rtmp.RtmpTimeoutException;
import io.livepush.publisher.rtmp.message.CommandMessage;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Commands waiting for their answer, by transaction id (Adobe RTMP 1.0, §7.2: a {@code _result}/{@code _error}
 * carries the transaction id of the command it answers; {@code publish} is answered by an {@code onStatus} with
 * transaction id 0). Each pending command has a deadline; when it passes, its future fails with an
 * {@link RtmpTimeoutException}. Owned by one connection; every method runs on its event loop, and futures
 * complete there.
 */
final class PendingCommands {

    /** One command waiting for its answer. */
    record Pending(String name, CompletableFuture<CommandMessage> future, long deadlineNanos, ScheduledFuture<?> timer) {
    }

    private final EventExecutor executor;
    private final Duration timeout;
    private final Map<Integer, Pending> byTransactionId = new HashMap<>();
    private int nextTransactionId = 1;

    /**
     * @param executor the connection's event loop (runs the deadlines)
     * @param timeout  the deadline of each command, from when it is registered
     */
    PendingCommands(EventExecutor executor, Duration timeout) {
        this.executor = executor;
        this.timeout = timeout;
    }

    /** @return the next transaction id: 1, 2, 3, ... */
    int nextTransactionId() {
        return nextTransactionId++;
    }

    /**
     * @param transactionId the id the answer will carry
     * @param name          the command, e.g. {@code "connect"}
     * @return the future of the answer: a {@code _result}, {@code _error} or {@code onStatus} command
     */
    CompletableFuture<CommandMessage> register(int transactionId, String name) {
        if (byTransactionId.containsKey(transactionId)) {
            throw new IllegalStateException("transaction id " + transactionId + " is already waiting for "
                    + byTransactionId.get(transactionId).name());
        }
        CompletableFuture<CommandMessage> future = new CompletableFuture<>();
        ScheduledFuture<?> timer = executor.schedule(
                () -> fail(transactionId, new RtmpTimeoutException(name, timeout)),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        byTransactionId.put(transactionId, new Pending(name, future, System.nanoTime() + timeout.toNanos(), timer));
        return future;
    }

    /**
     * @param transactionId an id
     * @return the name of the command waiting under that id, or null
     */
    String nameOf(int transactionId) {
        Pending p = byTransactionId.get(transactionId);
        return p == null ? null : p.name();
    }

    /**
     * @param transactionId the id from the answer
     * @param answer        the answer
     * @return whether a command was waiting for it
     */
    boolean complete(int transactionId, CommandMessage answer) {
        Pending p = byTransactionId.remove(transactionId);
        if (p == null) {
            return false;
        }
        p.timer().cancel(false);
        p.future().complete(answer);
        return true;
    }

    /**
     * @param transactionId the id
     * @param error         why the command failed
     * @return whether a command was waiting under the id
     */
    boolean fail(int transactionId, Throwable error) {
        Pending p = byTransactionId.remove(transactionId);
        if (p == null) {
            return false;
        }
        p.timer().cancel(false);
        p.future().completeExceptionally(error);
        return true;
    }

    /** @param error why every waiting command failed (e.g. the connection closed) */
    void failAll(Throwable error) {
        List<Integer> ids = new ArrayList<>(byTransactionId.keySet());
        for (Integer id : ids) {
            fail(id, error);
        }
    }

    /** @return how many commands are waiting */
    int size() {
        return byTransactionId.size();
    }
}
