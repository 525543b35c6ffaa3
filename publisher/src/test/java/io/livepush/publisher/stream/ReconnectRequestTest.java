package io.livepush.publisher.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.encoder.EncoderUnavailableException;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.VideoEncoders;
import io.livepush.publisher.flv.FlvVideoTagBody;
import io.livepush.publisher.flv.FlvVideoTagInfo;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Enhanced RTMP {@code NetConnection.Connect.ReconnectRequest} end to end: the stream keeps sending
 * until its next keyframe, leaves there, and reconnects at once to the tcUrl the server named.
 */
class ReconnectRequestTest {

    @Test
    void aReconnectRequestMovesTheStreamToTheNewTcUrlAtTheNextKeyframeWithoutBackoff() throws Exception {
        try {
            VideoEncoders.installed().select("auto");
        } catch (EncoderUnavailableException e) {
            Assumptions.assumeTrue(false, "no H.264 backend here: " + e.getMessage());
        }
        List<String> events = new CopyOnWriteArrayList<>();
        try (ReconnectRequestIngest ingest = new ReconnectRequestIngest(15)) {
            LiveStreamConfig c = LiveStreamConfig.builder("rtmp://127.0.0.1:" + ingest.port() + "/live/request-key-0123456")
                    .video(VideoEncoderConfig.builder().size(320, 240).fps(30).bitrateBps(300_000).build()).build();
            MediaClock clock = new MediaClock();
            try (LiveStream s = LiveStream.create(c, TestPatternSource.builder().size(320, 240).clock(clock).realtime(true).build(),
                    ToneSource.builder().format(c.audio().audioFormat()).clock(clock).realtime(true).build(), clock,
                    new LiveStreamListener() {
                        @Override
                        public void onReconnecting(int attempt, Duration delay, Throwable cause) {
                            events.add("reconnecting " + delay.toMillis());
                        }

                        @Override
                        public void onReconnected() {
                            events.add("reconnected");
                        }
                    })) {
                s.start().get(10, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
                while (!events.contains("reconnected") && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(500);
            }
            assertEquals(List.of("reconnecting 0", "reconnected"), events);
            assertEquals(2, ingest.connections.size());
            assertEquals(1.0, ingest.connections.get(0).connectProperties.get("capsEx"));
            assertEquals("live", ingest.connections.get(0).app);
            assertEquals("moved", ingest.connections.get(1).app, "the second connection goes to the tcUrl named");

            List<ReconnectRequestIngest.Seen> first = ingest.connections.get(0).media;
            List<ReconnectRequestIngest.Seen> second = ingest.connections.get(1).media;
            long lastVideoBefore = first.stream().filter(m -> m.typeId() == 9).mapToLong(ReconnectRequestIngest.Seen::timestampMs)
                    .max().orElseThrow();
            assertTrue(first.stream().filter(m -> m.typeId() == 9).count() > 15,
                    "kept sending after the request until the keyframe");
            assertEquals(18, second.get(0).typeId(), "metadata first on the new connection");
            ReconnectRequestIngest.Seen key = second.stream().filter(m -> m.typeId() == 9 && !isSequenceHeader(m.payload()))
                    .findFirst().orElseThrow();
            assertTrue(FlvVideoTagBody.parse(Unpooled.wrappedBuffer(key.payload())).keyframe(), "the new connection starts at a keyframe");
            assertTrue(key.timestampMs() > lastVideoBefore, "one timeline: " + lastVideoBefore + " then " + key.timestampMs());
            assertTrue(key.timestampMs() - lastVideoBefore < 500, "no media lost in the move: gap "
                    + (key.timestampMs() - lastVideoBefore) + " ms");
        }
    }

    private static boolean isSequenceHeader(byte[] videoBody) {
        try {
            return FlvVideoTagBody.parse(Unpooled.wrappedBuffer(videoBody)).avcPacketType() == FlvVideoTagInfo.AVC_SEQUENCE_HEADER;
        } catch (io.livepush.publisher.flv.FlvFormatException e) {
            throw new AssertionError("malformed video tag body", e);
        }
    }
}
