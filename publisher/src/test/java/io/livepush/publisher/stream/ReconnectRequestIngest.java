package io.livepush.publisher.stream;

import io.livepush.publisher.rtmp.chunk.RtmpChunkDecoder;
import io.livepush.publisher.rtmp.chunk.RtmpChunkEncoder;
import io.livepush.publisher.rtmp.handshake.RtmpServerHandshakeHandler;
import io.livepush.publisher.rtmp.message.CommandMessage;
import io.livepush.publisher.rtmp.message.RtmpMessage;
import io.livepush.publisher.rtmp.message.RtmpMessageType;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test peer: a minimal Enhanced RTMP ingest that accepts publishing and, on the first connection, once
 * {@code videoBeforeRequest} video messages arrived, sends {@code onStatus
 * NetConnection.Connect.ReconnectRequest} naming a new tcUrl (its own address, application {@code moved}).
 * It records, per connection, the app it was asked for and every audio/video/data message.
 */
final class ReconnectRequestIngest implements AutoCloseable {
    /** One message seen: type, timestamp and payload. */
    record Seen(int typeId, long timestampMs, byte[] payload) {
    }

    /** What one connection did. */
    static final class Connection {
        volatile String app;
        volatile Map<?, ?> connectProperties;
        final List<Seen> media = new CopyOnWriteArrayList<>();
    }

    final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final NioEventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel server;
    private final int videoBeforeRequest;

    ReconnectRequestIngest(int videoBeforeRequest) throws InterruptedException {
        this.videoBeforeRequest = videoBeforeRequest;
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        Connection c = new Connection();
                        connections.add(c);
                        ch.pipeline().addLast(new RtmpServerHandshakeHandler(Duration.ofSeconds(5)), new RtmpChunkDecoder(),
                                new RtmpChunkEncoder(), new Script(c, connections.size() == 1));
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    private final class Script extends ChannelInboundHandlerAdapter {
        private final Connection c;
        private final boolean askToReconnect;
        private int videos;

        Script(Connection c, boolean askToReconnect) {
            this.c = c;
            this.askToReconnect = askToReconnect;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (!(msg instanceof RtmpMessage m)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            try {
                int type = m.typeId();
                if (type == RtmpMessageType.COMMAND_AMF0.id()) {
                    command(ctx, CommandMessage.fromMessage(m));
                } else if (type == 8 || type == 9 || type == 18) {
                    c.media.add(new Seen(type, m.timestamp(), ByteBufUtil.getBytes(m.payload())));
                    if (type == 9 && askToReconnect && ++videos == videoBeforeRequest) {
                        Map<String, Object> info = new LinkedHashMap<>();
                        info.put("level", "status");
                        info.put("code", "NetConnection.Connect.ReconnectRequest");
                        info.put("description", "maintenance");
                        info.put("tcUrl", "rtmp://127.0.0.1:" + port() + "/moved");
                        ctx.writeAndFlush(CommandMessage.of("onStatus", 0, null, info).toMessage(ctx.alloc(), 0));
                    }
                }
            } finally {
                m.release();
            }
        }

        private void command(ChannelHandlerContext ctx, CommandMessage cmd) {
            switch (cmd.name()) {
                case "connect" -> {
                    Map<?, ?> props = (Map<?, ?>) cmd.commandObject();
                    c.connectProperties = props;
                    c.app = String.valueOf(props.get("app"));
                    Map<String, Object> info = Map.of("level", "status", "code", "NetConnection.Connect.Success");
                    ctx.writeAndFlush(CommandMessage.of("_result", cmd.transactionId(), Map.of("fmsVer", "test"), info)
                            .toMessage(ctx.alloc(), 0));
                }
                case "createStream" -> ctx.writeAndFlush(CommandMessage.of("_result", cmd.transactionId(), null, 1.0)
                        .toMessage(ctx.alloc(), 0));
                case "publish" -> ctx.writeAndFlush(CommandMessage.of("onStatus", 0, null,
                        Map.of("level", "status", "code", "NetStream.Publish.Start")).toMessage(ctx.alloc(), 1));
                default -> {
                }
            }
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
