package io.livepush.publisher.rtmp.client;

import static io.livepush.publisher.rtmp.client.PublishHarness.KEY;
import static io.livepush.publisher.rtmp.client.PublishHarness.info;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.livepush.publisher.rtmp.message.CommandMessage;
import io.livepush.publisher.rtmp.message.UserControl;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A prepared publish ({@link RtmpClient#prepare}, {@link PreparedRtmpPublish}) in the publish state machine against
 * the scripted server of {@link PublishHarness}: connect and createStream run, the name is not touched until
 * released, and a prepared connection closes without unpublishing a name it never took.
 */
class PreparedPublishTest {
    private final CompletableFuture<PreparedRtmpPublish> prepared = new CompletableFuture<>();
    private final PublishHarness h = new PublishHarness(RtmpClientConfig.defaults(), prepared);

    /** Runs the sequence to STREAM_CREATED with stream id 7: connect, then createStream alone. */
    private PreparedRtmpPublish prepareOnStream7() throws Exception {
        h.handshakeDone();
        h.next().release(); // SetChunkSize
        h.next().release(); // WindowAcknowledgementSize
        assertEquals("connect", h.nextCommand(0).name());
        h.reply(0, CommandMessage.of("_result", 1, Map.of("fmsVer", "FMS/3,0,1,123"),
                info("status", "NetConnection.Connect.Success", "ok")));
        CommandMessage createStream = h.nextCommand(0);
        assertEquals("createStream", createStream.name(), "no releaseStream or FCPublish before the publish is released");
        assertEquals(2.0, createStream.transactionId());
        h.reply(0, CommandMessage.of("_result", 2, null, 7.0));
        return prepared.get(2, TimeUnit.SECONDS);
    }

    @Test
    void aPreparedConnectionStopsAfterCreateStreamWithoutTouchingTheStreamName() throws Exception {
        PreparedRtmpPublish p = prepareOnStream7();
        assertEquals(RtmpPublishState.STREAM_CREATED, p.state());
        assertTrue(p.isReady());
        assertNull(h.next(), "nothing names the stream until the publish is released");
        assertFalse(h.result.isDone(), "the session is not handed out before publishing");
        assertEquals(List.of("CONNECTING => HANDSHAKING", "HANDSHAKING => CONNECTING_APP",
                "CONNECTING_APP => CREATING_STREAM", "CREATING_STREAM => STREAM_CREATED"), h.listener.transitions);
        assertFalse(p.toString().contains(KEY), "the stream key stays out of logs: " + p);
        h.releaseAll();
    }

    @Test
    void releasingThePublishSendsReleaseStreamFcPublishAndPublishThenHandsOutTheSession() throws Exception {
        PreparedRtmpPublish p = prepareOnStream7();
        CompletableFuture<RtmpPublishSession> publishing = p.publish();
        assertFalse(p.isReady(), "released");
        CommandMessage release = h.nextCommand(0);
        assertEquals(List.of("releaseStream", 3.0, KEY), Arrays.asList(release.name(), release.transactionId(), release.argument(0)));
        CommandMessage fcPublish = h.nextCommand(0);
        assertEquals(List.of("FCPublish", 4.0, KEY), Arrays.asList(fcPublish.name(), fcPublish.transactionId(), fcPublish.argument(0)));
        CommandMessage publish = h.nextCommand(7);
        assertEquals("publish", publish.name());
        assertEquals(List.of(KEY, "live"), publish.arguments());
        assertEquals(RtmpPublishState.PUBLISHING_REQUESTED, p.state());

        h.reply(7, CommandMessage.of("onStatus", 0, null, info("status", "NetStream.Publish.Start", "go")));
        RtmpPublishSession session = publishing.get(2, TimeUnit.SECONDS);
        assertEquals(RtmpPublishState.PUBLISHING, session.state());
        assertTrue(h.result.isDone(), "the same session the plain publish hands out");
        assertThrows(IllegalStateException.class, p::publish, "the publish is released once");
        session.close();
        assertEquals("FCUnpublish", h.nextCommand(0).name(), "a stream that published unpublishes as usual");
        assertEquals("deleteStream", h.nextCommand(0).name());
        h.releaseAll();
        assertFalse(h.client.finish());
    }

    @Test
    void aPreparedConnectionStillAnswersPingsWhileItWaits() throws Exception {
        prepareOnStream7();
        h.send(UserControl.pingRequest(1234).toMessage(io.netty.buffer.ByteBufAllocator.DEFAULT));
        var m = h.next();
        UserControl pong = UserControl.fromMessage(m);
        m.release();
        assertEquals(UserControl.Event.PING_RESPONSE, pong.event());
        assertEquals(1234, pong.value());
        h.releaseAll();
    }

    @Test
    void closingAPreparedConnectionDeletesTheStreamWithoutUnpublishingTheName() throws Exception {
        PreparedRtmpPublish p = prepareOnStream7();
        p.close();
        CommandMessage deleteStream = h.nextCommand(0);
        assertEquals("deleteStream", deleteStream.name(), "no FCUnpublish for a name it never published");
        assertEquals(7.0, deleteStream.argument(0));
        assertNull(h.next());
        h.client.runPendingTasks();
        assertFalse(h.client.isActive());
        p.closeFuture().get(2, TimeUnit.SECONDS);
        assertEquals(RtmpPublishState.CLOSED, p.state());
        p.close();
        ExecutionException late = assertThrows(ExecutionException.class, () -> p.publish().get(2, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, late.getCause());
        assertNull(h.next(), "a publish released after close sends nothing");
        assertFalse(h.client.finish());
    }

    @Test
    void aServerThatDropsThePreparedConnectionFailsTheLaterPublish() throws Exception {
        PreparedRtmpPublish p = prepareOnStream7();
        h.client.close();
        h.client.runPendingTasks();
        p.closeFuture().get(2, TimeUnit.SECONDS);
        assertEquals(RtmpPublishState.FAILED, p.state());
        assertFalse(p.isReady());
        ExecutionException e = assertThrows(ExecutionException.class, () -> p.publish().get(2, TimeUnit.SECONDS));
        assertInstanceOf(RtmpProtocolException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("STREAM_CREATED"), e.getCause().getMessage());
    }

    @Test
    void aConnectRejectedBeforeTheStreamExistsFailsThePreparation() throws Exception {
        h.handshakeDone();
        h.releaseAll();
        h.reply(0, CommandMessage.of("_error", 1, null, info("error", "NetConnection.Connect.Rejected", "no")));
        // RtmpClient.prepare links the session future's failure to the prepared one; the handler fails the former.
        ExecutionException e = assertThrows(ExecutionException.class, () -> h.result.get(2, TimeUnit.SECONDS));
        assertInstanceOf(RtmpPublishRejectedException.class, e.getCause());
        assertFalse(prepared.isDone() && !prepared.isCompletedExceptionally(), "never handed out as prepared");
    }
}
