package io.livepush.publisher.rtmp.client;

import io.livepush.publisher.ProtocolException;
import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.livepush.publisher.rtmp.RtmpTimeoutException;
import io.livepush.publisher.rtmp.chunk.AcknowledgementWindow;
import io.livepush.publisher.rtmp.chunk.RtmpByteCounter;
import io.livepush.publisher.rtmp.handshake.RtmpHandshakeCompletionEvent;
import io.livepush.publisher.rtmp.message.Acknowledgement;
import io.livepush.publisher.rtmp.message.CommandMessage;
import io.livepush.publisher.rtmp.message.RtmpMessage;
import io.livepush.publisher.rtmp.message.RtmpMessageType;
import io.livepush.publisher.rtmp.message.SetChunkSize;
import io.livepush.publisher.rtmp.message.UserControl;
import io.livepush.publisher.rtmp.message.WindowAcknowledgementSize;
import io.livepush.publisher.url.RtmpUrl;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The publishing side of one RTMP connection as an explicit state machine over {@link RtmpPublishState}, driven by
 * the handshake event and the server's messages (Adobe RTMP 1.0, §7.2; the sequence FFmpeg and OBS send):
 * <ol>
 * <li>handshake done: Set Chunk Size, Window Acknowledgement Size, {@code connect(1, {app, type, flashVer, tcUrl,
 *     objectEncoding 0})} with the tcUrl that has no stream key; wait for its {@code _result};</li>
 * <li>{@code releaseStream(key)}, {@code FCPublish(key)} (answers not awaited), {@code createStream}; wait for the
 *     stream id;</li>
 * <li>{@code publish(0, null, key, "live")} on that stream; wait for {@code onStatus NetStream.Publish.Start};
 *     {@code BadName}, {@code Denied} or an {@code _error} fail with {@link RtmpPublishRejectedException}.</li>
 * </ol>
 * A prepared connection ({@link RtmpClient#prepare}) stops after step 2 in {@link RtmpPublishState#STREAM_CREATED}
 * and sends {@code releaseStream}, {@code FCPublish} and {@code publish} together when released
 * ({@link PreparedRtmpPublish#publish()}); closed before that, it sends {@code deleteStream} only.
 * Every awaited answer has the command timeout as deadline ({@link PendingCommands}). Meanwhile it answers Ping
 * Request with Ping Response and acknowledges each window of received bytes; Set Peer Bandwidth is accepted and
 * not acted on (a publisher's output is paced by the socket). Each transition is logged {@code old => new}.
 *
 * <p>Threads: all state is owned by the channel's event loop; {@link #state()} may be read from anywhere.
 * Listener events and the caller's futures are delivered through a {@link ListenerDispatcher}. The stream key is
 * never logged; log lines use the redacted URL.
 */
final class RtmpPublishHandler extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RtmpPublishHandler.class);

    private final RtmpUrl url;
    private final RtmpClientConfig config;
    private final ListenerDispatcher dispatcher;
    private final CompletableFuture<RtmpPublishSession> result;
    private final CompletableFuture<PreparedRtmpPublish> prepared;
    private final RtmpByteCounter counter;
    private final AcknowledgementWindow ackWindow = new AcknowledgementWindow();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final CompletableFuture<String> reconnectRequest = new CompletableFuture<>();
    private final AcknowledgementRtt rtt = new AcknowledgementRtt();
    private long stallSinceNanos;
    private long stallBytes = -1;

    private volatile RtmpPublishState state = RtmpPublishState.CONNECTING;
    private ChannelHandlerContext ctx;
    private PendingCommands pending;
    private DefaultRtmpPublishSession session;
    private int streamId = -1;
    private boolean closedNotified;
    private boolean closedWhileConnecting;

    /**
     * @param url        where to publish
     * @param config     the settings
     * @param dispatcher delivers listener events
     * @param result     completed with the session once publishing, or failed
     * @param counter    the connection's byte counter (for acknowledgements and bytesSent)
     */
    RtmpPublishHandler(RtmpUrl url, RtmpClientConfig config, ListenerDispatcher dispatcher,
                       CompletableFuture<RtmpPublishSession> result, RtmpByteCounter counter) {
        this(url, config, dispatcher, result, counter, null);
    }

    /**
     * @param prepared when not null, the sequence stops after {@code createStream} ({@link RtmpPublishState#STREAM_CREATED})
     *                 and this completes with the {@link PreparedRtmpPublish} that releases the publish
     */
    RtmpPublishHandler(RtmpUrl url, RtmpClientConfig config, ListenerDispatcher dispatcher,
                       CompletableFuture<RtmpPublishSession> result, RtmpByteCounter counter,
                       CompletableFuture<PreparedRtmpPublish> prepared) {
        this.url = url;
        this.config = config;
        this.dispatcher = dispatcher;
        this.result = result;
        this.counter = counter;
        this.prepared = prepared;
    }

    RtmpPublishState state() {
        return state;
    }

    RtmpByteCounter counter() {
        return counter;
    }

    CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    int streamId() {
        return streamId;
    }

    long closeTimeoutMillis() {
        return config.closeTimeout().toMillis();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.pending = new PendingCommands(ctx.executor(), config.commandTimeout());
        this.session = new DefaultRtmpPublishSession(ctx.channel(), this, url);
        ctx.channel().closeFuture().addListener(f -> onChannelClosed());
        result.whenComplete((s, e) -> {
            if (result.isCancelled()) {
                ctx.executor().execute(() -> fail(new CancellationException("publish to " + url.redacted()
                        + " cancelled")));
            }
        });
        if (ctx.channel().isActive()) {
            transition(RtmpPublishState.HANDSHAKING);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        transition(RtmpPublishState.HANDSHAKING);
        super.channelActive(ctx);
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise)
            throws Exception {
        promise.addListener(f -> {
            if (!f.isSuccess()) {
                connectFailed(f.cause());
            }
        });
        super.connect(ctx, remote, local, promise);
    }

    /**
     * The TCP connect (or the name resolution before it) failed; the channel never became active. Called from
     * the connect promise and from the bootstrap's future, whichever comes first wins.
     */
    void connectFailed(Throwable cause) {
        if (ctx == null) {
            // The pipeline was never assembled (e.g. the TLS context could not be built).
            synchronized (this) {
                if (!state.isTerminal()) {
                    transition(RtmpPublishState.FAILED);
                    LOG.warn("RTMP publish to {} failed: {}", url.redacted(), cause.getMessage());
                    dispatcher.error(cause);
                    dispatcher.fail(result, cause);
                    notifyClosed();
                }
            }
            return;
        }
        if (!ctx.executor().inEventLoop()) {
            ctx.executor().execute(() -> connectFailed(cause));
            return;
        }
        fail(cause instanceof ConnectTimeoutException ? connectTimeout() : cause);
        if (closedWhileConnecting) {
            notifyClosed();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == RtmpHandshakeCompletionEvent.SUCCESS) {
            connectApp();
        } else if (evt instanceof SslHandshakeCompletionEvent tls && !tls.isSuccess()) {
            fail(ClientTls.describeFailure(url, tls.cause()));
        }
        super.userEventTriggered(ctx, evt);
    }

    private void connectApp() {
        if (state != RtmpPublishState.HANDSHAKING) {
            return;
        }
        transition(RtmpPublishState.CONNECTING_APP);
        ctx.write(new SetChunkSize(config.chunkSize()).toMessage(ctx.alloc()));
        ctx.write(new WindowAcknowledgementSize(config.windowAckSize()).toMessage(ctx.alloc()));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("app", url.app());
        props.put("type", "nonprivate");
        props.put("flashVer", config.flashVer());
        props.put("tcUrl", url.tcUrl());
        props.put("objectEncoding", 0.0);
        // Enhanced RTMP v2: capsEx bit 1 = Reconnect; this client honours NetConnection.Connect.ReconnectRequest.
        props.put("capsEx", 1.0);
        sendAwaited("connect", CommandMessage.of("connect", pending.nextTransactionId(), props), 0)
                .whenComplete((answer, error) -> {
                    if (error != null) {
                        fail(error);
                    } else if (!"_result".equals(answer.name())) {
                        fail(rejected("connect", answer.argument(0)));
                    } else {
                        createStream();
                    }
                });
    }

    private void createStream() {
        transition(RtmpPublishState.CREATING_STREAM);
        if (prepared == null) {
            announce();
        }
        sendAwaited("createStream", CommandMessage.of("createStream", pending.nextTransactionId(), null), 0)
                .whenComplete((answer, error) -> {
                    if (error != null) {
                        fail(error);
                    } else if (!"_result".equals(answer.name())) {
                        fail(rejected("createStream", answer.argument(0)));
                    } else if (!(answer.argument(0) instanceof Number id) || id.doubleValue() < 1
                            || id.doubleValue() > Integer.MAX_VALUE || id.doubleValue() != Math.rint(id.doubleValue())) {
                        fail(new RtmpProtocolException("createStream _result stream id is " + answer.argument(0)
                                + " (expected a whole number 1..2147483647)"));
                    } else if (prepared != null) {
                        hold(id.intValue());
                    } else {
                        publish(id.intValue());
                    }
                });
    }

    /**
     * {@code releaseStream} and {@code FCPublish} (answers not awaited). A prepared connection sends them only with
     * its {@code publish}: some servers act on them for the name (releaseStream frees it from a stale publisher).
     */
    private void announce() {
        String key = url.streamKey();
        ctx.write(CommandMessage.of("releaseStream", pending.nextTransactionId(), null, key).toMessage(ctx.alloc(), 0));
        ctx.write(CommandMessage.of("FCPublish", pending.nextTransactionId(), null, key).toMessage(ctx.alloc(), 0));
    }

    /** Prepared: the stream exists; {@code publish} waits for {@link #releasePublish()}. */
    private void hold(int id) {
        streamId = id;
        transition(RtmpPublishState.STREAM_CREATED);
        LOG.info("Stream {} created on {}; publish held until released", id, url.redacted());
        dispatcher.complete(prepared, new PreparedRtmpPublish(this, result, url));
    }

    /** Sends the held publish (with releaseStream and FCPublish); from any thread. A connection that ended meanwhile has failed {@code result} already. */
    void releasePublish() {
        ctx.executor().execute(() -> {
            if (state == RtmpPublishState.STREAM_CREATED) {
                announce();
                publish(streamId);
            }
        });
    }

    private void publish(int id) {
        streamId = id;
        transition(RtmpPublishState.PUBLISHING_REQUESTED);
        sendAwaited("publish", CommandMessage.of("publish", 0, null, url.streamKey(), "live"), id)
                .whenComplete((answer, error) -> {
                    if (error != null) {
                        fail(error);
                    } else if (state == RtmpPublishState.PUBLISHING_REQUESTED) {
                        transition(RtmpPublishState.PUBLISHING);
                        watchWrites();
                        LOG.info("Publishing {} on stream {}", url.redacted(), streamId);
                        dispatcher.complete(result, session);
                    }
                });
    }

    private CompletableFuture<CommandMessage> sendAwaited(String name, CommandMessage command, int messageStreamId) {
        CompletableFuture<CommandMessage> answer = pending.register((int) command.transactionId(), name);
        ctx.writeAndFlush(command.toMessage(ctx.alloc(), messageStreamId))
                .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        return answer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!(msg instanceof RtmpMessage message)) {
            super.channelRead(ctx, msg);
            return;
        }
        try {
            onMessage(message);
        } finally {
            message.release();
        }
        long sequence = ackWindow.acknowledgementDue(counter.bytesReceived());
        if (sequence >= 0 && !state.isTerminal()) {
            ctx.writeAndFlush(new Acknowledgement(sequence).toMessage(ctx.alloc()));
        }
    }

    private void onMessage(RtmpMessage message) throws ProtocolException {
        RtmpMessageType type = RtmpMessageType.of(message.typeId());
        if (type == null) {
            LOG.debug("Ignoring {} from {}", message, url.redacted());
            return;
        }
        switch (type) {
            case WINDOW_ACKNOWLEDGEMENT_SIZE -> ackWindow.windowSize(WindowAcknowledgementSize.fromMessage(message).windowSize());
            case USER_CONTROL -> {
                UserControl uc = UserControl.fromMessage(message);
                if (uc.event() == UserControl.Event.PING_REQUEST) {
                    ctx.writeAndFlush(UserControl.pingResponse(uc.value()).toMessage(ctx.alloc()));
                }
            }
            case COMMAND_AMF0 -> onCommand(CommandMessage.fromMessage(message));
            case ACKNOWLEDGEMENT -> rtt.acknowledged(Acknowledgement.fromMessage(message).sequenceNumber(), System.nanoTime());
            default -> LOG.trace("{} from {}", message, url.redacted());
        }
    }

    private void onCommand(CommandMessage command) {
        int txn = (int) command.transactionId();
        switch (command.name()) {
            case "_result", "_error" -> {
                if (!pending.complete(txn, command)) {
                    LOG.debug("{} for transaction {} that nothing waits for", command.name(), txn);
                }
            }
            case "onStatus" -> onStatus(command);
            default -> LOG.debug("Ignoring command {} from {}", command.name(), url.redacted());
        }
    }

    private void onStatus(CommandMessage command) {
        RtmpStatus status = RtmpStatus.from(command.argument(0), url.streamKey());
        LOG.debug("onStatus {} from {}", status, url.redacted());
        dispatcher.status(status);
        boolean error = status.code().isRejection() || "error".equals(status.level());
        if (state == RtmpPublishState.PUBLISHING_REQUESTED) {
            if (status.code() == OnStatusCode.PUBLISH_START) {
                pending.complete(0, command);
            } else if (error) {
                pending.fail(0, new RtmpPublishRejectedException(url.redacted(), "publish", status));
            }
        } else if (state == RtmpPublishState.PUBLISHING && status.code() == OnStatusCode.CONNECT_RECONNECT_REQUEST) {
            Object tcUrl = command.argument(0) instanceof Map<?, ?> info ? info.get("tcUrl") : null;
            LOG.info("The server asks to reconnect ({}){}", url.redacted(), tcUrl instanceof String ? " to another tcUrl" : "");
            reconnectRequest.complete(tcUrl instanceof String s ? s : "");
        } else if (state == RtmpPublishState.PUBLISHING && error) {
            fail(new RtmpPublishRejectedException(url.redacted(), "the stream", status));
        }
    }

    /**
     * Checks twice a second while publishing that the socket takes bytes whenever some wait: no progress for the
     * write timeout fails the connection with a {@code "write"} timeout (a dead link or a server that stopped
     * reading would otherwise hold the sender forever).
     */
    private void watchWrites() {
        ctx.executor().schedule(() -> {
            if (state != RtmpPublishState.PUBLISHING) {
                return;
            }
            long now = System.nanoTime();
            long sent = counter.bytesSent();
            io.netty.channel.ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
            boolean waiting = out != null && out.totalPendingWriteBytes() > 0;
            if (!waiting || sent != stallBytes) {
                stallBytes = sent;
                stallSinceNanos = now;
            } else if (now - stallSinceNanos >= config.writeTimeout().toNanos()) {
                fail(new RtmpTimeoutException("write (the socket took no byte of " + out.totalPendingWriteBytes()
                        + " waiting)", config.writeTimeout()));
                return;
            }
            watchWrites();
        }, 500, TimeUnit.MILLISECONDS);
    }

    /** A flush left {@code pendingAfter} bytes unwritten; on the event loop. */
    void flushed(long pendingAfter) {
        rtt.flushed(counter.bytesSent() + pendingAfter, System.nanoTime());
    }

    long rttMillis() {
        return rtt.rttMillis();
    }

    CompletableFuture<String> reconnectRequest() {
        return reconnectRequest;
    }

    private RtmpPublishRejectedException rejected(String step, Object info) {
        return new RtmpPublishRejectedException(url.redacted(), step, RtmpStatus.from(info, url.streamKey()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable t = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        fail(ClientTls.isTlsFailure(t) ? ClientTls.describeFailure(url, t) : t);
    }

    /** Sends FCUnpublish and deleteStream when a stream exists, then closes; on the event loop. */
    void beginClose() {
        if (state.isTerminal() || state == RtmpPublishState.CLOSING) {
            return;
        }
        boolean unpublish = streamId > 0 && ctx.channel().isActive();
        boolean announced = state != RtmpPublishState.STREAM_CREATED;
        transition(RtmpPublishState.CLOSING);
        pending.failAll(new IllegalStateException("RTMP session to " + url.redacted() + " closed on request"));
        dispatcher.fail(result, new IllegalStateException("RTMP session to " + url.redacted() + " closed on request"));
        if (unpublish) {
            if (announced) {
                ctx.write(CommandMessage.of("FCUnpublish", pending.nextTransactionId(), null, url.streamKey())
                        .toMessage(ctx.alloc(), 0));
            }
            ctx.writeAndFlush(CommandMessage.of("deleteStream", pending.nextTransactionId(), null, (double) streamId)
                    .toMessage(ctx.alloc(), 0)).addListener(ChannelFutureListener.CLOSE);
            ctx.executor().schedule(() -> ctx.channel().close(), config.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            ctx.channel().close();
        }
    }

    private void fail(Throwable error) {
        if (state.isTerminal() || state == RtmpPublishState.CLOSING) {
            // Already ending; a close is under way (bounded by the close timeout).
            LOG.debug("After {}: {}", state, error.toString());
            return;
        }
        RtmpPublishState before = state;
        transition(RtmpPublishState.FAILED);
        LOG.warn("RTMP publish to {} failed in {}: {}", url.redacted(), before, error.getMessage());
        // Report first: failing the pending commands or closing may run onChannelClosed (and onClosed) at once.
        dispatcher.error(error);
        dispatcher.fail(result, error);
        pending.failAll(error);
        ctx.channel().close();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        session.writabilityChanged();
        super.channelWritabilityChanged(ctx);
    }

    private void onChannelClosed() {
        session.writabilityChanged();
        if (state == RtmpPublishState.CONNECTING) {
            // A failed connect closes the channel before (or after) reporting why: connectFailed reports both.
            closedWhileConnecting = true;
            return;
        }
        if (!state.isTerminal()) {
            if (state == RtmpPublishState.CLOSING) {
                transition(RtmpPublishState.CLOSED);
            } else {
                fail(new RtmpProtocolException("RTMP server " + url.host() + ":" + url.port()
                        + " closed the connection while " + state));
            }
        }
        pending.failAll(new RtmpProtocolException("connection closed"));
        notifyClosed();
    }

    private void notifyClosed() {
        if (!closedNotified) {
            closedNotified = true;
            dispatcher.closed(closeFuture);
        }
    }

    private void transition(RtmpPublishState next) {
        RtmpPublishState old = state;
        if (old == next) {
            return;
        }
        state = next;
        if (next == RtmpPublishState.PUBLISHING || next.isTerminal()) {
            LOG.info("{} => {} ({})", old, next, url.redacted());
        } else {
            LOG.debug("{} => {} ({})", old, next, url.redacted());
        }
        dispatcher.stateChanged(old, next);
    }

    DefaultRtmpPublishSession session() {
        return session;
    }

    /** @return a timeout exception for the TCP connect step */
    RtmpTimeoutException connectTimeout() {
        return new RtmpTimeoutException("TCP connect to " + url.host() + ":" + url.port(), config.connectTimeout());
    }
}
