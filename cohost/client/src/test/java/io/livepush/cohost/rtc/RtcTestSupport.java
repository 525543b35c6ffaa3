package io.livepush.cohost.rtc;

import io.livepush.capture.testing.Interop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test support for anything built on the WebRTC legs (shared through the test-jar): the interop
 * gate for webrtc-java, and a {@link PublishingLeg} wired directly to a {@link ReceivingLeg} in one
 * JVM, with signaling passed by method call on the legs' event threads.
 */
public final class RtcTestSupport {
    private RtcTestSupport() {
    }

    /** Skips (or with {@code -Dinterop=required} fails) the test when webrtc-java cannot load here. */
    public static void assumeWebrtc() {
        String why = RtcRuntime.unavailableReason();
        Interop.assumePeer(why == null, "webrtc-java native library (" + why + "; apt-get install libpulse0)");
    }

    /**
     * A publishing and a receiving leg signaled to each other directly.
     *
     * @param publisher the participant's side
     * @param receiver the mixer's side, created when the offer arrived
     */
    public record LegPair(PublishingLeg publisher, CompletableFuture<ReceivingLeg> receiver) implements AutoCloseable {
        /**
         * Waits until both sides report connected.
         *
         * @return the receiving leg
         */
        public ReceivingLeg awaitConnected(long timeout, TimeUnit unit) throws Exception {
            publisher.connected().get(timeout, unit);
            ReceivingLeg r = receiver.get(timeout, unit);
            r.connected().get(timeout, unit);
            return r;
        }

        /** Closes the publishing side, then the receiving side (if it exists yet). */
        @Override
        public void close() {
            publisher.close();
            receiver.thenAccept(ReceivingLeg::close); // now, or when an offer still in flight is answered
        }
    }

    /**
     * Opens a publishing leg and answers its offer with a receiving leg on the same runtime.
     *
     * @param listener what the receiving leg delivers to
     */
    public static LegPair connect(RtcRuntime rt, PublishingOptions options, ReceivingLeg.Listener listener) {
        CompletableFuture<PublishingLeg> publisherRef = new CompletableFuture<>();
        CompletableFuture<ReceivingLeg> receiverRef = new CompletableFuture<>();
        AtomicReference<LegSignaling> toPublisher = new AtomicReference<>();
        toPublisher.set(new LegSignaling() {
            @Override
            public void sendDescription(String type, String sdp) {
                publisherRef.thenAccept(p -> p.setRemoteDescription(type, sdp));
            }

            @Override
            public void sendCandidate(String sdpMid, int sdpMLineIndex, String candidate) {
                publisherRef.thenAccept(p -> p.addRemoteCandidate(sdpMid, sdpMLineIndex, candidate));
            }
        });
        LegSignaling toReceiver = new LegSignaling() {
            @Override
            public void sendDescription(String type, String sdp) {
                try {
                    receiverRef.complete(ReceivingLeg.accept(rt, sdp, toPublisher.get(), listener));
                } catch (RuntimeException e) {
                    receiverRef.completeExceptionally(e);
                }
            }

            @Override
            public void sendCandidate(String sdpMid, int sdpMLineIndex, String candidate) {
                receiverRef.thenAccept(r -> r.addRemoteCandidate(sdpMid, sdpMLineIndex, candidate));
            }
        };
        PublishingLeg publisher = PublishingLeg.open(rt, toReceiver, options);
        publisherRef.complete(publisher);
        return new LegPair(publisher, receiverRef);
    }
}
