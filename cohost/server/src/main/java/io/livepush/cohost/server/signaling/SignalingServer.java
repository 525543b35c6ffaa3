package io.livepush.cohost.server.signaling;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The co-host signaling endpoint: a WebSocket server on {@value #PATH} speaking the JSON protocol of
 * {@link io.livepush.cohost.protocol.SignalMessage}. It checks each socket's token, keeps the
 * invitation registry (single use, expiring), and hands the offers of joined participants to the
 * {@link MixerGateway}.
 *
 * <p>Threads: Netty's {@code livepush-signaling-accept-N} and {@code livepush-signaling-io-N} own the
 * sockets; {@code livepush-signaling-registry-N} owns users, rooms and invitations;
 * {@code livepush-signaling-mixer-N} makes every call into the mixer; with an {@link AudienceOutput},
 * {@code livepush-signaling-handover-N} starts and stops the mix's push to the audience key when the
 * host hands it over. {@link #close()} closes every socket (participants leave the mixer), then stops
 * the threads; it is idempotent.
 */
public final class SignalingServer implements AutoCloseable {
    /** The WebSocket path. */
    public static final String PATH = "/cohost";
    /** Largest WebSocket message accepted, in bytes. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SignalingServer.class);
    private static final AtomicInteger SERIALS = new AtomicInteger();

    private final EventLoopGroup acceptGroup;
    private final EventLoopGroup ioGroup;
    private final ScheduledThreadPoolExecutor registryThread;
    private final GatewayCalls gateway;
    private final HandoverCoordinator handover;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel serverChannel;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SignalingServer(SignalingConfig config) throws InterruptedException {
        int n = SERIALS.incrementAndGet();
        registryThread = new ScheduledThreadPoolExecutor(1, new DefaultThreadFactory("livepush-signaling-registry-" + n, true));
        registryThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        registryThread.setRemoveOnCancelPolicy(true);
        gateway = new GatewayCalls(config.mixerGateway(), n);
        handover = new HandoverCoordinator(config.audienceOutput(), registryThread, n);
        SignalingRouter router = new SignalingRouter(config, gateway, handover, registryThread);
        acceptGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("livepush-signaling-accept-" + n, true));
        ioGroup = new NioEventLoopGroup(2, new DefaultThreadFactory("livepush-signaling-io-" + n, true));
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(PATH)
                .maxFramePayloadLength(MAX_MESSAGE_BYTES)
                .handshakeTimeoutMillis(10_000)
                .build();
        try {
            serverChannel = new ServerBootstrap()
                    .group(acceptGroup, ioGroup)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            channels.add(ch);
                            ChannelPipeline p = ch.pipeline();
                            p.addLast("http", new HttpServerCodec());
                            p.addLast("http-aggregator", new HttpObjectAggregator(8 * 1024));
                            p.addLast("websocket", new WebSocketServerProtocolHandler(ws));
                            p.addLast("ws-aggregator", new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
                            p.addLast("signaling", new SignalingFrameHandler(router));
                        }
                    })
                    .bind(new InetSocketAddress(config.bindAddress(), config.port()))
                    .sync()
                    .channel();
        } catch (RuntimeException | InterruptedException e) {
            shutdownThreads();
            throw e;
        }
        LOG.info("co-host signaling on ws://{}:{}{}", config.bindAddress().getHostAddress(), port(), PATH);
    }

    /**
     * Binds and starts the server.
     *
     * @param config the settings
     * @return the running server
     * @throws IllegalStateException when the address cannot be bound (e.g. the port is taken)
     */
    public static SignalingServer start(SignalingConfig config) {
        try {
            return new SignalingServer(config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the signaling server", e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException || e instanceof NullPointerException) {
                throw e;
            }
            throw new IllegalStateException("cannot listen on " + config.bindAddress().getHostAddress() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
    }

    /** @return the TCP port listened on */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Closes every socket (their participants leave the mixer) and stops the threads. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        shutdownThreads();
    }

    private void shutdownThreads() {
        registryThread.shutdown();
        try {
            registryThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gateway.close();
        handover.close();
        acceptGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
