package io.livepush.publisher.rtmp.client;

import static io.livepush.publisher.rtmp.client.PublishHarness.KEY;
import static io.livepush.publisher.rtmp.client.PublishHarness.info;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.amf.Amf0EcmaArray;
import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.livepush.publisher.rtmp.RtmpTimeoutException;
import io.livepush.publisher.rtmp.message.Acknowledgement;
import io.livepush.publisher.rtmp.message.AudioMessage;
import io.livepush.publisher.rtmp.message.CommandMessage;
import io.livepush.publisher.rtmp.message.DataMessage;
import io.livepush.publisher.rtmp.message.RtmpMessage;
import io.livepush.publisher.rtmp.message.RtmpMessageType;
import io.livepush.publisher.rtmp.message.SetChunkSize;
import io.livepush.publisher.rtmp.message.UserControl;
import io.livepush.publisher.rtmp.message.WindowAcknowledgementSize;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The publish state machine ({@link RtmpPublishHandler}) against a scripted server in EmbeddedChannels. */
class RtmpPublishHandlerTest {

    private final PublishHarness h = new PublishHarness(RtmpClientConfig.defaults());

    @Test
    void happyPathSendsTheWholePublishSequenceAndThenMedia() throws Exception {
        h.handshakeDone();
        assertEquals(RtmpPublishState.CONNECTING_APP, h.handler.state());

        RtmpMessage first = h.next();
        assertEquals(RtmpMessageType.SET_CHUNK_SIZE.id(), first.typeId(), "Set Chunk Size comes first");
        assertEquals(4096, SetChunkSize.fromMessage(first).chunkSize());
        first.release();
        RtmpMessage window = h.next();
        assertEquals(2_500_000, WindowAcknowledgementSize.fromMessage(window).windowSize());
        window.release();

        CommandMessage connect = h.nextCommand(0);
        assertEquals("connect", connect.name());
        assertEquals(1.0, connect.transactionId());
        Map<?, ?> props = (Map<?, ?>) connect.commandObject();
        assertEquals("live", props.get("app"));
        assertEquals("nonprivate", props.get("type"));
        assertEquals("FMLE/3.0 (compatible; LivePush)", props.get("flashVer"));
        assertEquals("rtmp://127.0.0.1:1935/live", props.get("tcUrl"), "tcUrl without the stream key");
        assertEquals(0.0, props.get("objectEncoding"));
        assertNull(h.next(), "nothing more until connect is answered");

        h.reply(0, CommandMessage.of("_result", 1, Map.of("fmsVer", "FMS/3,0,1,123"),
                info("status", "NetConnection.Connect.Success", "Connection succeeded.")));
        assertEquals(RtmpPublishState.CREATING_STREAM, h.handler.state());
        CommandMessage release = h.nextCommand(0);
        assertEquals(List.of("releaseStream", 2.0, KEY),
                Arrays.asList(release.name(), release.transactionId(), release.argument(0)));
        assertNull(release.commandObject());
        CommandMessage fcPublish = h.nextCommand(0);
        assertEquals(List.of("FCPublish", 3.0, KEY),
                Arrays.asList(fcPublish.name(), fcPublish.transactionId(), fcPublish.argument(0)));
        CommandMessage createStream = h.nextCommand(0);
        assertEquals("createStream", createStream.name());
        assertEquals(4.0, createStream.transactionId());

        h.reply(0, CommandMessage.of("_result", 4, null, 7.0));
        assertEquals(RtmpPublishState.PUBLISHING_REQUESTED, h.handler.state());
        CommandMessage publish = h.nextCommand(7);
        assertEquals("publish", publish.name());
        assertEquals(0.0, publish.transactionId());
        assertEquals(List.of(KEY, "live"), publish.arguments());

        h.reply(7, CommandMessage.of("onStatus", 0, null, info("status", "NetStream.Publish.Start", "go")));
        RtmpPublishSession session = h.result.get(2, TimeUnit.SECONDS);
        assertEquals(RtmpPublishState.PUBLISHING, session.state());
        assertEquals("127.0.0.1:1935", session.remoteAddress());

        Amf0EcmaArray meta = new Amf0EcmaArray();
        meta.put("width", 1280.0);
        session.sendMetaData(meta);
        session.sendVideo(40, Unpooled.wrappedBuffer(new byte[] {0x17, 1, 0, 0, 0}));
        session.sendAudio(45, Unpooled.wrappedBuffer(new byte[] {(byte) 0xAF, 1, 0x21}));
        RtmpMessage data = h.next();
        assertEquals(7, data.messageStreamId());
        assertEquals(List.of("@setDataFrame", "onMetaData", meta), DataMessage.fromMessage(data).values());
        data.release();
        RtmpMessage video = h.next();
        assertEquals(List.of(6, 9, 40L, 7, "1701000000"), List.of(video.chunkStreamId(), video.typeId(),
                video.timestamp(), video.messageStreamId(), ByteBufUtil.hexDump(video.payload())));
        video.release();
        RtmpMessage audio = h.next();
        assertEquals(List.of(4, 8, 45L, 7, "af0121"), List.of(audio.chunkStreamId(), audio.typeId(),
                audio.timestamp(), audio.messageStreamId(), ByteBufUtil.hexDump(audio.payload())));
        audio.release();
        assertEquals(0, session.pendingWriteBytes());
        assertTrue(session.bytesSent() > 0);

        waitFor(() -> h.listener.transitions.size() == 5);
        assertEquals(List.of("CONNECTING => HANDSHAKING", "HANDSHAKING => CONNECTING_APP",
                "CONNECTING_APP => CREATING_STREAM", "CREATING_STREAM => PUBLISHING_REQUESTED",
                "PUBLISHING_REQUESTED => PUBLISHING"), h.listener.transitions);
        assertTrue(h.listener.threads.stream().allMatch(t -> t.startsWith("livepush-rtmp-listener-")),
                "listener events on the listener thread: " + h.listener.threads);
        assertFalse(h.client.finish());
    }

