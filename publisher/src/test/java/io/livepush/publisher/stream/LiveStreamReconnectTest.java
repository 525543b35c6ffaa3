package io.livepush.publisher.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.capture.testing.Interop;
import io.livepush.encoder.EncoderUnavailableException;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.VideoEncoders;
import io.livepush.publisher.flv.FlvVideoTagBody;
import io.livepush.publisher.flv.FlvVideoTagInfo;
import io.livepush.publisher.reconnect.ReconnectPolicy;
import io.livepush.publisher.rtmp.client.OnStatusCode;
import io.livepush.publisher.rtmp.client.RtmpPublishRejectedException;
import io.livepush.publisher.rtmp.server.IngestedMessage;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestListener;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Reconnect against the in-JVM ingest, which sees every message (also onMetaData, which nginx-rtmp
 * does not record): the ingest goes away, comes back answering BadName (a stale session), then
 * accepts again.
 */
class LiveStreamReconnectTest {
    private static final String KEY = "reconnect-key-abcdef123456";

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Throwable> causes = new CopyOnWriteArrayList<>();

    private static RtmpIngestServer ingest(int port, List<IngestedMessage> into, Set<String> badNames) throws Exception {
        return RtmpIngestServer.start(RtmpIngestConfig.builder().port(port).badNameKeys(badNames)
                .listener(new RtmpIngestListener() {
                    @Override
                    public void onMessage(IngestedMessage message) {
                        into.add(message);
                    }
                }).build());
    }

    private LiveStream stream(String url) {
        try {
            VideoEncoders.installed().select("auto");
        } catch (EncoderUnavailableException e) {
            Assumptions.assumeTrue(false, "no H.264 backend here: " + e.getMessage());
        }
        LiveStreamConfig c = LiveStreamConfig.builder(url)
                .video(VideoEncoderConfig.builder().size(320, 240).fps(30).bitrateBps(400_000).build())
                .reconnect(ReconnectPolicy.builder().initialDelay(Duration.ofMillis(300)).maxDelay(Duration.ofMillis(600))
                        .jitter(0).build())
                .build();
        MediaClock clock = new MediaClock();
        return LiveStream.create(c, TestPatternSource.builder().size(320, 240).clock(clock).realtime(true).build(),
                ToneSource.builder().format(c.audio().audioFormat()).clock(clock).realtime(true).build(), clock,
                new LiveStreamListener() {
                    @Override
                    public void onReconnecting(int attempt, Duration delay, Throwable cause) {
                        events.add("reconnecting " + attempt);
                        causes.add(cause);
                    }

                    @Override
                    public void onReconnected() {
                        events.add("reconnected");
                    }

                    @Override
                    public void onFailed(Throwable cause) {
                        events.add("failed " + cause);
                    }
                });
    }

    @Test
    void afterALossAndABadNameTheStreamComesBackWithMetadataHeadersAndAKeyframeOnAContinuingTimeline()
            throws Exception {
        int port = Interop.freePort();
        List<IngestedMessage> first = new CopyOnWriteArrayList<>();
        List<IngestedMessage> second = new CopyOnWriteArrayList<>();
        RtmpIngestServer server = ingest(port, first, Set.of());
        try (LiveStream s = stream("rtmp://127.0.0.1:" + port + "/live/" + KEY)) {
            s.start().get(10, TimeUnit.SECONDS);
            Thread.sleep(1500);
            server.close();
            waitFor(() -> events.contains("reconnecting 1"));
            server = ingest(port, new CopyOnWriteArrayList<>(), Set.of(KEY));
            waitFor(() -> causes.stream().anyMatch(c -> c instanceof RtmpPublishRejectedException));
            server.close();
            server = ingest(port, second, Set.of());
            waitFor(() -> events.contains("reconnected"));
            Thread.sleep(1000);
            assertEquals(1, s.stats().reconnects());
        } finally {
            server.close();
        }
        RtmpPublishRejectedException badName = (RtmpPublishRejectedException) causes.stream()
                .filter(c -> c instanceof RtmpPublishRejectedException).findFirst().orElseThrow();
        assertEquals(OnStatusCode.BAD_NAME, badName.code(), "BadName is retried after a delay");
        assertTrue(events.stream().noneMatch(e -> e.startsWith("failed")), events.toString());

        assertEquals(18, second.get(0).typeId(), "onMetaData first again");
        FlvVideoTagInfo header = FlvVideoTagBody.parse(Unpooled.wrappedBuffer(second.get(1).payload()));
        assertEquals(FlvVideoTagInfo.AVC_SEQUENCE_HEADER, header.avcPacketType(), "then the AVC sequence header");
        assertEquals(8, second.get(2).typeId(), "then the AAC sequence header");
        assertEquals(0, second.get(2).payload()[1]);
        FlvVideoTagInfo frame = FlvVideoTagBody.parse(Unpooled.wrappedBuffer(second.get(3).payload()));
        assertTrue(frame.keyframe(), "media restarts at a keyframe");
        long lastBefore = first.get(first.size() - 1).timestampMs();
        long firstAfter = second.get(3).timestampMs();
        // The timeline goes on across the outage (it does not restart at 0); how far it moved depends on
        // how long the reconnect took and where the next keyframe fell, so only the order is asserted.
        assertTrue(lastBefore >= 1000, "media flowed before the loss: " + lastBefore + " ms");
        assertTrue(firstAfter > lastBefore, "the timeline goes on: " + lastBefore + " ms then " + firstAfter + " ms");
    }

    @Test
    void closeWhileReconnectingReturnsWithinTheCloseTimeout() throws Exception {
        int port = Interop.freePort();
        RtmpIngestServer server = ingest(port, new CopyOnWriteArrayList<>(), Set.of());
        LiveStream s = stream("rtmp://127.0.0.1:" + port + "/live/" + KEY);
        s.start().get(10, TimeUnit.SECONDS);
        server.close();
        waitFor(() -> events.contains("reconnecting 1"));
        long t0 = System.nanoTime();
        s.close();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 3500, "close took " + ms + " ms");
        assertInstanceOf(Throwable.class, causes.get(0));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
