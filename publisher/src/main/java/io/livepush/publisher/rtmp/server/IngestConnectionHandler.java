package io.livepush.publisher.rtmp.server;

import io.livepush.publisher.ProtocolException;
import io.livepush.publisher.rtmp.chunk.AcknowledgementWindow;
import io.livepush.publisher.rtmp.chunk.RtmpByteCounter;
import io.livepush.publisher.rtmp.message.Acknowledgement;
import io.livepush.publisher.rtmp.message.CommandMessage;
import io.livepush.publisher.rtmp.message.RtmpMessage;
import io.livepush.publisher.rtmp.message.RtmpMessageType;
import io.livepush.publisher.rtmp.message.SetChunkSize;
import io.livepush.publisher.rtmp.message.SetPeerBandwidth;
import io.livepush.publisher.rtmp.message.UserControl;
import io.livepush.publisher.rtmp.message.WindowAcknowledgementSize;
import io.livepush.publisher.url.StreamKeys;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server side of one publishing connection (Adobe RTMP 1.0, §7.2), as nginx-rtmp answers it: {@code connect}
 * gets Window Acknowledgement Size, Set Peer Bandwidth, Set Chunk Size and {@code _result
 * NetConnection.Connect.Success}; {@code releaseStream}/{@code FCPublish} are not answered; {@code createStream}
 * gets stream id 1, 2, ...; {@code publish} gets Stream Begin and {@code onStatus NetStream.Publish.Start}, or
 * {@code NetStream.Publish.BadName} when the name is refused or already publishing; {@code deleteStream},
 * {@code FCUnpublish} or closing ends the publish. Audio, video and data messages go to the listener and the
 * recorder; acknowledgements follow the client's window. State is owned by the channel's event loop.
 */
