package io.livepush.cohost.server.handover;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.client.AudienceRelay;
import io.livepush.cohost.client.AudienceSwitch;
import io.livepush.cohost.client.HandoverFailedException;
import io.livepush.cohost.server.mixer.Mixer;
import io.livepush.publisher.stream.LiveStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Switches the audience's stream key between the host's own push and the mixer's push without a gap
 * longer than one GOP (cohost/HANDOVER.md explains the design and the measurements).
 *
 * <p>An RTMP ingest takes one publisher per stream key (nginx-rtmp refuses a second one with
 * {@code NetStream.Publish.BadName}), while players stay attached to the key across publishers. So
 * the switch is a relay, not an overlap: the incoming side gets everything ready that does not need
 * the key (legs connected, a picture from every participant, encoder settings), the outgoing side
 * unpublishes, and the incoming side publishes at once; its first frame is a keyframe, so players
 * resume at once. The audience sees a freeze of the last picture for the switch time (about
 * 0.1 s on loopback), well under one GOP.
 *
 * <p>The steps and the fallback are {@link AudienceRelay}'s, the same rules the host follows when
 * the mixer is in another process and the switch travels over signaling
 * ({@link io.livepush.cohost.client.CohostSession#handOverToMix}); here the mixer is driven directly
 * through {@link LocalMix}.
 *
 * <p>Stateless; call from the application's control thread (it blocks for the switch).
 */
public final class AudienceHandover {
    private AudienceHandover() {
    }

    /**
     * What a switch did.
     *
     * @param toMix true for host -> mix, false for mix -> host
     * @param unpublishMs time the outgoing stream took to close (its last frames flushed, unpublished)
     * @param publishMs time from then until the incoming stream was accepted by the ingest
     * @param stream the stream now publishing to the audience key when it is the host's, else null
     */
    public record Switch(boolean toMix, long unpublishMs, long publishMs, LiveStream stream) {
        /** @return the whole switch time, an upper bound of the audience's freeze minus one frame */
        public long totalMs() {
            return unpublishMs + publishMs;
        }
    }

    /**
     * Hands the audience key from the host's own stream to the mix. The mixer must push to the same
     * key and must have been started with {@code outputOnStart(false)}.
     *
     * <ol>
     *   <li>wait until every participant in the mix delivered a picture (the host's stream is untouched
     *       if that does not happen within {@code timeout});</li>
     *   <li>close the host's stream (unpublish);</li>
     *   <li>start the mixer's output; its first frame is a keyframe.</li>
     * </ol>
     * If the mixer's output is not accepted within {@code timeout}, it is stopped and the host's stream
     * is started again from {@code hostRestart}, so the audience is never left without a publisher.
     *
     * @param host the host's running stream to the audience key
     * @param mixer the mixer, not yet pushing
     * @param hostRestart makes a new (not started) host stream to the audience key, for the fallback
     * @param timeout how long each step may take, 100 ms .. 120 s
     * @return the switch, with its timings (its stream is null: the mix holds the key)
     * @throws TimeoutException when the mix was not ready (nothing was switched)
     * @throws InterruptedException when the calling thread is interrupted while it waits for the mix to be
     *     ready (nothing was switched); interrupted later, the switch or its fallback runs to the end and
     *     the interrupt flag is set again on return
     * @throws IllegalStateException when the mixer is already pushing
     * @throws IllegalArgumentException when {@code timeout} is outside 100 ms .. 120 s
     * @throws HandoverException when the mixer could not publish; {@link HandoverException#fallback()}
     *     is the restarted host stream
     */
    public static Switch toMix(LiveStream host, Mixer mixer, Supplier<LiveStream> hostRestart, Duration timeout)
            throws InterruptedException, TimeoutException, HandoverException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(mixer, "mixer");
        Objects.requireNonNull(hostRestart, "hostRestart");
        if (mixer.output() != null) {
            throw new IllegalStateException("the mixer is already pushing (expected outputOnStart(false))");
        }
        try {
            return of(AudienceRelay.toMix(host, new LocalMix(mixer), hostRestart, timeout));
        } catch (HandoverFailedException e) {
            throw new HandoverException(e.getMessage(), e.getCause(), e.fallback());
        } catch (CohostException e) {
            TimeoutException t = new TimeoutException(e.getMessage());
            t.initCause(e);
            throw t;
        }
    }

    /**
     * Hands the audience key back from the mix to the host's own stream: the mixer stops pushing
     * (the legs stay), then the host's new stream publishes. Both steps run to the end through
     * interrupts (the audience must not be left without a publisher); an interrupt that came meanwhile
     * sets the thread's interrupt flag again on return.
     *
     * @param mixer the mixer pushing to the audience key
     * @param hostStream makes the host's new (not started) stream to the audience key
     * @param timeout how long the host's stream may take to be accepted
     * @return the switch, with the host's running stream
     * @throws HandoverException when the host's stream was not accepted (its failure is the cause)
     */
    public static Switch toHost(Mixer mixer, Supplier<LiveStream> hostStream, Duration timeout)
            throws HandoverException {
        Objects.requireNonNull(mixer, "mixer");
        Objects.requireNonNull(hostStream, "hostStream");
        try {
            return of(AudienceRelay.toHost(new LocalMix(mixer), hostStream, timeout));
        } catch (CohostException e) {
            throw new HandoverException(e.getMessage(), e.getCause(), null);
        }
    }

    private static Switch of(AudienceSwitch s) {
        return new Switch(s.toMix(), s.unpublishMs(), s.publishMs(), s.stream());
    }
}
