package io.livepush.publisher.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.testing.Interop;
import io.livepush.encoder.EncoderUnavailableException;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.VideoEncoders;
import io.livepush.encoder.sei.SeiRepeat;
import io.livepush.publisher.reconnect.ReconnectPolicy;
import io.livepush.publisher.rtmp.server.IngestedMessage;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestListener;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.url.RtmpUrl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way an SEI payload accepted by {@link LiveStream#sendSei} can fail to reach a viewer is
 * refused at the call or reported through {@link LiveStreamListener#onSeiDropped}, against the
 * in-JVM ingest: the source ended, the stream closed, the frame dropped during an outage or left
 * unsent at close. The stream goes on after each refusal.
 */
class LiveStreamSeiDropTest {
    private static final String KEY = "sei-drop-key-abcdef123456";
    private static final byte[] PAYLOAD = "coupon:42".getBytes(StandardCharsets.UTF_8);

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<byte[]> droppedPayloads = new CopyOnWriteArrayList<>();
    private final List<IngestedMessage> received = new CopyOnWriteArrayList<>();
    private int port;
    private RtmpIngestServer server;

    @BeforeEach
    void startIngest() throws Exception {
        port = Interop.freePort();
        server = RtmpIngestServer.start(RtmpIngestConfig.builder().port(port).listener(new RtmpIngestListener() {
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

    /** A 320x240 30 fps stream without sound (2 s GOP), reconnecting every 300 ms when the ingest goes. */
    private LiveStream stream(long frameLimit) {
        try {
            VideoEncoders.installed().select("auto");
        } catch (EncoderUnavailableException e) {
            Assumptions.assumeTrue(false, "no H.264 backend here: " + e.getMessage());
        }
        LiveStreamConfig c = LiveStreamConfig.builder("rtmp://127.0.0.1:" + port + "/live/" + KEY)
                .video(VideoEncoderConfig.builder().size(320, 240).fps(30).bitrateBps(400_000).build())
                .reconnect(ReconnectPolicy.builder().initialDelay(Duration.ofMillis(300))
                        .maxDelay(Duration.ofMillis(300)).jitter(0).build())
                .build();
        MediaClock clock = new MediaClock();
        TestPatternSource.Builder video = TestPatternSource.builder().size(320, 240).clock(clock).realtime(true);
        if (frameLimit > 0) {
            video.frameLimit(frameLimit);
        }
        return LiveStream.create(c, video.build(), null, clock, new LiveStreamListener() {
            @Override
            public void onSeiDropped(byte[] payload, SeiDropReason reason, String destination) {
                droppedPayloads.add(payload);
                events.add("sei " + reason + " " + destination);
            }

            @Override
            public void onReconnecting(int attempt, Duration delay, Throwable cause) {
                events.add("reconnecting");
            }

            @Override
            public void onClosed() {
                events.add("closed");
            }
        });
    }

    private String redactedUrl() {
        return RtmpUrl.parse("rtmp://127.0.0.1:" + port + "/live/" + KEY).redacted();
    }

    @Test
    void seiAfterTheVideoSourceEndedIsRefusedAtTheCallAndTheStreamStaysOpen() throws Exception {
        try (LiveStream s = stream(20)) {
            s.start().get(10, TimeUnit.SECONDS);
            assertTrue(s.awaitSourcesEnded(5000), "the 20-frame source ended");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.sendSei(PAYLOAD));
            assertEquals("the video source has ended; no frame is left to carry the SEI", e.getMessage());
            assertThrows(IllegalStateException.class, () -> s.sendSei(PAYLOAD, SeiRepeat.frames(3)));
            assertFalse(s.done().isDone(), "the refused call did not stop the stream");
        }
        assertTrue(events.stream().noneMatch(ev -> ev.startsWith("sei")), "nothing was accepted, so nothing dropped: "
                + events);
    }

    @Test
    void seiWaitingForAKeyframeWhenTheSourceEndsIsReportedAsSourceEnded() throws Exception {
        // 45 frames = 1.5 s: the first keyframe is the only one, so a keyframes-only payload sent after it waits.
        try (LiveStream s = stream(45)) {
            s.start().get(10, TimeUnit.SECONDS);
            waitFor(() -> s.stats().framesSent() >= 3); // the first keyframe is behind us
            s.sendSei(PAYLOAD, SeiRepeat.keyframes(1));
            assertTrue(s.awaitSourcesEnded(5000), "the 45-frame source ended");
            waitFor(() -> events.contains("sei SOURCE_ENDED null"));
            assertFalse(s.done().isDone(), "the stream stays open after the report");
        }
        assertEquals(1, droppedPayloads.size(), events.toString());
        assertArrayEquals(PAYLOAD, droppedPayloads.get(0));
    }

    @Test
    void seiStillWaitingWhenTheStreamClosesIsReportedAsStreamClosedBeforeOnClosed() throws Exception {
        LiveStream s = stream(0);
        s.start().get(10, TimeUnit.SECONDS);
        waitFor(() -> s.stats().framesSent() >= 3); // the first keyframe is behind us
        s.sendSei(PAYLOAD, SeiRepeat.keyframes(1));
        s.close();
        waitFor(() -> events.contains("closed"));
        assertEquals(List.of("sei STREAM_CLOSED null", "closed"), events);
        assertArrayEquals(PAYLOAD, droppedPayloads.get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.sendSei(PAYLOAD));
        assertEquals("SEI can only be sent while the stream runs (it is closed)", e.getMessage());
    }

    @Test
    void seiCarriedToTheIngestIsNeverReported() throws Exception {
        try (LiveStream s = stream(0)) {
            s.start().get(10, TimeUnit.SECONDS);
            Thread.sleep(300);
            s.sendSei(PAYLOAD, SeiRepeat.frames(5));
            s.sendSei(PAYLOAD);
            Thread.sleep(600);
        }
        waitFor(() -> events.contains("closed"));
        assertEquals(List.of("closed"), events);
        long carrying = 0;
        for (IngestedMessage m : received) {
            if (m.typeId() == 9 && LiveStreamTest.carries(m, "coupon:42")) {
                carrying++;
            }
        }
        assertEquals(5, carrying, "five frames carried the payload (the single one rode on the first of them)");
    }

    @Test
    void seiBeforeStartIsRefusedAndTheStreamStillStarts() throws Exception {
        try (LiveStream s = stream(0)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.sendSei(PAYLOAD));
            assertEquals("SEI can only be sent while the stream runs (it is not started)", e.getMessage());
            s.start().get(10, TimeUnit.SECONDS);
            s.sendSei(PAYLOAD);
        }
    }

    @Test
    void seiOnAFrameTrimmedDuringAnOutageIsReportedForThatDestination() throws Exception {
        try (LiveStream s = stream(0)) {
            s.start().get(10, TimeUnit.SECONDS);
            Thread.sleep(300);
            server.close();
            waitFor(() -> events.contains("reconnecting"));
            s.sendSei(PAYLOAD);
            Thread.sleep(200);
            // A newer keyframe makes everything queued before it useless to a reconnect: it is trimmed.
            s.videoEncoder().requestKeyframe();
            waitFor(() -> events.contains("sei OUTAGE " + redactedUrl()));
        }
        assertArrayEquals(PAYLOAD, droppedPayloads.get(0));
    }

    @Test
    void seiOnAFrameStillQueuedForADisconnectedDestinationAtCloseIsReportedUnsentAtClose() throws Exception {
        LiveStream s = stream(0);
        s.start().get(10, TimeUnit.SECONDS);
        Thread.sleep(300);
        server.close();
        waitFor(() -> events.contains("reconnecting"));
        // On a keyframe of its own, the newest one queued, so the outage trimming keeps it for the reconnect.
        s.videoEncoder().requestKeyframe();
        // Keyframes only: an encode already under way cannot take it onto an inter frame before the forced keyframe.
        s.sendSei(PAYLOAD, SeiRepeat.keyframes(1));
        Thread.sleep(200);
        s.close();
        waitFor(() -> events.contains("closed"));
        assertTrue(events.contains("sei UNSENT_AT_CLOSE " + redactedUrl()), events.toString());
        assertArrayEquals(PAYLOAD, droppedPayloads.get(0));
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 8 s");
            Thread.sleep(20);
        }
    }
}
