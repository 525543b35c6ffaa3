package io.livepush.publisher.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livepush.publisher.rtmp.server.IngestedMessage;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestListener;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.url.RtmpUrl;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client runs on either socket transport: a configured NIO or epoll group gets its own kind of socket, and a
 * keyframe-sized message sent as slices arrives whole over both.
 */
class RtmpClientTransportTest {

    @Test
    void eachGroupGetsTheSocketTypeItCanRun() {
        NioEventLoopGroup nio = new NioEventLoopGroup(1);
        try {
            assertEquals(NioSocketChannel.class, RtmpClient.socketChannelFor(nio));
        } finally {
            nio.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        if (Epoll.isAvailable()) {
            EpollEventLoopGroup epoll = new EpollEventLoopGroup(1);
            try {
                assertEquals(EpollSocketChannel.class, RtmpClient.socketChannelFor(epoll));
            } finally {
                epoll.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nio", "epoll"})
    void aLargeDirectMessageArrivesWholeOverTheConfiguredTransport(String transport) throws Exception {
        assumeTrue(transport.equals("nio") || Epoll.isAvailable(), "epoll does not load here");
        EventLoopGroup group = transport.equals("nio") ? new NioEventLoopGroup(1) : new EpollEventLoopGroup(1);
        List<IngestedMessage> video = new CopyOnWriteArrayList<>();
        RtmpIngestListener listener = new RtmpIngestListener() {
            @Override
            public void onMessage(IngestedMessage message) {
                if (message.typeId() == 9) {
                    video.add(message);
                }
            }
        };
        byte[] keyframe = new byte[300_000];
        new Random(5).nextBytes(keyframe);
        keyframe[0] = 0x17;
        try (RtmpIngestServer server = RtmpIngestServer.start(RtmpIngestConfig.builder().listener(listener).build())) {
            RtmpUrl url = RtmpUrl.parse("rtmp://127.0.0.1:" + server.port() + "/live/" + transport);
            RtmpPublishSession session = RtmpClient.publish(url,
                    RtmpClientConfig.builder().eventLoopGroup(group).build(), null).get(5, TimeUnit.SECONDS);
            Channel channel = ((DefaultRtmpPublishSession) session).channel();
            assertEquals(transport.equals("nio") ? NioSocketChannel.class : EpollSocketChannel.class, channel.getClass());

            ByteBuf body = ByteBufAllocator.DEFAULT.directBuffer(keyframe.length).writeBytes(keyframe);
            session.sendVideo(0, body);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (video.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(2);
            }
            assertEquals(1, video.size());
            assertTrue(java.util.Arrays.equals(keyframe, video.get(0).payload()));
            // The client releases the body after its last byte left; the ingest may have read it a moment earlier.
            while (body.refCnt() > 0 && System.nanoTime() < end) {
                Thread.sleep(1);
            }
            assertEquals(0, body.refCnt(), "the body is released once written");
            assertTrue(session.bytesSent() > keyframe.length);
            session.close();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
