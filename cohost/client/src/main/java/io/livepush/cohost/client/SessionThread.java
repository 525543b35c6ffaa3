package io.livepush.cohost.client;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A co-host session's own thread, {@code livepush-cohost-client-N}: it owns the state of the session
 * and of its parts ({@link InvitationBook}, {@link MixMembership}, {@link RemoteMix}), completes their
 * futures and calls the listener. Work given after the thread was shut down is dropped; a call
 * given after the session ended fails its future with "the session is closed".
 */
final class SessionThread implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SessionThread.class);

    private final int serial;
    private final ExecutorService executor;
    // Session-thread state.
    private boolean over;

    /** @param serial the session's number, in the thread's name */
    SessionThread(int serial) {
        this.serial = serial;
        this.executor = Executors.newSingleThreadExecutor(new DefaultThreadFactory("livepush-cohost-client-" + serial, true));
    }

    /** Runs {@code work} on the session thread, or drops it when the thread is shut down. */
    @Override
    public void execute(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException closed) {
            LOG.debug("session {} closed; dropping work", serial);
        }
    }

    /**
     * Runs a public call's work on the session thread, or fails its future when the session is over.
     *
     * @param f the call's future
     * @param work what the call does; it completes {@code f} now or later
     */
    void call(CompletableFuture<?> f, Runnable work) {
        try {
            executor.execute(() -> {
                if (over) {
                    f.completeExceptionally(closed());
                } else {
                    work.run();
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(closed());
        }
    }

    /** @return true once the session ended (connection gone or closed); session thread */
    boolean over() {
        return over;
    }

    /** Marks the session ended: later calls fail at once; session thread. */
    void end() {
        over = true;
    }

    /** Lets queued work finish and accepts no more. */
    void shutdown() {
        executor.shutdown();
    }

    /** Fails a pending future that a newer call for the same subject replaces. */
    static void replace(CompletableFuture<?> previous) {
        if (previous != null) {
            previous.completeExceptionally(new IllegalStateException("superseded by a newer call for the same subject"));
        }
    }

    /** Calls the application's listener; what it throws is logged, never passed on. */
    static void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("co-host listener threw", e);
        }
    }

    private static CohostException closed() {
        return new CohostException(CohostErrorCode.INTERNAL, "the session is closed");
    }
}