    @Test
    void badNameFailsThePublishWithTheStatusCodeAndNoKeyInTheMessage() throws Exception {
        h.handshakeDone();
        h.next().release();
        h.next().release();
        h.nextCommand(0);
        h.reply(0, CommandMessage.of("_result", 1, null, info("status", "NetConnection.Connect.Success", "")));
        h.nextCommand(0);
        h.nextCommand(0);
        h.nextCommand(0);
        h.reply(0, CommandMessage.of("_result", 4, null, 1.0));
        h.nextCommand(1);
        h.reply(1, CommandMessage.of("onStatus", 0, null,
                info("error", "NetStream.Publish.BadName", "Stream " + KEY + " already publishing")));

        ExecutionException e = assertThrows(ExecutionException.class, () -> h.result.get(2, TimeUnit.SECONDS));
        RtmpPublishRejectedException rejected = assertInstanceOf(RtmpPublishRejectedException.class, e.getCause());
        assertEquals(OnStatusCode.BAD_NAME, rejected.code());
        assertEquals("RTMP server refused publish of rtmp://127.0.0.1:1935/live/sk_l****: NetStream.Publish.BadName"
                + " (Stream sk_l**** already publishing)", rejected.getMessage());
        assertEquals(RtmpPublishState.FAILED, h.handler.state());
        assertFalse(h.client.isActive(), "a failed publish closes the connection");
        assertTrue(h.listener.closed.await(2, TimeUnit.SECONDS));
        h.releaseAll();
        assertFalse(h.client.finish());
    }

