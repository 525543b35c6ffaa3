package io.livepush.publisher.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.encoder.EncoderUnavailableException;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.VideoEncoders;
import io.livepush.encoder.sei.SeiUserDataUnregistered;
import io.livepush.publisher.flv.FlvTagType;
import io.livepush.publisher.flv.FlvVideoTagBody;
import io.livepush.publisher.flv.FlvVideoTagInfo;
import io.livepush.publisher.inspect.StreamInspector;
import io.livepush.publisher.rtmp.server.IngestedMessage;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestListener;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link LiveStream} against the in-JVM ingest: events, SEI alignment, bad calls, close. */
class LiveStreamTest {
    private static final String KEY = "unit-test-key-abcdef123456";

    private final List<IngestedMessage> received = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private RtmpIngestServer server;

    @BeforeEach
    void startIngest() throws Exception {
        server = RtmpIngestServer.start(RtmpIngestConfig.builder().port(0).listener(new RtmpIngestListener() {
            @Override
            public void onMessage(IngestedMessage message) {
                received.add(message);
            }
        }).build());
    }

    @AfterEach
    void stopIngest() {
        server.close();
    }

    private LiveStream stream(LiveStreamConfig.Builder config, boolean audio) {
        try {
            VideoEncoders.installed().select("auto");
        } catch (EncoderUnavailableException e) {
            Assumptions.assumeTrue(false, "no H.264 backend here: " + e.getMessage());
        }
        MediaClock clock = new MediaClock();
        LiveStreamConfig c = config.build();
        TestPatternSource video = TestPatternSource.builder().size(c.video().width(), c.video().height()).clock(clock).build();
        ToneSource tone = audio ? ToneSource.builder().format(c.audio().audioFormat()).clock(clock).build() : null;
        return LiveStream.create(c, video, tone, clock, new LiveStreamListener() {
            @Override
            public void onConnecting(String redactedUrl) {
                events.add("connecting " + redactedUrl);
            }

            @Override
            public void onPublishing() {
                events.add("publishing");
            }

            @Override
            public void onStats(LiveStreamStats stats) {
                events.add("stats " + stats.framesSent());
            }

            @Override
            public void onFailed(Throwable cause) {
                events.add("failed " + cause.getMessage());
            }

            @Override
            public void onClosed() {
                events.add("closed");
            }
        });
    }

    private LiveStreamConfig.Builder config() {
        return LiveStreamConfig.builder("rtmp://127.0.0.1:" + server.port() + "/live/" + KEY)
                .video(VideoEncoderConfig.builder().size(320, 240).fps(30).bitrateBps(500_000).build());
    }

    @Test
    void listenerSeesConnectingPublishingStatsEachSecondAndClosedInThatOrder() throws Exception {
        try (LiveStream s = stream(config(), true)) {
            s.start().get(10, TimeUnit.SECONDS);
            Thread.sleep(2600);
        }
        assertTrue(events.get(0).startsWith("connecting rtmp://127.0.0.1:"), events.toString());
        assertTrue(!events.get(0).contains(KEY), "redacted: " + events.get(0));
        assertEquals("publishing", events.get(1), events.toString());
        long stats = events.stream().filter(e -> e.startsWith("stats")).count();
        assertTrue(stats >= 2 && stats <= 3, "one stats event a second: " + events);
        assertEquals("closed", events.get(events.size() - 1), events.toString());
        assertTrue(received.stream().anyMatch(m -> m.typeId() == 8), "audio reached the ingest");
    }

    @Test
    void seiSentWhileStreamingRidesOnTheNextEncodedFrame() throws Exception {
        try (LiveStream s = stream(config().seiTimestamps(true), false)) {
            s.start().get(10, TimeUnit.SECONDS);
            Thread.sleep(500);
            long sentAtUs = System.currentTimeMillis() * 1000;
            s.sendSei("card:7".getBytes(StandardCharsets.UTF_8));
            Thread.sleep(500);
            Optional<Long> captureUs = Optional.empty();
            for (IngestedMessage m : received) {
                if (m.typeId() == 9 && carries(m, "card:7")) {
                    captureUs = captureTime(m);
                }
            }
            assertTrue(captureUs.isPresent(), "the SEI reached the ingest on a frame with a capture time");
            long skewMs = (captureUs.get() - sentAtUs) / 1000;
            // The next frame encoded was captured at most a few frame intervals before the call
            // (it may wait in the encoder's hand-off queue) and never long after it.
            assertTrue(skewMs > -150 && skewMs < 100, "frame captured " + skewMs + " ms from the sendSei call");
        }
    }

