package io.livepush.cohost.client;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.publisher.stream.LiveStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules for handing the audience's stream key between the host's own push and the mix, in one
 * place for both the in-process handover ({@code AudienceHandover} next to the mixer) and the
 * handover over signaling ({@link CohostSession#handOverToMix}). cohost/HANDOVER.md explains why.
 *
 * <ol>
 *   <li><b>Ready first.</b> The incoming side gets everything ready that does not need the key; if it
 *       cannot, the outgoing stream is never touched.</li>
 *   <li><b>Relay.</b> An RTMP ingest takes one publisher per key, so the outgoing stream unpublishes,
 *       then the incoming one publishes at once, a keyframe first.</li>
 *   <li><b>Fallback.</b> If the mix does not publish in time, it is told to stop and the host's stream
 *       is started again, so the audience is never left without a publisher.</li>
 * </ol>
 *
 * <p>Interrupts: once the key has been touched (the host's stream closed, or the mix asked to leave
 * the key) the steps run to their end, each bounded by the timeout, whatever interrupts come, so the
 * audience is never left without a publisher and no started stream is left that nobody holds; an
 * interrupt that came meanwhile is kept (the thread's interrupt flag is set again on return).
 *
 * <p>Stateless. Both methods block for the switch; call them from a control thread, never from a
 * listener or an event loop.
 */
public final class AudienceRelay {
    private static final Logger LOG = LoggerFactory.getLogger(AudienceRelay.class);
    /** Slack for a remote answer beyond the timeout the far side was given. */
    private static final long ANSWER_SLACK_MS = 1000;

    private AudienceRelay() {
    }

    /**
     * Hands the audience key from the host's running stream to the mix.
     *
     * @param host the host's stream publishing to the audience key
     * @param mix the mix, not publishing
     * @param hostRestart makes a new, not started host stream to the same key, for the fallback
     * @param timeout how long each step may take
     * @return the switch (its stream is null: the mix holds the key)
     * @throws CohostException when the mix was not ready ({@code MIX_NOT_READY}, or the mixer's refusal);
     *     the host's stream was not touched and goes on
     * @throws HandoverFailedException when the mix could not publish; its {@link HandoverFailedException#fallback()}
     *     is the restarted host stream, started and waited for (up to {@code timeout}; a late or refused
     *     restart is a suppressed exception)
     * @throws InterruptedException when the calling thread is interrupted while it waits for the mix to be
     *     ready; the host's stream was not touched. Interrupted later (the host's stream closed), the switch
     *     or its fallback runs to the end as without the interrupt, which is kept: the interrupt flag is set
     *     again when this returns or throws
     * @throws IllegalArgumentException when {@code timeout} is outside 100 ms .. 120 s
     * @throws NullPointerException when an argument is null
     */
    public static AudienceSwitch toMix(LiveStream host, MixSide mix, Supplier<LiveStream> hostRestart, Duration timeout)
            throws InterruptedException, CohostException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(mix, "mix");
        Objects.requireNonNull(hostRestart, "hostRestart");
        requireTimeout(timeout);
        long t0 = System.nanoTime();
        try {
            await(mix.ready(timeout), timeout);
        } catch (ExecutionException | TimeoutException e) {
            CohostException refusal = cohostCause(e);
            if (refusal != null) {
                throw refusal; // the mix answered: it is not preparing any more
            }
            abandon(mix, timeout); // no answer: make sure it does not publish later
            throw new CohostException(CohostErrorCode.MIX_NOT_READY, "the mix was not ready within " + timeout.toMillis()
                    + " ms; the host's stream goes on", e);
        }
        long t1 = System.nanoTime();
        // From here on the key is being handed over: finish, whatever interrupts come.
        boolean interrupted = Thread.interrupted();
        try {
            host.close();
            long t2 = System.nanoTime();
            try {
                awaitThrough(mix.publish(timeout), timeout.toMillis() + ANSWER_SLACK_MS);
            } catch (ExecutionException | TimeoutException e) {
                throw fallBackToHost(mix, hostRestart, timeout, e);
            }
            long t3 = System.nanoTime();
            AudienceSwitch s = new AudienceSwitch(true, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), null);
            LOG.info("audience handed to the mix: {}", s);
            return s;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The mix did not publish: it is told to stop, and a restarted host stream takes the key back. */
    private static HandoverFailedException fallBackToHost(MixSide mix, Supplier<LiveStream> hostRestart, Duration timeout,
            Exception cause) {
        abandon(mix, timeout);
        LiveStream back = hostRestart.get();
        LOG.warn("the mix could not publish ({}); the host's stream takes the audience back", rootMessage(cause));
        HandoverFailedException failed = new HandoverFailedException(CohostErrorCode.MIXER_UNAVAILABLE,
                "the mix could not publish to the audience key (" + rootMessage(cause) + "); the host's stream was restarted",
                cause, back);
        try {
            awaitThrough(back.start(), timeout.toMillis());
        } catch (ExecutionException | TimeoutException restart) {
            LOG.warn("the restarted host stream was not accepted in time either: {}", rootMessage(restart));
            failed.addSuppressed(restart);
        }
        return failed;
    }

    /**
     * Hands the audience key back from the mix to a new host stream: the mix unpublishes (its
     * participants stay), then the host's stream publishes.
     *
     * @param mix the mix holding the key
     * @param hostStream makes the host's new, not started stream to the audience key
     * @param timeout how long each step may take
     * @return the switch, with the host's running stream
     * @throws CohostException {@code MIXER_UNAVAILABLE} when the mix did not confirm it left the key (no host
     *     stream was started)
     * @throws HandoverFailedException {@code INTERNAL} when the host's stream was not accepted (it is closed)
     * @throws IllegalArgumentException when {@code timeout} is outside 100 ms .. 120 s
     * @throws NullPointerException when an argument is null or {@code hostStream} supplies null
     */
    public static AudienceSwitch toHost(MixSide mix, Supplier<LiveStream> hostStream, Duration timeout)
            throws CohostException {
        Objects.requireNonNull(mix, "mix");
        Objects.requireNonNull(hostStream, "hostStream");
        requireTimeout(timeout);
        // The mix is asked to leave the key at once: finish, whatever interrupts come.
        boolean interrupted = Thread.interrupted();
        try {
            long t0 = System.nanoTime();
            try {
                awaitThrough(mix.unpublish(), timeout.toMillis() + ANSWER_SLACK_MS);
            } catch (ExecutionException | TimeoutException e) {
                throw new CohostException(CohostErrorCode.MIXER_UNAVAILABLE,
                        "the mix did not leave the audience key within " + timeout.toMillis() + " ms: " + rootMessage(e), e);
            }
            long t1 = System.nanoTime();
            LiveStream s = Objects.requireNonNull(hostStream.get(), "hostStream.get()");
            try {
                awaitThrough(s.start(), timeout.toMillis());
            } catch (ExecutionException | TimeoutException e) {
                s.close();
                throw new HandoverFailedException(CohostErrorCode.INTERNAL,
                        "the host's stream could not publish to the audience key: " + rootMessage(e), e, null);
            }
            long t2 = System.nanoTime();
            mix.hostLive();
            AudienceSwitch sw = new AudienceSwitch(false, 0, ms(t1 - t0), ms(t2 - t1), s);
            LOG.info("audience handed back to the host: {}", sw);
            return sw;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * @param timeout a handover step's bound
     * @throws IllegalArgumentException unless 100 ms .. 120 s
     */
    public static void requireTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.toMillis() < 100 || timeout.toMillis() > 120_000) {
            throw new IllegalArgumentException("handover timeout is " + timeout + " (expected 100 ms .. 120 s)");
        }
    }

    private static void await(CompletableFuture<Void> f, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        f.get(timeout.toMillis() + ANSWER_SLACK_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits for {@code f} up to {@code timeoutMs} through interrupts: a step that touched the key must
     * end. An interrupt that came meanwhile sets the thread's interrupt flag again on return.
     */
    private static <T> T awaitThrough(CompletableFuture<T> f, long timeoutMs) throws ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Tells the mix to stop (best effort): it must not hold the key while the host publishes. */
    private static void abandon(MixSide mix, Duration timeout) {
        try {
            awaitThrough(mix.unpublish(), timeout.toMillis() + ANSWER_SLACK_MS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the mix did not confirm it stopped: {}", rootMessage(e));
        }
    }

    private static CohostException cohostCause(Exception e) {
        return e instanceof ExecutionException && e.getCause() instanceof CohostException c ? c : null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof TimeoutException ? "no answer in time" : String.valueOf(t.getMessage());
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
