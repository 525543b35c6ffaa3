package io.livepush.cohost.server.handover;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.client.MixSide;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.server.mixer.Mixer;
import io.livepush.cohost.server.signaling.AudienceOutput;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Mixer} in this process as both halves of the handover's contract: the {@link MixSide} the
 * shared {@link io.livepush.cohost.client.AudienceRelay} drives (in-process handover), and the
 * {@link AudienceOutput} the signaling server drives when the host asks over signaling. Either way
 * the mixer pushes to its configured output URL, and its output is prepared (encoders, connections
 * up to {@code createStream}) once the mix is ready, so the switch itself only publishes.
 */
public final class LocalMix implements MixSide, AudienceOutput {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMix.class);
    private final Mixer mixer;

    /** @param mixer the mixer whose output is the audience key */
    public LocalMix(Mixer mixer) {
        this.mixer = Objects.requireNonNull(mixer, "mixer");
    }

    @Override
    public boolean ready() {
        List<String> ids = mixer.participants();
        return !ids.isEmpty() && ids.stream().allMatch(id -> mixer.picturesFrom(id) > 0);
    }

    @Override
    public boolean publishing() {
        return mixer.output() != null;
    }

    @Override
    public CompletableFuture<Void> startOutput() {
        return mixer.startOutput();
    }

    @Override
    public void stopOutput() {
        mixer.stopOutput();
    }

    @Override
    public CompletableFuture<Void> prepareOutput() {
        return mixer.prepareOutput();
    }

    @Override
    public void cancelPreparedOutput() {
        mixer.cancelPreparedOutput();
    }

    /**
     * Waits on a short-lived thread of its own ({@code livepush-handover-ready}) for every participant's
     * picture, then prepares the output ({@link Mixer#prepareOutput()}) within what is left of
     * {@code timeout}. A preparation that fails or is not done in time does not fail the readiness:
     * {@link #publish} then connects in full. A relay that gives up after this calls {@link #unpublish()},
     * which closes the preparation.
     */
    @Override
    public CompletableFuture<Void> ready(Duration timeout) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                if (mixer.awaitPictures(timeout)) {
                    awaitPrepared(deadline);
                    f.complete(null);
                } else {
                    f.completeExceptionally(new CohostException(CohostErrorCode.MIX_NOT_READY,
                            "not every participant delivered a picture within " + timeout.toMillis() + " ms"));
                }
            } catch (InterruptedException e) {
                f.completeExceptionally(e);
            }
        }, "livepush-handover-ready");
        t.setDaemon(true);
        t.start();
        return f;
    }

    private void awaitPrepared(long deadlineNanos) throws InterruptedException {
        try {
            mixer.prepareOutput().get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("the mix output was not prepared ({}); it will connect in full when it publishes", e.toString());
        }
    }

    @Override
    public CompletableFuture<Void> publish(Duration timeout) {
        return mixer.startOutput();
    }

    @Override
    public CompletableFuture<Void> unpublish() {
        mixer.stopOutput();
        return CompletableFuture.completedFuture(null);
    }
}
