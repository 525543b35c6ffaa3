package io.livepush.cohost.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamConfig;
import io.livepush.publisher.stream.LiveStreamListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AudienceRelay} with a caller that is interrupted once the key has been touched: the steps
 * still run to their end, the audience keeps a publisher, no started stream is left unheld, and the
 * interrupt is kept for the caller. Real host streams to the in-JVM ingest; the mix is a stand-in
 * whose answers come 200 ms late on another thread, so the relay really waits while interrupted.
 */
class AudienceRelayInterruptTest {
    private static final VideoEncoderConfig SMALL =
            VideoEncoderConfig.builder().size(160, 90).fps(15).bitrateBps(200_000).gopSeconds(2).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<LiveStream> made = new ArrayList<>();
    private RtmpIngestServer ingest;

    @BeforeEach
    void start() throws Exception {
        ingest = RtmpIngestServer.start(RtmpIngestConfig.builder().port(0).build());
    }

    @AfterEach
    void stop() throws Exception {
        Thread.interrupted();
        for (AutoCloseable c : open) {
            c.close();
        }
        ingest.close();
    }

    /** A new, not started host stream to the audience key. */
    private LiveStream hostStream() {
        MediaClock clock = new MediaClock();
        LiveStream s = LiveStream.create(
                LiveStreamConfig.builder("rtmp://127.0.0.1:" + ingest.port() + "/live/show").video(SMALL).build(),
                TestPatternSource.builder().size(160, 90).clock(clock).build(),
                ToneSource.builder().clock(clock).build(), clock, new LiveStreamListener() { });
        open.add(s::close);
        made.add(s);
        return s;
    }

    private static CompletableFuture<Void> late(Throwable failure) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> {
            if (failure == null) {
                f.complete(null);
            } else {
                f.completeExceptionally(failure);
            }
        });
        return f;
    }

    /** The mix: ready at once; publish and unpublish answered 200 ms late. */
    private static final class LateMix implements MixSide {
        final List<String> calls = new ArrayList<>();
        private final Throwable publishFailure;

        LateMix(Throwable publishFailure) {
            this.publishFailure = publishFailure;
        }

        @Override
        public CompletableFuture<Void> ready(Duration timeout) {
            calls.add("ready");
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> publish(Duration timeout) {
            calls.add("publish");
            return late(publishFailure);
        }

        @Override
        public CompletableFuture<Void> unpublish() {
            calls.add("unpublish");
            return late(null);
        }

        @Override
        public void hostLive() {
            calls.add("hostLive");
        }
    }

    private static void assertPushing(LiveStream s) throws InterruptedException {
        long sent = s.stats().framesSent();
        Thread.sleep(400);
        assertFalse(s.done().isDone(), "the stream was closed");
        assertTrue(s.stats().framesSent() > sent, "the stream sends frames");
    }

    @Test
    void anInterruptedReturnToTheHostStillStartsTheHostsStreamReturnsItAndKeepsTheInterrupt() throws Exception {
        LateMix mix = new LateMix(null);
        Thread.currentThread().interrupt();
        AudienceSwitch back = AudienceRelay.toHost(mix, this::hostStream, TIMEOUT);
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        assertEquals(1, made.size());
        assertSame(made.get(0), back.stream(), "the started host stream is handed to the caller");
        assertEquals(List.of("unpublish", "hostLive"), mix.calls);
        assertPushing(back.stream());
    }

    @Test
    void anInterruptAfterTheHostsStreamClosedStillRunsTheFallbackWhenTheMixCannotPublish() throws Exception {
        LiveStream host = hostStream();
        host.start().get(10, TimeUnit.SECONDS);
        LateMix mix = new LateMix(new IllegalStateException("NetStream.Publish.BadName"));
        Thread.currentThread().interrupt();
        HandoverFailedException e = assertThrows(HandoverFailedException.class,
                () -> AudienceRelay.toMix(host, mix, this::hostStream, TIMEOUT));
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        assertTrue(host.done().isDone(), "the host's stream left the key");
        assertEquals(List.of("ready", "publish", "unpublish"), mix.calls);
        assertNotNull(e.fallback(), "a restarted host stream takes the audience back");
        assertSame(made.get(1), e.fallback());
        assertEquals(0, e.getSuppressed().length, "the restarted stream was accepted");
        assertPushing(e.fallback());
    }

    @Test
    void anInterruptAfterTheHostsStreamClosedStillWaitsForTheMixToPublish() throws Exception {
        LiveStream host = hostStream();
        host.start().get(10, TimeUnit.SECONDS);
        LateMix mix = new LateMix(null);
        Thread.currentThread().interrupt();
        AudienceSwitch s = AudienceRelay.toMix(host, mix, this::hostStream, TIMEOUT);
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        assertTrue(s.toMix());
        assertNull(s.stream());
        assertTrue(host.done().isDone());
        assertEquals(List.of("ready", "publish"), mix.calls, "no fallback, no stop: the mix holds the key");
        assertEquals(1, made.size());
    }
}
