package io.livepush.publisher.rtmp.client;

import io.livepush.publisher.rtmp.chunk.RtmpByteCounter;
import io.livepush.publisher.rtmp.chunk.RtmpChunkDecoder;
import io.livepush.publisher.rtmp.chunk.RtmpChunkEncoder;
import io.livepush.publisher.rtmp.handshake.RtmpHandshakeCompletionEvent;
import io.livepush.publisher.rtmp.message.CommandMessage;
import io.livepush.publisher.rtmp.message.RtmpMessage;
import io.livepush.publisher.rtmp.message.RtmpMessageType;
import io.livepush.publisher.url.RtmpUrl;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The publish state machine in an {@link EmbeddedChannel} (handshake skipped by firing its completion event), and
 * a scripted server: a second EmbeddedChannel with a chunk codec that reads what the client wrote and writes back.
 */
final class PublishHarness {

    static final String KEY = "sk_live_0123456789abcdef";

    final RtmpUrl url = RtmpUrl.parse("rtmp://127.0.0.1:1935/live/" + KEY);
    final RecordingListener listener = new RecordingListener();
    final CompletableFuture<RtmpPublishSession> result = new CompletableFuture<>();
    final RtmpByteCounter counter = new RtmpByteCounter();
    final RtmpPublishHandler handler;
    final EmbeddedChannel client;
    final EmbeddedChannel server = new EmbeddedChannel(new RtmpChunkDecoder(), new RtmpChunkEncoder());
    private final Deque<RtmpMessage> fromClient = new ArrayDeque<>();
    long bytesServerSent;

    PublishHarness(RtmpClientConfig config) {
        this(config, null);
    }

    /** @param prepared when not null, the handler stops after createStream and completes this (RtmpClient.prepare) */
    PublishHarness(RtmpClientConfig config, CompletableFuture<PreparedRtmpPublish> prepared) {
        handler = new RtmpPublishHandler(url, config, new ListenerDispatcher(listener), result, counter, prepared);
        client = new EmbeddedChannel(counter, new RtmpChunkDecoder(), new RtmpChunkEncoder(), handler);
    }

    void handshakeDone() {
        client.pipeline().fireUserEventTriggered(RtmpHandshakeCompletionEvent.SUCCESS);
    }

    /** @return the next message the client sent, or null */
    RtmpMessage next() {
        client.runPendingTasks();
        ByteBuf out;
        while ((out = client.readOutbound()) != null) {
            server.writeInbound(out);
        }
        RtmpMessage m;
        while ((m = server.readInbound()) != null) {
            fromClient.add(m);
        }
        return fromClient.poll();
    }

    /** @return the next message, which must be a command; the message is released */
    CommandMessage nextCommand(int expectedMessageStreamId) throws Exception {
        RtmpMessage m = next();
        if (m == null) {
            throw new AssertionError("client sent nothing more");
        }
        try {
            if (m.typeId() != RtmpMessageType.COMMAND_AMF0.id()) {
                throw new AssertionError("expected a command, got " + m);
            }
            if (m.messageStreamId() != expectedMessageStreamId) {
                throw new AssertionError("command on stream " + m.messageStreamId() + ", expected "
                        + expectedMessageStreamId);
            }
            return CommandMessage.fromMessage(m);
        } finally {
            m.release();
        }
    }

    void send(RtmpMessage message) {
        server.writeOutbound(message);
        ByteBuf out;
        while ((out = server.readOutbound()) != null) {
            bytesServerSent += out.readableBytes();
            client.writeInbound(out);
        }
    }

    void reply(int messageStreamId, CommandMessage command) {
        send(command.toMessage(ByteBufAllocator.DEFAULT, messageStreamId));
    }

    static Map<String, Object> info(String level, String code, String description) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("level", level);
        info.put("code", code);
        info.put("description", description);
        return info;
    }

    /** Runs the sequence up to PUBLISHING with stream id 7 and returns the session. */
    RtmpPublishSession publishOnStream7() throws Exception {
        handshakeDone();
        next().release(); // SetChunkSize
        next().release(); // WindowAcknowledgementSize
        nextCommand(0);   // connect
        reply(0, CommandMessage.of("_result", 1, Map.of("fmsVer", "FMS/3,0,1,123"),
                info("status", "NetConnection.Connect.Success", "ok")));
        nextCommand(0);   // releaseStream
        nextCommand(0);   // FCPublish
        CommandMessage createStream = nextCommand(0);
        reply(0, CommandMessage.of("_result", createStream.transactionId(), null, 7.0));
        nextCommand(7);   // publish
        reply(7, CommandMessage.of("onStatus", 0, null, info("status", "NetStream.Publish.Start", "go")));
        return result.get(2, java.util.concurrent.TimeUnit.SECONDS);
    }

    void releaseAll() {
        RtmpMessage m;
        while ((m = next()) != null) {
            m.release();
        }
    }
}
