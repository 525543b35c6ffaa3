package io.livepush.publisher.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.rtmp.server.IngestedMessage;
import io.livepush.publisher.rtmp.server.RtmpIngestConfig;
import io.livepush.publisher.rtmp.server.RtmpIngestListener;
import io.livepush.publisher.rtmp.server.RtmpIngestServer;
import io.livepush.publisher.url.RtmpUrl;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Flush batching on a real event loop against the in-JVM ingest: sends that queue up while the event loop is busy
 * go out with one flush, and a lone send is flushed as soon as it is written, so batching never holds back a live
 * stream's frame.
 */
class RtmpPublishSessionBatchingTest {

    /** Counts the flushes that reach the socket end of the pipeline. */
    private static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public void flush(ChannelHandlerContext ctx) {
            count.incrementAndGet();
            ctx.flush();
        }
    }

    /** Keeps the video messages the ingest receives. */
    private static final class Received implements RtmpIngestListener {
        final List<IngestedMessage> video = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(IngestedMessage message) {
            if (message.typeId() == 9) {
                video.add(message);
            }
        }

        boolean await(int n) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (video.size() < n && System.nanoTime() < end) {
                Thread.sleep(1);
            }
            return video.size() >= n;
        }
    }

    private static ByteBuf body(int n) {
        ByteBuf b = ByteBufAllocator.DEFAULT.directBuffer(n);
        b.writeByte(0x27).writeZero(n - 1);
        return b;
    }

    @Test
    void sendsQueuedBehindABusyEventLoopGoOutWithOneFlushAndALoneSendIsFlushedAtOnce() throws Exception {
        Received received = new Received();
        try (RtmpIngestServer server = RtmpIngestServer.start(RtmpIngestConfig.builder().listener(received).build())) {
            RtmpUrl url = RtmpUrl.parse("rtmp://127.0.0.1:" + server.port() + "/live/batching");
            RtmpPublishSession session = RtmpClient.publish(url, RtmpClientConfig.defaults(), null)
                    .get(5, TimeUnit.SECONDS);
            Channel channel = ((DefaultRtmpPublishSession) session).channel();
            FlushCounter flushes = new FlushCounter();
            channel.pipeline().addFirst(flushes);

            // Hold the event loop so that a burst of sends queues up behind this task.
            CountDownLatch hold = new CountDownLatch(1);
            CountDownLatch held = new CountDownLatch(1);
            channel.eventLoop().execute(() -> {
                held.countDown();
                try {
                    hold.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(held.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 40; i++) {
                session.sendVideo(33L * i, body(5000 + i));
            }
            hold.countDown();
            assertTrue(received.await(40));
            assertEquals(1, flushes.count.get(), "one flush for the burst");

            // Alone: written and flushed without waiting for anything else.
            session.sendVideo(33L * 40, body(700));
            assertTrue(received.await(41), "a lone send reaches the ingest with no further send or close");
            assertEquals(2, flushes.count.get());
            assertEquals(700, received.video.get(40).payload().length);
            for (int i = 0; i < 40; i++) {
                assertEquals(5000 + i, received.video.get(i).payload().length);
            }
            session.close();
        }
    }
}
