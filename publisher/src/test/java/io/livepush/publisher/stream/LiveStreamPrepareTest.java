package io.livepush.publisher.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.MediaClock;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.encoder.EncoderUnavailableException;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.VideoEncoders;
import io.livepush.publisher.flv.FlvVideoTagBody;
import io.livepush.publisher.flv.FlvVideoTagInfo;
import io.livepush.publisher.rtmp.client.RtmpClient;
import io.livepush.publisher.rtmp.client.RtmpClientConfig;
import io.livepush.publisher.rtmp.client.RtmpPublishSession;
import io.livepush.publisher.rtmp.client.RtmpPublishState;
import io.livepush.publisher.rtmp.server.IngestedMessage;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestListener;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.url.RtmpUrl;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LiveStream#prepare()} against the in-JVM ingest, which refuses a second publisher of a name
 * ({@code BadName}) as nginx-rtmp does: a prepared stream does not take the key, {@code start()} then
 * publishes on the prepared connection, and {@code close()} leaves the key to whoever holds it.
 */
class LiveStreamPrepareTest {
    private static final String KEY = "prepare-test-key-0123456789";

    private final List<IngestedMessage> received = new CopyOnWriteArrayList<>();
    private final List<String> ended = new CopyOnWriteArrayList<>();
    private RtmpIngestServer server;

    @BeforeEach
    void startIngest() throws Exception {
        server = ingest(0);
    }

    private RtmpIngestServer ingest(int port) throws Exception {
        return RtmpIngestServer.start(RtmpIngestConfig.builder().port(port).listener(new RtmpIngestListener() {
            @Override
            public void onMessage(IngestedMessage message) {
                received.add(message);
            }

            @Override
            public void onPublishEnd(String streamKeyRedacted) {
                ended.add(streamKeyRedacted);
            }
        }).build());
    }

    @AfterEach
    void stopIngest() {
        server.close();
    }

    private String url() {
        return "rtmp://127.0.0.1:" + server.port() + "/live/" + KEY;
    }

    private LiveStream stream() {
        try {
            VideoEncoders.installed().select("auto");
        } catch (EncoderUnavailableException e) {
            Assumptions.assumeTrue(false, "no H.264 backend here: " + e.getMessage());
        }
        MediaClock clock = new MediaClock();
        LiveStreamConfig c = LiveStreamConfig.builder(url())
                .video(VideoEncoderConfig.builder().size(320, 240).fps(30).bitrateBps(500_000).build()).build();
        TestPatternSource video = TestPatternSource.builder().size(320, 240).clock(clock).build();
        ToneSource tone = ToneSource.builder().format(c.audio().audioFormat()).clock(clock).build();
        return LiveStream.create(c, video, tone, clock, new LiveStreamListener() { });
    }

    /** Another publisher holding the key, as the host does before a handover. */
    private RtmpPublishSession holder() throws Exception {
        return RtmpClient.publish(RtmpUrl.parse(url()), RtmpClientConfig.defaults(), null).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aPreparedStreamLeavesTheKeyToItsHolderAndPublishesOnStartOnceTheKeyIsFree() throws Exception {
        RtmpPublishSession holder = holder();
        try (LiveStream s = stream()) {
            s.prepare().get(10, TimeUnit.SECONDS);
            Thread.sleep(200);
            assertEquals(RtmpPublishState.PUBLISHING, holder.state(), "the holder keeps publishing");
            assertEquals(1, server.publishingRedacted().size(), "one publisher of the key: " + server.publishingRedacted());
            assertTrue(received.isEmpty(), "nothing of the prepared stream reached the ingest: " + received);

            holder.close();
            s.start().get(5, TimeUnit.SECONDS);
            Thread.sleep(500);
            assertFalse(s.done().isDone(), "the stream runs");
            assertTrue(s.stats().framesSent() > 0, "frames sent: " + s.stats());
        }
        assertEquals(18, received.get(0).typeId(), "onMetaData first");
        FlvVideoTagInfo header = FlvVideoTagBody.parse(Unpooled.wrappedBuffer(received.get(1).payload()));
        assertEquals(FlvVideoTagInfo.AVC_SEQUENCE_HEADER, header.avcPacketType(), "then the AVC sequence header");
        FlvVideoTagInfo first = FlvVideoTagBody.parse(Unpooled.wrappedBuffer(received.get(3).payload()));
        assertTrue(first.keyframe(), "the first frame after the warm-up frame is still a keyframe");
        assertEquals(0, received.get(3).timestampMs(), "the warm-up frame is not sent: media starts at time 0");
    }

    @Test
    void closingAPreparedStreamFreesItsConnectionsAndNeverTouchesTheKey() throws Exception {
        RtmpPublishSession holder = holder();
        LiveStream s = stream();
        s.prepare().get(10, TimeUnit.SECONDS);
        s.close();
        assertTrue(s.done().isDone());
        Thread.sleep(200);
        assertEquals(RtmpPublishState.PUBLISHING, holder.state(), "the holder was not disturbed");
        assertTrue(ended.isEmpty(), "no publish ended: " + ended);
        assertEquals(1, server.publishingRedacted().size());
        holder.close();
        assertThrows(IllegalStateException.class, s::prepare);
    }

    @Test
    void aPreparedConnectionTheIngestDroppedIsReplacedOnStart() throws Exception {
        try (LiveStream s = stream()) {
            s.prepare().get(10, TimeUnit.SECONDS);
            int port = server.port();
            server.close();
            server = ingest(port);
            s.start().get(10, TimeUnit.SECONDS);
            Thread.sleep(300);
            assertTrue(s.stats().framesSent() > 0, "published on a new connection: " + s.stats());
        }
    }

    @Test
    void prepareComesOnceAndBeforeStart() throws Exception {
        try (LiveStream s = stream()) {
            s.prepare().get(10, TimeUnit.SECONDS);
            IllegalStateException twice = assertThrows(IllegalStateException.class, s::prepare);
            assertTrue(twice.getMessage().contains("already prepared"), twice.getMessage());
            s.start().get(5, TimeUnit.SECONDS);
            assertThrows(IllegalStateException.class, s::start);
        }
        try (LiveStream s = stream()) {
            s.start().get(5, TimeUnit.SECONDS);
            IllegalStateException late = assertThrows(IllegalStateException.class, s::prepare);
            assertTrue(late.getMessage().contains("started"), late.getMessage());
        }
    }
}
