package io.livepush.cohost.server.signaling;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.HandoverMessage.MixFailed.Stage;
import io.livepush.cohost.protocol.HandoverMessage;
import io.livepush.cohost.protocol.SignalMessage;
import io.livepush.cohost.token.CohostToken.Role;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mixer's half of the audience key's handover (cohost/HANDOVER.md), an explicit state machine:
 *
 * <pre>
 * ON_HOST  --handoverRequest--> PREPARING --every picture--> READY --output prepared--> mixReady --hostUnpublished--> STARTING
 * STARTING --accepted--> ON_MIX (mixLive)          STARTING --failed / timeout--> ON_HOST (mixFailed PUBLISH)
 * PREPARING --timeout--> ON_HOST (mixFailed READY)   READY --no hostUnpublished within timeoutMs--> ON_HOST (mixFailed HOST_UNPUBLISH)
 * any      --returnRequest--> output stopped (mixUnpublished) --> RETURNING, or ON_HOST when the mix never published
 * RETURNING --hostLive--> ON_HOST                   RETURNING --handoverRequest--> PREPARING
 * </pre>
 *
 * Only a host may send these; a guest gets {@code NOT_HOST}, a message the state does not expect
 * {@code HANDOVER_OUT_OF_ORDER}. The host's socket dropping while the mix is preparing cancels the
 * handover; once the mix publishes it keeps the key (the audience keeps a picture).
 *
 * <p>Entering READY, the output is prepared ({@link AudienceOutput#prepareOutput()}: encoders open,
 * connected up to {@code createStream}, the key untouched), and {@code mixReady} is sent when that is
 * done, failed, or three quarters of the request's {@code timeoutMs} passed (the host waits that long
 * for {@code mixReady} too), whichever comes first: so after {@code hostUnpublished}
 * only {@code publish} and the first keyframe are left. A READY that ends without {@code hostUnpublished}
 * (bound, host socket dropped) closes the preparation ({@link AudienceOutput#cancelPreparedOutput()}).
 *
 * <p>Every wait is bounded by the request's {@code timeoutMs}: getting ready (PREPARING), the host's
 * unpublish after {@code mixReady} (READY, counted from the moment {@code mixReady} is sent; the mix
 * output is never touched in READY, so giving up leaves it as it was), and the ingest's answer
 * (STARTING). A {@code hostUnpublished} that comes after READY gave up is out of order.
 *
 * <p>Threads: the state is owned by the registry thread; the {@link AudienceOutput} calls (prepare,
 * cancel, start, stop) run on {@code livepush-signaling-handover-N}, whose results
 * come back to the registry thread. Each handover has an attempt number, so late results of an
 * abandoned attempt are ignored.
 */
final class HandoverCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(HandoverCoordinator.class);
    private static final long READY_POLL_MS = 20;

    enum State { ON_HOST, PREPARING, READY, STARTING, ON_MIX, RETURNING }

    private final AudienceOutput output;
    private final ScheduledExecutorService registry;
    private final ExecutorService outputThread;
    // Registry-thread state.
    private State state = State.ON_HOST;
    private SignalingConnection owner;
    private long timeoutMs;
    private long deadlineNanos;
    private int attempt;
    /** READY has told the host ({@code mixReady}); before that a {@code hostUnpublished} is out of order. */
    private boolean mixReadySent;

    HandoverCoordinator(AudienceOutput output, ScheduledExecutorService registry, int serial) {
        this.output = output;
        this.registry = registry;
        this.outputThread = output == null ? null
                : Executors.newSingleThreadExecutor(new DefaultThreadFactory("livepush-signaling-handover-" + serial, true));
    }

    /** @return the state, for tests and logs; registry thread */
    State state() {
        return state;
    }

    void handle(SignalingConnection c, SignalMessage m) throws CohostException {
        if (c.token.role() != Role.HOST) {
            throw new CohostException(CohostErrorCode.NOT_HOST,
                    "only a host may hand the audience over; you are " + c.token.role());
        }
        if (output == null) {
            throw new CohostException(CohostErrorCode.MIXER_UNAVAILABLE, "this server has no audience output to hand over");
        }
        if (state == State.ON_HOST && output.publishing()) {
            to(State.ON_MIX); // the mixer was started pushing (outputOnStart): it holds the key
        }
        if (m instanceof HandoverMessage.HandoverRequest r) {
            request(c, r.timeoutMs());
        } else if (m instanceof HandoverMessage.HostUnpublished) {
            hostUnpublished(c);
        } else if (m instanceof HandoverMessage.ReturnRequest) {
            giveBack(c);
        } else if (m instanceof HandoverMessage.HostLive) {
            if (state != State.ON_HOST && state != State.RETURNING) {
                throw outOfOrder(m, "the mix holds or is taking the audience key");
            }
            to(State.ON_HOST);
        }
    }

    private void request(SignalingConnection c, long timeout) throws CohostException {
        if (state != State.ON_HOST && state != State.RETURNING) {
            throw outOfOrder(new HandoverMessage.HandoverRequest(timeout), "a handover is already under way or done");
        }
        owner = c;
        timeoutMs = timeout;
        deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        mixReadySent = false;
        int a = ++attempt;
        to(State.PREPARING);
        pollReady(a);
    }

    private void pollReady(int a) {
        if (a != attempt || state != State.PREPARING) {
            return;
        }
        if (output.ready()) {
            to(State.READY);
            prepareOutput(a);
        } else if (System.nanoTime() >= deadlineNanos) {
            to(State.ON_HOST);
            owner.send(new HandoverMessage.MixFailed(Stage.READY,
                    "not every participant delivered a picture within " + timeoutMs + " ms"));
        } else {
            schedule(() -> pollReady(a), READY_POLL_MS);
        }
    }

    /**
     * Prepares the output on the handover thread; {@link #prepared} sends {@code mixReady} when it is
     * done, or when three quarters of the request's time have passed.
     */
    private void prepareOutput(int a) {
        long t0 = System.nanoTime();
        onOutputThread(() -> {
            CompletableFuture<Void> f;
            try {
                f = output.prepareOutput();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((v, e) -> submit(() -> prepared(a, e, t0)));
        });
        // The host waits timeoutMs for mixReady too: leave it a quarter of that, so a slow preparation never
        // makes the host give up (an unfinished preparation goes on; the start then waits for its connection).
        long leftMs = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()) - timeoutMs / 4);
        schedule(() -> prepared(a, new TimeoutException("not prepared within three quarters of the request's "
                + timeoutMs + " ms"), t0), leftMs);
    }

    /** The preparation ended (or the deadline came first): {@code mixReady}, and READY's bound starts. */
    private void prepared(int a, Throwable failure, long t0) {
        if (a != attempt || state != State.READY || mixReadySent) {
            return;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        if (failure == null) {
            LOG.info("mix output prepared in {} ms; mixReady", ms);
        } else {
            LOG.warn("mix output not prepared after {} ms ({}); mixReady all the same, the start will connect in full",
                    ms, failure.toString());
        }
        mixReadySent = true;
        owner.send(new HandoverMessage.MixReady());
        schedule(() -> hostSilent(a), timeoutMs);
    }

    /** READY lasted {@code timeoutMs} without {@code hostUnpublished}: the host keeps the key. */
    private void hostSilent(int a) {
        if (a != attempt || state != State.READY) {
            return;
        }
        LOG.warn("no hostUnpublished within {} ms of mixReady; the mix does not publish", timeoutMs);
        to(State.ON_HOST);
        onOutputThread(output::cancelPreparedOutput);
        owner.send(new HandoverMessage.MixFailed(Stage.HOST_UNPUBLISH, "no hostUnpublished within " + timeoutMs
                + " ms of mixReady; the mix did not publish and the host's stream keeps the audience key"));
    }

    private void hostUnpublished(SignalingConnection c) throws CohostException {
        if (state != State.READY || !mixReadySent) {
            throw outOfOrder(new HandoverMessage.HostUnpublished(), "send it after mixReady");
        }
        owner = c;
        int a = attempt;
        long timeout = timeoutMs;
        to(State.STARTING);
        onOutputThread(() -> {
            String failure = null;
            try {
                output.startOutput().get(timeout, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
            } catch (ExecutionException e) {
                failure = String.valueOf(e.getCause());
            } catch (TimeoutException e) {
                failure = "the ingest did not accept the mix within " + timeout + " ms";
            } catch (RuntimeException e) {
                failure = e.toString();
            }
            if (failure != null) {
                output.stopOutput();
            }
            String why = failure;
            submit(() -> started(a, why));
        });
    }

    private void started(int a, String failure) {
        if (a != attempt || state != State.STARTING) {
            return; // abandoned meanwhile (returnRequest): its stop follows on the output thread
        }
        if (failure == null) {
            to(State.ON_MIX);
            owner.send(new HandoverMessage.MixLive());
        } else {
            LOG.warn("the mix could not take the audience key: {}", failure);
            to(State.ON_HOST);
            owner.send(new HandoverMessage.MixFailed(Stage.PUBLISH, failure));
        }
    }

    private void giveBack(SignalingConnection c) {
        boolean mixPublished = state == State.STARTING || state == State.ON_MIX;
        int a = ++attempt;
        owner = c;
        if (state != State.ON_HOST) {
            to(mixPublished ? State.RETURNING : State.ON_HOST);
        }
        onOutputThread(() -> {
            output.stopOutput();
            submit(() -> {
                if (a == attempt) {
                    c.send(new HandoverMessage.MixUnpublished());
                }
            });
        });
    }

    /** The socket of a user went away; registry thread. */
    void dropped(SignalingConnection c) {
        if (c == owner && (state == State.PREPARING || state == State.READY)) {
            LOG.info("the host's socket dropped during the handover; the host's stream keeps the key");
            attempt++;
            to(State.ON_HOST);
            onOutputThread(output::cancelPreparedOutput);
        }
    }

    /** Stops the handover thread (waits up to 5 s for a running output call). */
    void close() {
        if (outputThread == null) {
            return;
        }
        outputThread.shutdown();
        try {
            outputThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void to(State next) {
        if (next != state) {
            LOG.info("audience handover {} => {}", state, next);
            state = next;
        }
    }

    private CohostException outOfOrder(SignalMessage m, String hint) {
        return new CohostException(CohostErrorCode.HANDOVER_OUT_OF_ORDER,
                m.type() + " is not expected while the handover is " + state + " (" + hint + ")");
    }

    private void onOutputThread(Runnable work) {
        try {
            outputThread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("audience output call failed", e);
                }
            });
        } catch (RejectedExecutionException closed) {
            LOG.debug("signaling server closed; dropping an output call");
        }
    }

    private void submit(Runnable work) {
        try {
            registry.execute(work);
        } catch (RejectedExecutionException closed) {
            LOG.debug("signaling server closed; dropping a handover result");
        }
    }

    private void schedule(Runnable work, long ms) {
        try {
            registry.schedule(work, ms, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.debug("signaling server closed; no more readiness checks");
        }
    }
}
