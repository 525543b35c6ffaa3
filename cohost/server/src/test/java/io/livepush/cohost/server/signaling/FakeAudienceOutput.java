package io.livepush.cohost.server.signaling;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the mixer's push (the real one is driven against nginx-rtmp in the e2e tests): the
 * test says when the mix is ready and how the ingest answers a start, and reads which calls came,
 * in order, on which thread.
 */
final class FakeAudienceOutput implements AudienceOutput {
    final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
    volatile boolean ready;
    volatile boolean publishing;
    /** What the next {@link #startOutput()} returns; the test completes or fails it. */
    volatile CompletableFuture<Void> ingestAnswer = new CompletableFuture<>();
    volatile String thread;
    /** {@code prepare} and {@code cancel} calls, in order (kept apart from start/stop in {@link #calls}). */
    final BlockingQueue<String> preparations = new LinkedBlockingQueue<>();
    /** What the next {@link #prepareOutput()} returns; prepared at once unless a test replaces it. */
    volatile CompletableFuture<Void> prepareAnswer = CompletableFuture.completedFuture(null);
    volatile String prepareThread;

    @Override
    public CompletableFuture<Void> prepareOutput() {
        prepareThread = Thread.currentThread().getName();
        preparations.add("prepare");
        return prepareAnswer;
    }

    @Override
    public void cancelPreparedOutput() {
        preparations.add("cancel");
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public boolean publishing() {
        return publishing;
    }

    @Override
    public CompletableFuture<Void> startOutput() {
        thread = Thread.currentThread().getName();
        calls.add("start");
        publishing = true;
        return ingestAnswer;
    }

    @Override
    public void stopOutput() {
        calls.add("stop");
        publishing = false;
    }

    /** @return the next prepare/cancel call within 5 s, or null */
    String nextPreparation() throws InterruptedException {
        return preparations.poll(5, TimeUnit.SECONDS);
    }

    /** @return the next call within 5 s, or null */
    String nextCall() throws InterruptedException {
        return calls.poll(5, TimeUnit.SECONDS);
    }
}
