package io.livepush.publisher.rtmp.server;

import io.livepush.publisher.rtmp.chunk.RtmpByteCounter;
import io.livepush.publisher.rtmp.chunk.RtmpChunkDecoder;
import io.livepush.publisher.rtmp.chunk.RtmpChunkEncoder;
import io.livepush.publisher.rtmp.handshake.RtmpServerHandshakeHandler;
import io.livepush.publisher.url.StreamKeys;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small local RTMP/RTMPS ingest (Adobe RTMP 1.0) for {@code livepush serve}, {@code livepush demo} and in-JVM
 * tests: it accepts publishers, answers the publish sequence like nginx-rtmp, reports every audio/video/data
 * message to an {@link RtmpIngestListener} with its arrival time, and can record each stream to FLV. It does not
 * serve players.
 *
 * <p>Threads: one acceptor thread and two I/O threads ({@code livepush-ingest-io-N}, daemon), plus one listener
 * thread ({@code livepush-ingest-listener-N}). {@link #close()} closes every connection (finishing recordings),
 * releases the port and stops all of them; it is idempotent.
 */
public final class RtmpIngestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RtmpIngestServer.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final RtmpIngestConfig config;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup ioGroup;
    private final ExecutorService listenerExecutor;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Set<String> publishing = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean recordFileTaken = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Channel serverChannel;

    private RtmpIngestServer(RtmpIngestConfig config) {
        this.config = config;
        int n = INSTANCES.incrementAndGet();
        this.bossGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("livepush-ingest-accept-" + n, true));
        this.ioGroup = new NioEventLoopGroup(2, new DefaultThreadFactory("livepush-ingest-io-" + n, true));
        this.listenerExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "livepush-ingest-listener-" + n);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Binds and starts serving.
     *
     * @param config the settings
     * @return the running server
     * @throws IOException when the address cannot be bound or the record directory cannot be created
     */
    public static RtmpIngestServer start(RtmpIngestConfig config) throws IOException {
        RtmpIngestServer server = new RtmpIngestServer(config);
        try {
            server.bind();
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void bind() throws IOException {
        if (config.recordDirectory().isPresent()) {
            Files.createDirectories(config.recordDirectory().get());
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        channels.add(ch);
                        assemblePipeline(ch);
                    }
                });
        try {
            serverChannel = bootstrap.bind(config.bindAddress(), config.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding " + config.bindAddress() + ":" + config.port(), e);
        } catch (Exception e) {
            throw new IOException("cannot bind the RTMP ingest to " + config.bindAddress() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        LOG.info("RTMP{} ingest listening on {}:{}", config.tls().isPresent() ? "S" : "", config.bindAddress(), port());
    }

    /** The whole server pipeline, from the socket up. */
    private void assemblePipeline(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        config.tls().ifPresent(tls -> p.addLast("tls", tls.newHandler(ch.alloc())));
        RtmpByteCounter counter = new RtmpByteCounter();
        p.addLast("bytes", counter);
        p.addLast("handshake", new RtmpServerHandshakeHandler(config.handshakeTimeout()));
        p.addLast("chunk-decoder", new RtmpChunkDecoder());
        p.addLast("chunk-encoder", new RtmpChunkEncoder());
        p.addLast("ingest", new IngestConnectionHandler(this, config, counter));
    }

    /** @return the bound port (the ephemeral one when configured with 0) */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** @return the bound address as {@code host:port} */
    public String address() {
        return config.bindAddress() + ":" + port();
    }

    /** @return true and registers the name when nobody publishes it yet */
    boolean claim(String name) {
        return publishing.add(name);
    }

    void release(String name) {
        publishing.remove(name);
    }

    /**
     * @param name the publish name
     * @return a recorder for it, or null when not recording
     */
    IngestRecorder openRecorder(String name) throws IOException {
        if (config.recordFile().isPresent() && recordFileTaken.compareAndSet(false, true)) {
            return new IngestRecorder(config.recordFile().get());
        }
        if (config.recordDirectory().isPresent()) {
            return new IngestRecorder(config.recordDirectory().get().resolve(fileName(name)));
        }
        return null;
    }

    /** The publish name without its query, with anything but letters, digits, '-' and '_' replaced by '_'. */
    static String fileName(String name) {
        int q = name.indexOf('?');
        String base = (q >= 0 ? name.substring(0, q) : name).replaceAll("[^A-Za-z0-9_-]", "_");
        return (base.isEmpty() ? "stream" : base) + ".flv";
    }

    void dispatch(Consumer<RtmpIngestListener> event) {
        try {
            listenerExecutor.execute(() -> {
                try {
                    event.accept(config.listener());
                } catch (RuntimeException e) {
                    LOG.warn("RtmpIngestListener threw; ignored", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("ingest listener event after close dropped");
        }
    }

    /** @return redacted names being published now */
    public Set<String> publishingRedacted() {
        return publishing.stream().map(StreamKeys::redact).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        listenerExecutor.shutdown();
        try {
            listenerExecutor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("RTMP ingest closed");
    }
}