    @Test
    void connectWithoutAnswerTimesOutAfterTheCommandTimeout() throws Exception {
        PublishHarness slow = new PublishHarness(RtmpClientConfig.builder()
                .commandTimeout(Duration.ofMillis(300)).build());
        long start = System.nanoTime();
        slow.handshakeDone();
        while (!slow.result.isDone() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5)) {
            slow.client.runScheduledPendingTasks();
            Thread.sleep(5);
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> slow.result.get(2, TimeUnit.SECONDS));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        RtmpTimeoutException timeout = assertInstanceOf(RtmpTimeoutException.class, e.getCause());
        assertEquals("connect", timeout.step());
        assertEquals("RTMP connect got no answer within 300 ms", timeout.getMessage());
        assertTrue(elapsedMs >= 300 && elapsedMs < 1500, "timed out after " + elapsedMs + " ms");
        assertEquals(RtmpPublishState.FAILED, slow.handler.state());
        slow.releaseAll();
        assertFalse(slow.client.finish());
    }

    @Test
    void pingRequestIsAnsweredWithPingResponseCarryingTheSameTimestamp() throws Exception {
        h.handshakeDone();
        h.releaseAll();
        h.send(UserControl.pingRequest(0xCAFEBABEL).toMessage(ByteBufAllocator.DEFAULT));
        RtmpMessage response = h.next();
        assertEquals(new UserControl(UserControl.Event.PING_RESPONSE.id(), 0xCAFEBABEL, 0),
                UserControl.fromMessage(response));
        response.release();
        h.client.close();
        h.releaseAll();
        assertFalse(h.client.finish());
    }

    @Test
    void acknowledgementIsSentOnceReceivedBytesPassThePeersWindow() throws Exception {
        h.handshakeDone();
        h.releaseAll();
        h.send(new WindowAcknowledgementSize(1000).toMessage(ByteBufAllocator.DEFAULT));
        h.send(AudioMessage.create(0, 1, Unpooled.wrappedBuffer(new byte[500])));
        assertNull(h.next(), "no acknowledgement before the window is reached");
        h.send(AudioMessage.create(10, 1, Unpooled.wrappedBuffer(new byte[500])));
        RtmpMessage ack = h.next();
        assertEquals(RtmpMessageType.ACKNOWLEDGEMENT.id(), ack.typeId());
        assertEquals(h.bytesServerSent, Acknowledgement.fromMessage(ack).sequenceNumber());
        assertTrue(h.bytesServerSent >= 1000);
        ack.release();
        h.client.close();
        h.releaseAll();
        assertFalse(h.client.finish());
    }

    @Test
    void closeSendsFcUnpublishAndDeleteStreamThenCloses() throws Exception {
        RtmpPublishSession session = h.publishOnStream7();
        session.close();
        CommandMessage fcUnpublish = h.nextCommand(0);
        assertEquals("FCUnpublish", fcUnpublish.name());
        assertEquals(KEY, fcUnpublish.argument(0));
        CommandMessage deleteStream = h.nextCommand(0);
        assertEquals("deleteStream", deleteStream.name());
        assertEquals(7.0, deleteStream.argument(0));
        h.client.runPendingTasks();
        assertFalse(h.client.isActive());
        session.closeFuture().get(2, TimeUnit.SECONDS);
        assertEquals(RtmpPublishState.CLOSED, session.state());
        session.close();
        session.sendVideo(100, Unpooled.wrappedBuffer(new byte[] {0x27}));
        assertNull(h.next(), "nothing is sent after close");
        assertFalse(h.client.finish());
    }

    @Test
    void createStreamAnswerWithoutAStreamIdIsAProtocolError() throws Exception {
        h.handshakeDone();
        h.next().release();
        h.next().release();
        h.nextCommand(0);
        h.reply(0, CommandMessage.of("_result", 1, null, info("status", "NetConnection.Connect.Success", "")));
        h.releaseAll();
        h.reply(0, CommandMessage.of("_result", 4, null, "one"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> h.result.get(2, TimeUnit.SECONDS));
        assertEquals("createStream _result stream id is one (expected a whole number 1..2147483647)",
                assertInstanceOf(RtmpProtocolException.class, e.getCause()).getMessage());
        h.releaseAll();
        assertFalse(h.client.finish());
    }

    @Test
    void malformedCommandWhileCommandsArePendingFailsThePublishPromptly() throws Exception {
        h.handshakeDone();
        h.next().release();
        h.next().release();
        h.nextCommand(0);
        h.reply(0, CommandMessage.of("_result", 1, null, info("status", "NetConnection.Connect.Success", "")));
        h.releaseAll();
        h.send(new RtmpMessage(3, 20, 0, 0, Unpooled.wrappedBuffer(
                io.netty.buffer.ByteBufUtil.decodeHexDump("0200015802000131"))));   // "X", "1": txn is no number
        ExecutionException e = assertThrows(ExecutionException.class, () -> h.result.get(2, TimeUnit.SECONDS));
        assertInstanceOf(RtmpProtocolException.class, e.getCause());
        assertTrue(h.listener.closed.await(2, TimeUnit.SECONDS));
        assertEquals(1, h.listener.errors.size(), "onError before onClosed: " + h.listener.errors);
        h.releaseAll();
        assertFalse(h.client.finish());
    }

    @Test
    void connectErrorIsARejectionWithTheServersCode() throws Exception {
        h.handshakeDone();
        h.releaseAll();
        h.reply(0, CommandMessage.of("_error", 1, null,
                info("error", "NetConnection.Connect.Rejected", "app not found")));
        ExecutionException e = assertThrows(ExecutionException.class, () -> h.result.get(2, TimeUnit.SECONDS));
        assertEquals(OnStatusCode.CONNECT_REJECTED,
                assertInstanceOf(RtmpPublishRejectedException.class, e.getCause()).code());
        h.releaseAll();
        assertFalse(h.client.finish());
    }

    @Test
    void serverClosingMidSequenceFailsThePublish() throws Exception {
        h.handshakeDone();
        h.releaseAll();
        h.client.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> h.result.get(2, TimeUnit.SECONDS));
        assertEquals("RTMP server 127.0.0.1:1935 closed the connection while CONNECTING_APP",
                e.getCause().getMessage());
        assertTrue(h.listener.closed.await(2, TimeUnit.SECONDS));
        assertFalse(h.client.finish());
    }

    @Test
    void sendOwnsTheBufferEvenWhenTheTimestampIsRejected() throws Exception {
        RtmpPublishSession session = h.publishOnStream7();
        var body = Unpooled.buffer(4).writeInt(1);
        assertThrows(IllegalArgumentException.class, () -> session.sendVideo(-1, body));
        assertEquals(0, body.refCnt());
        h.releaseAll();
        h.client.close();
        h.releaseAll();
        assertFalse(h.client.finish());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }
}
