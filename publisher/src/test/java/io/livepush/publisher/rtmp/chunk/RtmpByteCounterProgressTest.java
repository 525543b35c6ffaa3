package io.livepush.publisher.rtmp.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RtmpByteCounter} over a real loopback socket: a buffer far larger than the socket buffers counts its
 * bytes as the socket takes them (before its write completes), and counts each byte exactly once.
 */
class RtmpByteCounterProgressTest {

    private static final int SIZE = 16 * 1024 * 1024;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nio", "epoll"})
    void aLargeWriteCountsAsTheSocketDrainsItAndTotalsExactly(String transport) throws Exception {
        assumeTrue(transport.equals("nio") || Epoll.isAvailable(), "epoll does not load here");
        EventLoopGroup group = transport.equals("nio") ? new NioEventLoopGroup(1) : new EpollEventLoopGroup(1);
        RtmpByteCounter counter = new RtmpByteCounter();
        try (ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(64 * 1024);
            server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Channel ch = new Bootstrap().group(group)
                    .channel(transport.equals("nio") ? NioSocketChannel.class : EpollSocketChannel.class)
                    .option(ChannelOption.SO_SNDBUF, 64 * 1024)
                    .handler(counter)
                    .connect(server.getLocalSocketAddress()).sync().channel();
            try (Socket peer = server.accept()) {
                ByteBuf big = ByteBufAllocator.DEFAULT.directBuffer(SIZE);
                big.writeZero(SIZE);
                ChannelFuture written = ch.writeAndFlush(big);

                // The peer reads nothing yet: the socket takes what its buffers hold, then stalls.
                long stalled = awaitStall(counter);
                assertTrue(stalled > 0, "bytes the socket took count before the write completes");
                assertTrue(stalled < SIZE, "stalled at " + stalled);
                assertFalse(written.isDone());

                InputStream in = peer.getInputStream();
                byte[] sink = new byte[256 * 1024];
                long read = 0;
                while (read < SIZE) {
                    int n = in.read(sink);
                    assertTrue(n > 0, "peer saw the end after " + read + " bytes");
                    read += n;
                }
                assertTrue(written.await(5, TimeUnit.SECONDS));
                assertTrue(written.isSuccess());
                assertEquals(SIZE, counter.bytesSent());
                assertEquals(0, big.refCnt());
            } finally {
                ch.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    /** @return the count once it has not moved for 200 ms */
    private static long awaitStall(RtmpByteCounter counter) throws InterruptedException {
        long last = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            long now = counter.bytesSent();
            if (now == last && now > 0) {
                return now;
            }
            last = now;
        }
        return last;
    }
}
