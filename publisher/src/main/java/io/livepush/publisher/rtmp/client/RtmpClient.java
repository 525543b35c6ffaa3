package io.livepush.publisher.rtmp.client;

import io.livepush.publisher.rtmp.chunk.RtmpByteCounter;
import io.livepush.publisher.rtmp.chunk.RtmpChunkDecoder;
import io.livepush.publisher.rtmp.chunk.RtmpChunkEncoder;
import io.livepush.publisher.rtmp.handshake.RtmpClientHandshakeHandler;
import io.livepush.publisher.url.RtmpUrl;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes a live stream to an RTMP or RTMPS server (Adobe RTMP 1.0): connects, handshakes, runs the publish
 * command sequence and hands out an {@link RtmpPublishSession} once the server answered
 * {@code NetStream.Publish.Start}.
 *
 * <p>Threads: connections run on the configured event loop group, or on a shared group of daemon threads named
 * {@code livepush-rtmp-io-N} (two threads, created on first use, never shut down). Listener events and the
 * returned future complete on the connection's {@code livepush-rtmp-listener-N} thread.
 *
 * <p>Transport: the shared group uses Netty's native epoll transport where it loads (Linux x86-64; fewer copies
 * and system calls per write), else Java NIO. A configured group decides for itself: an
 * {@link EpollEventLoopGroup} gets epoll sockets, any other group NIO sockets.
 */
public final class RtmpClient {

    private static final Logger LOG = LoggerFactory.getLogger(RtmpClient.class);

    /** Low/high water marks of the outgoing buffer: {@link RtmpPublishSession#isWritable()} flips at these. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    private static EventLoopGroup sharedGroup;

    private RtmpClient() {
    }

    /**
     * Starts publishing.
     *
     * @param url      where to publish: host, port, app, stream key ({@code rtmps://} for TLS)
     * @param config   settings; see {@link RtmpClientConfig#defaults()}
     * @param listener events of this connection; may be null
     * @return completes with the session when publishing has started, or fails with
     *         {@link io.livepush.publisher.rtmp.RtmpTimeoutException}, {@link RtmpPublishRejectedException},
     *         {@link RtmpCertificateException}, {@link io.livepush.publisher.rtmp.RtmpProtocolException} or an
     *         {@link java.io.IOException} from the socket. Cancelling it closes the connection.
     */
    public static CompletableFuture<RtmpPublishSession> publish(RtmpUrl url, RtmpClientConfig config,
                                                                RtmpClientListener listener) {
        return open(url, config, listener, null);
    }

    /**
     * Prepares a publish without taking the stream name: connects, handshakes, and runs {@code connect} and
     * {@code createStream}, then holds {@code publish} until {@link PreparedRtmpPublish#publish()}. For a publisher
     * that takes over a name another still holds (an ingest takes one publisher per name).
     *
     * @param url      where to publish later
     * @param config   settings; see {@link RtmpClientConfig#defaults()}
     * @param listener events of this connection, also after the publish is released; may be null
     * @return completes when the stream is created, or fails as {@link #publish} does. Cancelling it closes the
     *         connection.
     */
    public static CompletableFuture<PreparedRtmpPublish> prepare(RtmpUrl url, RtmpClientConfig config,
                                                                 RtmpClientListener listener) {
        CompletableFuture<PreparedRtmpPublish> prepared = new CompletableFuture<>();
        CompletableFuture<RtmpPublishSession> result = open(url, config, listener, prepared);
        // Every failure before the stream exists fails the session future; the prepared one follows it.
        result.whenComplete((s, e) -> {
            if (e != null) {
                prepared.completeExceptionally(e);
            }
        });
        prepared.whenComplete((p, e) -> {
            if (prepared.isCancelled()) {
                result.cancel(false);
            }
        });
        return prepared;
    }

    private static CompletableFuture<RtmpPublishSession> open(RtmpUrl url, RtmpClientConfig config,
            RtmpClientListener listener, CompletableFuture<PreparedRtmpPublish> prepared) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(config, "config");
        ListenerDispatcher dispatcher = new ListenerDispatcher(listener);
        CompletableFuture<RtmpPublishSession> result = new CompletableFuture<>();
        RtmpByteCounter counter = new RtmpByteCounter();
        RtmpPublishHandler handler = new RtmpPublishHandler(url, config, dispatcher, result, counter, prepared);
        EventLoopGroup group = config.eventLoopGroup().orElseGet(RtmpClient::sharedGroup);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(socketChannelFor(group))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) throws SSLException {
                        assemblePipeline(ch, url, config, counter, handler);
                    }
                });
        if (config.sendBufferBytes() > 0) {
            bootstrap.option(ChannelOption.SO_SNDBUF, config.sendBufferBytes());
        }
        bootstrap.connect(url.host(), url.port()).addListener(f -> {
            if (!f.isSuccess()) {
                handler.connectFailed(f.cause());
            }
        });
        return result;
    }

    /**
     * The whole client pipeline, from the socket up: TLS and slicing of large writes (rtmps only), byte counting,
     * handshake, chunk decoder, chunk encoder, the publish state machine.
     */
    static void assemblePipeline(Channel ch, RtmpUrl url, RtmpClientConfig config, RtmpByteCounter counter,
                                 RtmpPublishHandler handler) throws SSLException {
        ChannelPipeline p = ch.pipeline();
        if (url.tls()) {
            p.addLast("tls", ClientTls.newHandler(ch.alloc(), url, config));
        }
        p.addLast("bytes", counter);
        if (url.tls()) {
            p.addLast("slicer", new OutboundSlicer());
        }
        p.addLast("handshake", new RtmpClientHandshakeHandler(config.handshakeTimeout()));
        p.addLast("chunk-decoder", new RtmpChunkDecoder());
        p.addLast("chunk-encoder", new RtmpChunkEncoder());
        p.addLast("publish", handler);
    }

    /**
     * @param group the group a connection runs on
     * @return the socket channel type that group can run: epoll for an {@link EpollEventLoopGroup}, else NIO
     */
    static Class<? extends Channel> socketChannelFor(EventLoopGroup group) {
        return group instanceof EpollEventLoopGroup ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    private static synchronized EventLoopGroup sharedGroup() {
        if (sharedGroup == null) {
            DefaultThreadFactory threads = new DefaultThreadFactory("livepush-rtmp-io", true);
            if (Epoll.isAvailable()) {
                sharedGroup = new EpollEventLoopGroup(2, threads);
                LOG.debug("RTMP client transport: native epoll");
            } else {
                sharedGroup = new NioEventLoopGroup(2, threads);
                LOG.debug("RTMP client transport: NIO (epoll unavailable: {})", Epoll.unavailabilityCause().toString());
            }
        }
        return sharedGroup;
    }
}