    @Test
    void aBadSeiPayloadThrowsWithTheAllowedRangeAndTheStreamGoesOn() throws Exception {
        try (LiveStream s = stream(config(), false)) {
            s.start().get(10, TimeUnit.SECONDS);
            Thread.sleep(300);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.sendSei(new byte[256]));
            assertEquals("SEI payload is 256 bytes (expected 1..255)", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.sendSei(new byte[0]));
            long before = received.stream().filter(m -> m.typeId() == 9).count();
            s.sendSei(new byte[] {1, 2, 3});
            Thread.sleep(700);
            long after = received.stream().filter(m -> m.typeId() == 9).count();
            assertTrue(after - before >= 15, "video kept flowing: " + (after - before) + " frames in 0.7 s");
            assertTrue(!s.done().isDone(), "the stream still runs");
        }
    }

    @Test
    void closeReturnsWithinTheConfiguredTimeoutAndIsIdempotent() throws Exception {
        LiveStream s = stream(config(), true);
        s.start().get(10, TimeUnit.SECONDS);
        Thread.sleep(500);
        long t0 = System.nanoTime();
        s.close();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 3000 + 500, "close took " + ms + " ms");
        s.close();
        assertTrue(s.done().isDone());
        assertThrows(IllegalStateException.class, () -> s.sendSei(new byte[] {1}));
    }

    @Test
    void withReconnectDisabledTheIngestGoingAwayFailsTheStreamWithAnEventAndStopsIt() throws Exception {
        try (LiveStream s = stream(config().reconnect(io.livepush.publisher.reconnect.ReconnectPolicy.disabled()), false)) {
            s.start().get(10, TimeUnit.SECONDS);
            Thread.sleep(300);
            server.close();
            s.done().get(10, TimeUnit.SECONDS);
        }
        assertTrue(events.stream().anyMatch(e -> e.startsWith("failed")), events.toString());
        assertEquals("closed", events.get(events.size() - 1));
    }

    @Test
    void aSourceOfAnotherSizeIsRejectedNamingBothSizes() {
        MediaClock clock = new MediaClock();
        TestPatternSource video = TestPatternSource.builder().size(640, 360).clock(clock).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveStream.create(
                config().build(), video, null, clock, new LiveStreamListener() { }));
        assertTrue(e.getMessage().contains("640x360") && e.getMessage().contains("320x240"), e.getMessage());
        video.close();
    }

    @Test
    void startingTwiceIsRefused() throws Exception {
        try (LiveStream s = stream(config(), false)) {
            s.start().get(10, TimeUnit.SECONDS);
            assertThrows(IllegalStateException.class, s::start);
        }
    }

    @Test
    void theStreamStartsWithMetadataThenSequenceHeadersThenAKeyframe() throws Exception {
        try (LiveStream s = stream(config(), true)) {
            s.start().get(10, TimeUnit.SECONDS);
            Thread.sleep(500);
        }
        assertEquals(18, received.get(0).typeId(), "onMetaData first");
        FlvVideoTagInfo first = FlvVideoTagBody.parse(Unpooled.wrappedBuffer(received.get(1).payload()));
        assertEquals(FlvVideoTagInfo.AVC_SEQUENCE_HEADER, first.avcPacketType(), "then the AVC sequence header");
        assertEquals(8, received.get(2).typeId(), "then the AAC sequence header");
        assertEquals(0, received.get(2).payload()[1], "AACPacketType 0");
        FlvVideoTagInfo firstFrame = FlvVideoTagBody.parse(Unpooled.wrappedBuffer(received.get(3).payload()));
        assertTrue(firstFrame.keyframe(), "media starts at a keyframe");
        StreamInspector inspector = new StreamInspector(0);
        for (IngestedMessage m : received) {
            inspector.onTag(FlvTagType.ofId(m.typeId()), m.timestampMs(), m.payload(), m.arrivalEpochMicros());
        }
        assertEquals(0, inspector.report().malformedTags());
    }

    static boolean carries(IngestedMessage m, String text) throws Exception {
        for (byte[] nal : FlvVideoTagBody.parse(Unpooled.wrappedBuffer(m.payload())).nalUnits()) {
            if ((nal[0] & 0x1F) == 6) {
                for (SeiUserDataUnregistered sei : SeiUserDataUnregistered.parseAll(nal)) {
                    if (new String(sei.payload(), StandardCharsets.UTF_8).equals(text)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Optional<Long> captureTime(IngestedMessage m) throws Exception {
        for (byte[] nal : FlvVideoTagBody.parse(Unpooled.wrappedBuffer(m.payload())).nalUnits()) {
            if ((nal[0] & 0x1F) == 6) {
                for (SeiUserDataUnregistered sei : SeiUserDataUnregistered.parseAll(nal)) {
                    Optional<Long> t = CaptureTimeSei.read(sei);
                    if (t.isPresent()) {
                        return t;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
