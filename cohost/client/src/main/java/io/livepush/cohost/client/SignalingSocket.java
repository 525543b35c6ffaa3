package io.livepush.cohost.client;

import io.livepush.cohost.CohostException;
import io.livepush.cohost.protocol.CohostErrorCode;
import io.livepush.cohost.protocol.SignalCodec;
import io.livepush.cohost.protocol.SignalMessage;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * A co-host session's WebSocket to the signaling server ({@code ws://} or {@code wss://}): the Netty
 * pipeline, its event loop {@code livepush-cohost-io-N}, and sending encoded messages. What arrives
 * goes to the session's {@link ClientFrameHandler}, the pipeline's last handler.
 */
final class SignalingSocket {
    private static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private final URI uri;
    private final EventLoopGroup group;
    private volatile Channel channel;

    /**
     * @param uri the server's WebSocket address
     * @param serial the session's number, in the event loop's thread name
     */
    SignalingSocket(URI uri, int serial) {
        this.uri = uri;
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("livepush-cohost-io-" + serial, true));
    }

    /**
     * Connects; the WebSocket handshake follows on the event loop.
     *
     * @param sessionHandler makes the pipeline's last handler
     * @param onFailure told when TLS cannot be set up or the TCP connection fails
     */
    void connect(Supplier<ChannelHandler> sessionHandler, Consumer<CohostException> onFailure) {
        boolean tls = uri.getScheme().equalsIgnoreCase("wss");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        SslContext ssl;
        try {
            ssl = tls ? SslContextBuilder.forClient().build() : null;
        } catch (SSLException e) {
            onFailure.accept(new CohostException(CohostErrorCode.INTERNAL, "cannot set up TLS: " + e.getMessage(), e));
            return;
        }
        WebSocketClientProtocolConfig ws = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri).maxFramePayloadLength(MAX_MESSAGE_BYTES).handshakeTimeoutMillis(10_000).build();
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (ssl != null) {
                            p.addLast("tls", ssl.newHandler(ch.alloc(), uri.getHost(), port));
                        }
                        p.addLast("http", new HttpClientCodec());
                        p.addLast("http-aggregator", new HttpObjectAggregator(8 * 1024));
                        p.addLast("websocket", new WebSocketClientProtocolHandler(ws));
                        p.addLast("ws-aggregator", new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
                        p.addLast("session", sessionHandler.get());
                    }
                });
        b.connect(uri.getHost(), port).addListener(f -> {
            if (f.isSuccess()) {
                channel = ((ChannelFuture) f).channel();
            } else {
                onFailure.accept(new CohostException(CohostErrorCode.INTERNAL,
                        "cannot connect to " + uri + ": " + f.cause(), f.cause()));
            }
        });
    }

    /**
     * The WebSocket handshake completed on {@code ch}. The channel is taken from the handler, not
     * from the connect future's listener, which may run after the handshake has already completed.
     */
    void handshakeComplete(Channel ch) {
        channel = ch;
    }

    /** Sends a message when the socket is open; drops it otherwise (the session learns of the close). */
    void send(SignalMessage m) {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(new TextWebSocketFrame(SignalCodec.encode(m)));
        }
    }

    /** Closes the connection, waiting up to 2 s. */
    void close() {
        Channel ch = channel;
        if (ch != null) {
            ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }

    /** Stops the event loop. */
    void shutdown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
