package io.livepush.cohost.client;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.HandoverMessage;
import io.livepush.cohost.protocol.SignalMessage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mixer behind the signaling server as a {@link MixSide}: each step is a message to the server
 * and a future completed by its answer ({@code mixReady}, {@code mixLive} / {@code mixFailed},
 * {@code mixUnpublished}) or by a typed {@code error} naming the request. The pending futures are
 * owned by the session thread: the public methods hop onto it through {@code sessionThread}.
 */
final class RemoteMix implements MixSide {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteMix.class);

    private final Executor sessionThread;
    private final Consumer<SignalMessage> send;
    // Session-thread state.
    private CompletableFuture<Void> ready;
    private CompletableFuture<Void> publish;
    private CompletableFuture<Void> unpublish;

    /**
     * @param sessionThread runs work on the session thread (and fails the future when the session is closed)
     * @param send sends a message on the socket; called on the session thread
     */
    RemoteMix(Executor sessionThread, Consumer<SignalMessage> send) {
        this.sessionThread = sessionThread;
        this.send = send;
    }

    @Override
    public CompletableFuture<Void> ready(Duration timeout) {
        SignalMessage m = new HandoverMessage.HandoverRequest(timeout.toMillis());
        CompletableFuture<Void> f = new CompletableFuture<>();
        sessionThread.execute(() -> {
            ready = replace(ready, f);
            send.accept(m);
        });
        return f;
    }

    @Override
    public CompletableFuture<Void> publish(Duration timeout) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        sessionThread.execute(() -> {
            publish = replace(publish, f);
            send.accept(new HandoverMessage.HostUnpublished());
        });
        return f;
    }

    @Override
    public CompletableFuture<Void> unpublish() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        sessionThread.execute(() -> {
            unpublish = replace(unpublish, f);
            send.accept(new HandoverMessage.ReturnRequest());
        });
        return f;
    }

    @Override
    public void hostLive() {
        sessionThread.execute(() -> send.accept(new HandoverMessage.HostLive()));
    }

    /** A handover message from the server; session thread. */
    void received(SignalMessage m) {
        if (m instanceof HandoverMessage.MixReady) {
            ready = complete(ready, null, m);
        } else if (m instanceof HandoverMessage.MixLive) {
            publish = complete(publish, null, m);
        } else if (m instanceof HandoverMessage.MixUnpublished) {
            unpublish = complete(unpublish, null, m);
        } else if (m instanceof HandoverMessage.MixFailed f && f.stage() == HandoverMessage.MixFailed.Stage.HOST_UNPUBLISH) {
            // The mixer stopped waiting for hostUnpublished. If this host sends (or has sent) it, the mixer
            // answers it with HANDOVER_OUT_OF_ORDER, which fails the publish step and restarts the host's
            // stream; failing that step here as well would leave the error with nothing waiting for it.
            LOG.warn("the mixer stopped waiting for this host to unpublish: {}", f.reason());
        } else if (m instanceof HandoverMessage.MixFailed f) {
            boolean atReady = f.stage() == HandoverMessage.MixFailed.Stage.READY;
            CohostException e = new CohostException(atReady ? CohostErrorCode.MIX_NOT_READY : CohostErrorCode.MIXER_UNAVAILABLE,
                    "the mixer reports: " + f.reason());
            if (atReady) {
                ready = complete(ready, e, m);
            } else {
                publish = complete(publish, e, m);
            }
        }
    }

    /**
     * The server refused a handover message; session thread.
     *
     * @return false when no step was waiting for that answer
     */
    boolean refused(String requestType, CohostException e) {
        switch (requestType) {
            case "handoverRequest" -> {
                boolean waiting = ready != null;
                ready = complete(ready, e, null);
                return waiting;
            }
            case "hostUnpublished" -> {
                boolean waiting = publish != null;
                publish = complete(publish, e, null);
                return waiting;
            }
            case "returnRequest" -> {
                boolean waiting = unpublish != null;
                unpublish = complete(unpublish, e, null);
                return waiting;
            }
            default -> {
                return false;
            }
        }
    }

    /** The connection is gone; fails whatever waits. Session thread. */
    void closed(CohostException gone) {
        ready = complete(ready, gone, null);
        publish = complete(publish, gone, null);
        unpublish = complete(unpublish, gone, null);
    }

    static boolean isHandoverMessage(SignalMessage m) {
        return m instanceof HandoverMessage.MixReady || m instanceof HandoverMessage.MixLive
                || m instanceof HandoverMessage.MixFailed || m instanceof HandoverMessage.MixUnpublished;
    }

    /** Completes {@code f} (if any) and returns null, the new value of its field. */
    private static CompletableFuture<Void> complete(CompletableFuture<Void> f, Throwable error, SignalMessage answer) {
        if (f == null) {
            if (answer != null) {
                LOG.debug("{} arrived with no handover step waiting for it", answer.type());
            }
            return null;
        }
        if (error == null) {
            f.complete(null);
        } else {
            f.completeExceptionally(error);
        }
        return null;
    }

    private static CompletableFuture<Void> replace(CompletableFuture<Void> previous, CompletableFuture<Void> next) {
        if (previous != null) {
            previous.completeExceptionally(new IllegalStateException("superseded by a newer handover step"));
        }
        return next;
    }
}
