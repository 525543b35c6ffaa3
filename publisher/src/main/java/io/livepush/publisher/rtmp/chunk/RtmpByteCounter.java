package io.livepush.publisher.rtmp.chunk;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.ChannelPromise;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the RTMP bytes received and sent on a connection (below the chunk codec, above TLS), for the
 * Acknowledgement sequence number (Adobe RTMP 1.0, §5.4.3) and for statistics. Sent bytes count when they have
 * been handed to the socket (or to TLS): each buffer travels on with a progressive promise, which the transport
 * advances after every socket write that takes part of it, so a large buffer counts as it drains rather than in
 * one jump when it is done (the write stall check and the throughput estimate depend on that). Below TLS no
 * progress is reported and a buffer counts when its write completes. Counting runs on the event loop; the totals
 * may be read from any thread.
 */
public final class RtmpByteCounter extends ChannelDuplexHandler {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();

    /** @return bytes received so far, including the handshake */
    public long bytesReceived() {
        return received.get();
    }

    /** @return bytes written so far, including the handshake */
    public long bytesSent() {
        return sent.get();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf buf) {
            received.addAndGet(buf.readableBytes());
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof ByteBuf buf && !promise.isVoid()) {
            ChannelProgressivePromise progressive = ctx.newProgressivePromise();
            progressive.addListener(new Progress(buf.readableBytes(), promise));
            ctx.write(msg, progressive);
        } else {
            ctx.write(msg, promise);
        }
    }

    /** Counts one buffer's bytes as the socket takes them, then completes the caller's promise. */
    private final class Progress implements ChannelProgressiveFutureListener {
        private final long total;
        private final ChannelPromise downstream;
        private long counted;

        Progress(long total, ChannelPromise downstream) {
            this.total = total;
            this.downstream = downstream;
        }

        @Override
        public void operationProgressed(ChannelProgressiveFuture future, long progress, long ignored) {
            if (progress > counted) {
                sent.addAndGet(progress - counted);
                counted = progress;
            }
        }

        @Override
        public void operationComplete(ChannelProgressiveFuture future) {
            if (future.isSuccess()) {
                if (total > counted) {
                    sent.addAndGet(total - counted);
                    counted = total;
                }
                downstream.trySuccess();
            } else {
                downstream.tryFailure(future.cause());
            }
        }
    }
}
