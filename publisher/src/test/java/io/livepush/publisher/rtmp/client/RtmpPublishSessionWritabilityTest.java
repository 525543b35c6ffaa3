package io.livepush.publisher.rtmp.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.rtmp.message.VideoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@link RtmpPublishSession#whenWritable()} follows the channel's writability (in an EmbeddedChannel, which runs
 * queued tasks whenever it is written to, so flush batching is tested on a real event loop in
 * {@link RtmpPublishSessionBatchingTest}).
 */
class RtmpPublishSessionWritabilityTest {

    private final PublishHarness h = new PublishHarness(RtmpClientConfig.defaults());

    private RtmpPublishSession publishing() throws Exception {
        return h.publishOnStream7();
    }

    private static ByteBuf body(int n) {
        ByteBuf b = ByteBufAllocator.DEFAULT.directBuffer(n);
        b.writeByte(0x27).writeZero(n - 1);
        return b;
    }

    private void finish() {
        h.releaseAll();
        h.client.close();
        h.releaseAll();
        assertFalse(h.client.finish());
        h.server.finishAndReleaseAll();
    }

    @Test
    void whenWritableIsCompleteAtOnceWhileTheBufferHasRoomAndOtherwiseWhenItDrains() throws Exception {
        RtmpPublishSession session = publishing();
        assertTrue(session.whenWritable().isDone());

        h.client.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8 * 1024, 16 * 1024));
        h.client.write(VideoMessage.create(0, 7, body(64 * 1024))); // written, not flushed: 64 KiB waiting
        assertFalse(session.isWritable());
        CompletableFuture<Void> first = session.whenWritable();
        CompletableFuture<Void> second = session.whenWritable();
        assertFalse(first.isDone());
        first.cancel(false);
        assertFalse(second.isDone(), "one waiter cancelling leaves the others waiting");

        h.client.flush();

        assertTrue(session.isWritable());
        assertTrue(second.isDone());
        assertFalse(second.isCompletedExceptionally());
        finish();
    }

    @Test
    void whenWritableCompletesWhenTheConnectionCloses() throws Exception {
        RtmpPublishSession session = publishing();
        h.client.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8 * 1024, 16 * 1024));
        h.client.write(VideoMessage.create(0, 7, body(64 * 1024)));
        CompletableFuture<Void> waiting = session.whenWritable();
        assertFalse(waiting.isDone());

        h.client.close();

        assertTrue(waiting.isDone());
        assertTrue(session.whenWritable().isDone());
        finish();
    }
}
