package io.livepush.publisher.rtmp.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.amf.Amf0EcmaArray;
import io.livepush.publisher.amf.Amf0Reader;
import io.livepush.publisher.flv.FlvReader;
import io.livepush.publisher.flv.FlvTag;
import io.livepush.publisher.flv.FlvTagType;
import io.livepush.publisher.rtmp.RtmpTimeoutException;
import io.livepush.publisher.rtmp.client.OnStatusCode;
import io.livepush.publisher.rtmp.client.RtmpClient;
import io.livepush.publisher.rtmp.client.RtmpClientConfig;
import io.livepush.publisher.rtmp.client.RtmpPublishRejectedException;
import io.livepush.publisher.rtmp.client.RtmpPublishSession;
import io.livepush.publisher.rtmp.client.RtmpPublishState;
import io.livepush.publisher.url.RtmpUrl;
import io.livepush.publisher.url.StreamKeys;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RtmpClient} publishing to an in-JVM {@link RtmpIngestServer} over loopback. */
class RtmpClientToIngestServerTest {

    static final String KEY = "sk_live_0123456789abcdef";

    @TempDir
    Path dir;

    private static RtmpUrl url(RtmpIngestServer server, String key) {
        return RtmpUrl.parse("rtmp://127.0.0.1:" + server.port() + "/live/" + key);
    }

    @Test
    void publishedMetadataVideoAndAudioReachTheListenerAndTheRecording() throws Exception {
        IngestRecording events = new IngestRecording();
        Path flv = dir.resolve("out.flv");
        byte[] keyframe = new byte[10_000];
        new Random(1).nextBytes(keyframe);
        keyframe[0] = 0x17;
        keyframe[1] = 1;
        byte[] seqHeader = {0x17, 0, 0, 0, 0, 1, 0x42, (byte) 0xC0, 0x1E, (byte) 0xFF, (byte) 0xE1, 0, 0};
        byte[] aacConfig = {(byte) 0xAF, 0, 0x12, 0x10};
        byte[] aacFrame = {(byte) 0xAF, 1, 0x21, 0x10, 0x04};
        Amf0EcmaArray meta = new Amf0EcmaArray();
        meta.put("width", 1280.0);
        meta.put("videocodecid", 7.0);
        try (RtmpIngestServer server = RtmpIngestServer.start(RtmpIngestConfig.builder()
                .recordFile(flv).listener(events).build())) {
            RtmpPublishSession session = RtmpClient.publish(url(server, KEY), RtmpClientConfig.defaults(), null)
                    .get(5, TimeUnit.SECONDS);
            assertEquals(RtmpPublishState.PUBLISHING, session.state());
            session.sendMetaData(meta);
            session.sendVideo(0, Unpooled.wrappedBuffer(seqHeader));
            session.sendAudio(0, Unpooled.wrappedBuffer(aacConfig));
            session.sendVideo(33, Unpooled.wrappedBuffer(keyframe));
            session.sendAudio(0x1_0000_0000L + 21, Unpooled.wrappedBuffer(aacFrame)); // wraps to 21
            events.awaitMessages(5);
            session.close();
            assertTrue(events.endLatch.await(5, TimeUnit.SECONDS));
            assertEquals(RtmpPublishState.CLOSED, session.state());
            assertTrue(session.bytesSent() > keyframe.length);
        }
        assertEquals(List.of("live/" + StreamKeys.redact(KEY)), events.started);
        List<IngestedMessage> got = events.messages;
        assertEquals(List.of(18, 9, 8, 9, 8), got.stream().map(IngestedMessage::typeId).toList());
        assertEquals(List.of(0L, 0L, 0L, 33L, 21L), got.stream().map(IngestedMessage::timestampMs).toList());
        assertArrayEquals(keyframe, got.get(3).payload());
        assertArrayEquals(aacFrame, got.get(4).payload());
        assertEquals(List.of("@setDataFrame", "onMetaData", meta),
                Amf0Reader.readAll(Unpooled.wrappedBuffer(got.get(0).payload())));
        for (int i = 1; i < got.size(); i++) {
            assertTrue(got.get(i).arrivalNanos() >= got.get(i - 1).arrivalNanos());
        }
        long nowMicros = System.currentTimeMillis() * 1000;
        assertTrue(Math.abs(nowMicros - got.get(0).arrivalEpochMicros()) < 60_000_000L);

        List<FlvTag> tags = new ArrayList<>();
        try (FlvReader reader = FlvReader.open(flv)) {
            assertTrue(reader.hasAudio() && reader.hasVideo());
            for (FlvTag t = reader.next(); t != null; t = reader.next()) {
                tags.add(t);
            }
        }
        assertEquals(List.of(FlvTagType.SCRIPT_DATA, FlvTagType.VIDEO, FlvTagType.AUDIO, FlvTagType.VIDEO,
                FlvTagType.AUDIO), tags.stream().map(FlvTag::type).toList());
        assertEquals(List.of("onMetaData", meta), Amf0Reader.readAll(Unpooled.wrappedBuffer(tags.get(0).body())),
                "@setDataFrame is not stored in the file");
        assertArrayEquals(seqHeader, tags.get(1).body());
        assertArrayEquals(keyframe, tags.get(3).body());
        assertEquals(33, tags.get(3).timestampMs());
        assertEquals(21, tags.get(4).timestampMs());
    }

