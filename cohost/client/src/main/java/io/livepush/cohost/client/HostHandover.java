package io.livepush.cohost.client;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.SignalMessage;
import io.livepush.publisher.stream.LiveStream;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The host's side of the audience key's handover over signaling (cohost/HANDOVER.md): runs the
 * blocking {@link AudienceRelay} steps, one handover at a time, on {@code livepush-cohost-handover-N},
 * so the session thread stays free for the mixer's answers, which {@link RemoteMix} turns into the
 * steps' results.
 */
final class HostHandover {
    private final ExecutorService relayThread;
    private final AtomicBoolean running = new AtomicBoolean();
    private final RemoteMix remoteMix;

    /**
     * @param thread the session thread, which owns the remote mix's pending steps
     * @param send sends a message on the socket; called on the session thread
     * @param serial the session's number, in the thread's name
     */
    HostHandover(SessionThread thread, Consumer<SignalMessage> send, int serial) {
        this.relayThread = Executors.newSingleThreadExecutor(new DefaultThreadFactory("livepush-cohost-handover-" + serial, true));
        this.remoteMix = new RemoteMix(thread, send);
    }

    /** @see CohostSession#handOverToMix(LiveStream, Supplier, Duration) */
    CompletableFuture<AudienceSwitch> toMix(LiveStream hostStream, Supplier<LiveStream> hostRestart, Duration timeout) {
        Objects.requireNonNull(hostStream, "hostStream");
        Objects.requireNonNull(hostRestart, "hostRestart");
        AudienceRelay.requireTimeout(timeout);
        return run(() -> AudienceRelay.toMix(hostStream, remoteMix, hostRestart, timeout));
    }

    /** @see CohostSession#returnToHost(Supplier, Duration) */
    CompletableFuture<AudienceSwitch> toHost(Supplier<LiveStream> hostStream, Duration timeout) {
        Objects.requireNonNull(hostStream, "hostStream");
        AudienceRelay.requireTimeout(timeout);
        return run(() -> AudienceRelay.toHost(remoteMix, hostStream, timeout));
    }

    /**
     * Takes a handover answer from the server; session thread.
     *
     * @return false when {@code m} is not a handover answer
     */
    boolean handle(SignalMessage m) {
        if (!RemoteMix.isHandoverMessage(m)) {
            return false;
        }
        remoteMix.received(m);
        return true;
    }

    /**
     * The server refused a handover message; session thread.
     *
     * @return false when no step was waiting for that answer
     */
    boolean refused(String type, CohostException e) {
        return remoteMix.refused(type, e);
    }

    /** The connection is gone: fails the waiting step; session thread. */
    void failAll(CohostException gone) {
        remoteMix.closed(gone);
    }

    /** Lets a running relay finish (its steps fail with the connection) and accepts no more. */
    void shutdown() {
        relayThread.shutdown();
    }

    /** A blocking relay step list. */
    private interface Relay {
        AudienceSwitch run() throws Exception;
    }

    private CompletableFuture<AudienceSwitch> run(Relay relay) {
        CompletableFuture<AudienceSwitch> f = new CompletableFuture<>();
        if (!running.compareAndSet(false, true)) {
            f.completeExceptionally(new IllegalStateException("a handover of the audience key is already running"));
            return f;
        }
        try {
            relayThread.execute(() -> {
                AudienceSwitch result = null;
                Throwable failure = null;
                try {
                    result = relay.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                } catch (Exception e) {
                    failure = e;
                } finally {
                    // Free the slot before the caller hears of the result: a caller that reacts at once
                    // (returnToHost right after handOverToMix) must not be told one is still running.
                    running.set(false);
                }
                if (failure == null) {
                    f.complete(result);
                } else {
                    f.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException e) {
            running.set(false);
            f.completeExceptionally(new CohostException(CohostErrorCode.INTERNAL, "the session is closed"));
        }
        return f;
    }
}
