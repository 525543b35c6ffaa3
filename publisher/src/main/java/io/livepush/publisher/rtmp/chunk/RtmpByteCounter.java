package io.livepush.publisher.rtmp.chunk;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the RTMP bytes received and sent on a connection (below the chunk codec, above TLS), for the
 * Acknowledgement sequence number (Adobe RTMP 1.0, §5.4.3) and for statistics. Sent bytes count when the write
 * has completed, i.e. when they have been handed to the socket (or to TLS). Counting runs on the event loop;
 * the totals may be read from any thread.
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
            int n = buf.readableBytes();
            promise.addListener(f -> {
                if (f.isSuccess()) {
                    sent.addAndGet(n);
                }
            });
        }
        super.write(ctx, msg, promise);
    }
}