    @Test
    void secondPublisherOfTheSameNameGetsBadName() throws Exception {
        try (RtmpIngestServer server = RtmpIngestServer.start(RtmpIngestConfig.builder().build())) {
            RtmpPublishSession first = RtmpClient.publish(url(server, KEY), RtmpClientConfig.defaults(), null)
                    .get(5, TimeUnit.SECONDS);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> RtmpClient.publish(url(server, KEY), RtmpClientConfig.defaults(), null).get(5, TimeUnit.SECONDS));
            RtmpPublishRejectedException rejected = assertInstanceOf(RtmpPublishRejectedException.class, e.getCause());
            assertEquals(OnStatusCode.BAD_NAME, rejected.code());
            assertEquals(RtmpPublishState.PUBLISHING, first.state(), "the first publisher is untouched");
            first.close();
        }
    }

    @Test
    void configuredBadNameKeyIsRefused() throws Exception {
        try (RtmpIngestServer server = RtmpIngestServer.start(RtmpIngestConfig.builder()
                .badNameKeys(Set.of(KEY)).build())) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> RtmpClient.publish(url(server, KEY), RtmpClientConfig.defaults(), null).get(5, TimeUnit.SECONDS));
            assertEquals(OnStatusCode.BAD_NAME,
                    assertInstanceOf(RtmpPublishRejectedException.class, e.getCause()).code());
        }
    }

    @Test
    void serverThatNeverAnswersMakesConnectTimeOut() throws Exception {
        try (RtmpIngestServer server = RtmpIngestServer.start(RtmpIngestConfig.builder()
                .answerCommands(false).build())) {
            long start = System.nanoTime();
            ExecutionException e = assertThrows(ExecutionException.class, () -> RtmpClient.publish(url(server, KEY),
                    RtmpClientConfig.builder().commandTimeout(Duration.ofMillis(300)).build(), null)
                    .get(5, TimeUnit.SECONDS));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("connect", assertInstanceOf(RtmpTimeoutException.class, e.getCause()).step());
            assertTrue(ms >= 300 && ms < 1500, "timed out after " + ms + " ms");
        }
    }

    @Test
    void nothingListeningFailsWithTheSocketError() throws Exception {
        int port;
        try (RtmpIngestServer server = RtmpIngestServer.start(RtmpIngestConfig.builder().build())) {
            port = server.port();
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> RtmpClient.publish(
                RtmpUrl.parse("rtmp://127.0.0.1:" + port + "/live/" + KEY), RtmpClientConfig.defaults(), null)
                .get(5, TimeUnit.SECONDS));
        assertInstanceOf(java.net.ConnectException.class, e.getCause());
    }

    @Test
    void recordDirectoryGetsOneFilePerStreamNamedWithoutTheQuery() throws Exception {
        assertEquals("abc_def.flv", RtmpIngestServer.fileName("abc.def?token=1"));
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        try (RtmpIngestServer server = RtmpIngestServer.start(RtmpIngestConfig.builder()
                .recordDirectory(dir.resolve("rec")).listener(new RtmpIngestListener() {
                    @Override
                    public void onPublishEnd(String streamKeyRedacted) {
                        ended.countDown();
                    }
                }).build())) {
            RtmpPublishSession s = RtmpClient.publish(url(server, "stream1?token=x"), RtmpClientConfig.defaults(), null)
                    .get(5, TimeUnit.SECONDS);
            s.sendVideo(0, Unpooled.wrappedBuffer(new byte[] {0x17, 0, 0, 0, 0}));
            s.close();
            // The client's close returns once its bytes are written; the server reads them a moment later.
            assertTrue(ended.await(5, TimeUnit.SECONDS), "the server saw the publish end");
        }
        try (FlvReader reader = FlvReader.open(dir.resolve("rec/stream1.flv"))) {
            FlvTag tag = reader.next();
            assertEquals(FlvTagType.VIDEO, tag.type());
            assertNull(reader.next());
        }
    }
}
