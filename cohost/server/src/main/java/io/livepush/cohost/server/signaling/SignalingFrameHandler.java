package io.livepush.cohost.server.signaling;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.SignalCodec;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a signaling socket: decodes each text frame into a message and queues it on
 * the registry thread; answers undecodable frames at once with a typed error. Runs on the channel's
 * event loop and keeps no state beyond the connection it creates when the WebSocket handshake completes.
 */
final class SignalingFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingFrameHandler.class);
    private static final AtomicLong SERIALS = new AtomicLong();

    private final SignalingRouter router;
    private SignalingConnection connection;

    SignalingFrameHandler(SignalingRouter router) {
        this.router = router;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete && connection == null) {
            connection = new SignalingConnection(ctx.channel(), SERIALS.incrementAndGet());
            LOG.debug("{} opened from {}", connection, ctx.channel().remoteAddress());
            router.opened(connection);
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (connection == null) {
            return;
        }
        if (!(frame instanceof TextWebSocketFrame text)) {
            connection.refuse(CohostErrorCode.MALFORMED_MESSAGE,
                    "a " + frame.getClass().getSimpleName() + " is not a signaling message (expected a JSON text frame)", null);
            return;
        }
        try {
            router.received(connection, SignalCodec.decode(text.text()));
        } catch (CohostException e) {
            connection.refuse(e.code(), e.getMessage(), null);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (connection != null) {
            router.closed(connection);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("{}: closing after {}", connection, cause.toString());
        ctx.close();
    }
}
