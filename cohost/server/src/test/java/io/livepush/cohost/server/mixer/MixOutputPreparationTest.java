package io.livepush.cohost.server.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.encoder.EncoderUnavailableException;
import io.livepush.encoder.VideoEncoders;
import io.livepush.publisher.flv.FlvVideoTagBody;
import io.livepush.publisher.rtmp.client.RtmpClient;
import io.livepush.publisher.rtmp.client.RtmpClientConfig;
import io.livepush.publisher.rtmp.client.RtmpPublishSession;
import io.livepush.publisher.rtmp.client.RtmpPublishState;
import io.livepush.publisher.rtmp.server.IngestedMessage;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestListener;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.stream.LiveStream;
import io.livepush.publisher.stream.LiveStreamListener;
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
 * The mixer's output preparation ({@code MixEngine.prepareOutput}) against the in-JVM ingest, which
 * refuses a second publisher of a key as nginx-rtmp does, while a stand-in host publishes the key.
 */
class MixOutputPreparationTest {
    private static final String KEY = "mix-prepare-key-0123456789";
    private final List<IngestedMessage> received = new CopyOnWriteArrayList<>();
    private RtmpIngestServer ingest;
    private RtmpPublishSession host;
    private MixEngine engine;

    @BeforeEach
    void start() throws Exception {
        try {
            VideoEncoders.installed().select("auto");
        } catch (EncoderUnavailableException e) {
            Assumptions.assumeTrue(false, "no H.264 backend here: " + e.getMessage());
        }
        ingest = RtmpIngestServer.start(RtmpIngestConfig.builder().port(0).listener(new RtmpIngestListener() {
            @Override
            public void onMessage(IngestedMessage message) {
                received.add(message);
            }
        }).build());
        String url = "rtmp://127.0.0.1:" + ingest.port() + "/live/" + KEY;
        host = RtmpClient.publish(RtmpUrl.parse(url), RtmpClientConfig.defaults(), null).get(5, TimeUnit.SECONDS);
        engine = new MixEngine(MixerConfig.builder(url).outputOnStart(false).build(), new LiveStreamListener() { });
        engine.add("host", true);
    }

    @AfterEach
    void stop() {
        engine.close();
        host.close();
        ingest.close();
    }

    @Test
    void aPreparedOutputLeavesTheKeyToTheHostAndStartsOnItOnceTheKeyIsFree() throws Exception {
        engine.prepareOutput().get(10, TimeUnit.SECONDS);
        assertNull(engine.output(), "prepared is not pushing");
        assertEquals(RtmpPublishState.PUBLISHING, host.state(), "the host keeps the key");
        assertEquals(1, ingest.publishingRedacted().size());
        assertTrue(engine.prepareOutput().isDone(), "a second preparation while one is held does nothing");

        host.close();
        engine.startOutput().get(5, TimeUnit.SECONDS);
        LiveStream out = engine.output();
        assertNotNull(out);
        Thread.sleep(500);
        assertTrue(out.stats().framesSent() > 0, "the mix publishes: " + out.stats());
        IngestedMessage firstFrame = received.stream().filter(m -> m.typeId() == 9).skip(1).findFirst().orElseThrow();
        assertTrue(FlvVideoTagBody.parse(Unpooled.wrappedBuffer(firstFrame.payload())).keyframe(),
                "the first mixed frame after the sequence header is a keyframe");
        assertTrue(engine.prepareOutput().isDone(), "while pushing nothing is prepared");
        assertSame(out, engine.output());
    }

    @Test
    void aCancelledPreparationClosesWithoutPublishingAndTheNextStartConnectsAnew() throws Exception {
        engine.prepareOutput().get(10, TimeUnit.SECONDS);
        engine.cancelPreparedOutput();
        engine.cancelPreparedOutput();
        Thread.sleep(200);
        assertEquals(RtmpPublishState.PUBLISHING, host.state(), "the host was not disturbed");
        assertTrue(received.isEmpty(), "nothing of the mix reached the ingest: " + received.size());

        host.close();
        engine.startOutput().get(5, TimeUnit.SECONDS);
        Thread.sleep(300);
        assertTrue(engine.output().stats().framesSent() > 0, "a start without a preparation connects in full");
    }

    @Test
    void stoppingTheOutputAlsoClosesAPreparation() throws Exception {
        engine.prepareOutput().get(10, TimeUnit.SECONDS);
        engine.stopOutput();
        host.close();
        Thread.sleep(200);
        assertTrue(received.isEmpty(), "the stopped preparation never published");
        assertTrue(ingest.publishingRedacted().isEmpty(), "nobody holds the key: " + ingest.publishingRedacted());
    }
}