final class IngestConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(IngestConnectionHandler.class);

    /** Where the connection is in the publish sequence. */
    enum State {
        /** Waiting for {@code connect}. */
        AWAIT_CONNECT,
        /** Connected; streams may be created and published. */
        CONNECTED,
        /** A stream is being published. */
        PUBLISHING,
        /** The connection is gone. */
        CLOSED
    }

    private final RtmpIngestServer server;
    private final RtmpIngestConfig config;
    private final RtmpByteCounter counter;
    private final AcknowledgementWindow ackWindow = new AcknowledgementWindow();
    private State state = State.AWAIT_CONNECT;
    private String app = "";
    private int nextStreamId = 1;
    private String publishName;
    private String publishNameRedacted;
    private IngestRecorder recorder;

    IngestConnectionHandler(RtmpIngestServer server, RtmpIngestConfig config, RtmpByteCounter counter) {
        this.server = server;
        this.config = config;
        this.counter = counter;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!(msg instanceof RtmpMessage message)) {
            super.channelRead(ctx, msg);
            return;
        }
        long arrivalNanos = System.nanoTime();
        try {
            onMessage(ctx, message, arrivalNanos);
        } finally {
            message.release();
        }
        long sequence = ackWindow.acknowledgementDue(counter.bytesReceived());
        if (sequence >= 0) {
            ctx.writeAndFlush(new Acknowledgement(sequence).toMessage(ctx.alloc()));
        }
    }

    private void onMessage(ChannelHandlerContext ctx, RtmpMessage message, long arrivalNanos)
            throws ProtocolException, IOException {
        RtmpMessageType type = RtmpMessageType.of(message.typeId());
        if (type == null) {
            return;
        }
        switch (type) {
            case WINDOW_ACKNOWLEDGEMENT_SIZE -> ackWindow.windowSize(WindowAcknowledgementSize.fromMessage(message).windowSize());
            case COMMAND_AMF0 -> {
                if (config.answerCommands()) {
                    onCommand(ctx, CommandMessage.fromMessage(message));
                }
            }
            case AUDIO, VIDEO, DATA_AMF0 -> onMedia(message, arrivalNanos);
            default -> LOG.trace("{}", message);
        }
    }

    private void onMedia(RtmpMessage message, long arrivalNanos) throws IOException {
        if (state != State.PUBLISHING) {
            LOG.debug("Ignoring {} outside a publish", message);
            return;
        }
        Instant now = Instant.now();
        long epochMicros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        IngestedMessage ingested = new IngestedMessage(publishNameRedacted, message.typeId(), message.timestamp(),
                ByteBufUtil.getBytes(message.payload()), arrivalNanos, epochMicros);
        server.dispatch(l -> l.onMessage(ingested));
        if (recorder != null) {
            recorder.write(message);
        }
    }

    private void onCommand(ChannelHandlerContext ctx, CommandMessage command) throws IOException {
        switch (command.name()) {
            case "connect" -> connect(ctx, command);
            case "createStream" -> send(ctx, 0, CommandMessage.of("_result", command.transactionId(), null,
                    (double) nextStreamId++));
            case "publish" -> publish(ctx, command);
            case "deleteStream", "FCUnpublish" -> endPublish();
            default -> LOG.debug("Not answering {}", command.name());
        }
    }

    private void connect(ChannelHandlerContext ctx, CommandMessage command) {
        if (command.commandObject() instanceof Map<?, ?> props && props.get("app") instanceof String a) {
            app = a;
        }
        ctx.write(new WindowAcknowledgementSize(config.windowAckSize()).toMessage(ctx.alloc()));
        ctx.write(new SetPeerBandwidth(config.windowAckSize(), SetPeerBandwidth.LimitType.DYNAMIC).toMessage(ctx.alloc()));
        ctx.write(new SetChunkSize(config.chunkSize()).toMessage(ctx.alloc()));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("fmsVer", "FMS/3,0,1,123");
        properties.put("capabilities", 31.0);
        Map<String, Object> info = status("status", "NetConnection.Connect.Success", "Connection succeeded.");
        info.put("objectEncoding", 0.0);
        send(ctx, 0, CommandMessage.of("_result", command.transactionId(), properties, info));
        state = State.CONNECTED;
    }

    private void publish(ChannelHandlerContext ctx, CommandMessage command) throws IOException {
        int streamId = currentStreamId();
        String name = command.argument(0) instanceof String s ? s : "";
        String redacted = StreamKeys.redact(name);
        if (state != State.CONNECTED || name.isEmpty() || config.badNameKeys().contains(name) || !server.claim(name)) {
            LOG.info("Refusing publish of {}: BadName", redacted);
            send(ctx, streamId, CommandMessage.of("onStatus", 0, null,
                    status("error", "NetStream.Publish.BadName", "Stream already publishing")));
            return;
        }
        publishName = name;
        publishNameRedacted = redacted;
        recorder = server.openRecorder(name);
        ctx.write(UserControl.streamBegin(streamId).toMessage(ctx.alloc()));
        send(ctx, streamId, CommandMessage.of("onStatus", 0, null,
                status("status", "NetStream.Publish.Start", "Start publishing")));
        state = State.PUBLISHING;
        LOG.info("Publish started: {}/{}", app, redacted);
        String appName = app;
        server.dispatch(l -> l.onPublishStart(redacted, appName));
    }

    private int currentStreamId() {
        return Math.max(1, nextStreamId - 1);
    }

    private void endPublish() throws IOException {
        if (state != State.PUBLISHING) {
            return;
        }
        state = State.CONNECTED;
        server.release(publishName);
        String redacted = publishNameRedacted;
        publishName = null;
        try {
            if (recorder != null) {
                recorder.close();
            }
        } finally {
            recorder = null;
            LOG.info("Publish ended: {}/{}", app, redacted);
            server.dispatch(l -> l.onPublishEnd(redacted));
        }
    }

    private static Map<String, Object> status(String level, String code, String description) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("level", level);
        info.put("code", code);
        info.put("description", description);
        return info;
    }

    private static void send(ChannelHandlerContext ctx, int messageStreamId, CommandMessage command) {
        ctx.writeAndFlush(command.toMessage(ctx.alloc(), messageStreamId));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        try {
            endPublish();
        } finally {
            state = State.CLOSED;
            super.channelInactive(ctx);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable t = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        LOG.info("Closing ingest connection from {}: {}", ctx.channel().remoteAddress(), t.toString());
        ctx.close();
    }
}
