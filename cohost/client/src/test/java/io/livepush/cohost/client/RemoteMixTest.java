package io.livepush.cohost.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.HandoverMessage.MixFailed.Stage;
import io.livepush.cohost.protocol.HandoverMessage;
import io.livepush.cohost.protocol.SignalMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The host's view of the mixer over signaling: which message each relay step sends, and which
 * answer ends which step. The session thread is the calling thread here, and the socket a list of
 * the messages sent; the mixer's side of the same exchange runs over real sockets in
 * HandoverSignalingTest and HandoverClientTest.
 */
class RemoteMixTest {
    private final List<SignalMessage> sent = new ArrayList<>();
    private final RemoteMix mix = new RemoteMix(Runnable::run, sent::add);

    private static CohostException failure(CompletableFuture<Void> f) {
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        return assertInstanceOf(CohostException.class, e.getCause());
    }

    @Test
    void eachStepSendsItsMessageAndCompletesOnItsAnswer() {
        CompletableFuture<Void> ready = mix.ready(Duration.ofMillis(2500));
        CompletableFuture<Void> publish = mix.publish(Duration.ofMillis(2500));
        CompletableFuture<Void> unpublish = mix.unpublish();
        mix.hostLive();
        assertEquals(List.of(new HandoverMessage.HandoverRequest(2500), new HandoverMessage.HostUnpublished(),
                new HandoverMessage.ReturnRequest(), new HandoverMessage.HostLive()), sent);

        mix.received(new HandoverMessage.MixReady());
        assertTrue(ready.isDone() && !publish.isDone() && !unpublish.isDone());
        mix.received(new HandoverMessage.MixLive());
        assertTrue(publish.isDone() && !publish.isCompletedExceptionally() && !unpublish.isDone());
        mix.received(new HandoverMessage.MixUnpublished());
        assertTrue(unpublish.isDone() && !unpublish.isCompletedExceptionally());
    }

    @Test
    void mixFailedAtReadyFailsTheReadyStepMixNotReadyAndAtPublishFailsThePublishStepMixerUnavailable() {
        CompletableFuture<Void> ready = mix.ready(Duration.ofMillis(300));
        mix.received(new HandoverMessage.MixFailed(Stage.READY, "not every participant delivered a picture within 300 ms"));
        CohostException notReady = failure(ready);
        assertEquals(CohostErrorCode.MIX_NOT_READY, notReady.code());
        assertEquals("the mixer reports: not every participant delivered a picture within 300 ms", notReady.getMessage());

        CompletableFuture<Void> publish = mix.publish(Duration.ofMillis(300));
        mix.received(new HandoverMessage.MixFailed(Stage.PUBLISH, "NetStream.Publish.BadName"));
        assertEquals(CohostErrorCode.MIXER_UNAVAILABLE, failure(publish).code());
    }

    @Test
    void mixFailedAtHostUnpublishLeavesThePublishStepToTheRefusalOfTheLateHostUnpublished() {
        CompletableFuture<Void> ready = mix.ready(Duration.ofMillis(300));
        mix.received(new HandoverMessage.MixReady());
        assertTrue(ready.isDone());
        // The mixer gave up READY while this host was still closing its stream; its hostUnpublished crosses the news.
        CompletableFuture<Void> publish = mix.publish(Duration.ofMillis(300));
        mix.received(new HandoverMessage.MixFailed(Stage.HOST_UNPUBLISH, "no hostUnpublished within 300 ms of mixReady"));
        assertFalse(publish.isDone(), "the mixer still answers the hostUnpublished itself");

        CohostException outOfOrder = new CohostException(CohostErrorCode.HANDOVER_OUT_OF_ORDER,
                "hostUnpublished is not expected while the handover is ON_HOST (send it after mixReady)");
        assertTrue(mix.refused("hostUnpublished", outOfOrder), "the refusal answers the waiting step, not the listener");
        assertSame(outOfOrder, failure(publish));
    }

    @Test
    void aRefusalWithNoStepWaitingIsLeftToTheListenerAndAClosedConnectionFailsWhatWaits() {
        CohostException refused = new CohostException(CohostErrorCode.HANDOVER_OUT_OF_ORDER, "m");
        assertFalse(mix.refused("hostUnpublished", refused));
        assertFalse(mix.refused("invite", refused));

        CompletableFuture<Void> unpublish = mix.unpublish();
        CohostException gone = new CohostException(CohostErrorCode.INTERNAL, "the signaling connection closed");
        mix.closed(gone);
        assertSame(gone, failure(unpublish));
    }
}
