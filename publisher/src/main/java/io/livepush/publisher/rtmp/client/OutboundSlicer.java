package io.livepush.publisher.rtmp.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.PromiseCombiner;

/**
 * Under TLS, splits large outgoing buffers (a keyframe's chunks come as one buffer of hundreds of kilobytes) into
 * slices of at most {@value #SLICE_BYTES} bytes, each with its own promise, so the byte counter below sees the
 * progress as it happens rather than in one jump per keyframe: the TLS handler completes a promise only when all
 * of its buffer is encrypted and written, and reports no progress before. The write stall check and the
 * throughput estimate of the adaptive bitrate both depend on that. The bytes on the wire are unchanged. Without
 * TLS the transport reports progress itself and this handler is not in the pipeline.
 */
final class OutboundSlicer extends ChannelOutboundHandlerAdapter {
    static final int SLICE_BYTES = 8 * 1024;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf buf) || buf.readableBytes() <= SLICE_BYTES || promise.isVoid()) {
            ctx.write(msg, promise);
            return;
        }
        PromiseCombiner combiner = new PromiseCombiner(ctx.executor());
        try {
            while (buf.readableBytes() > 0) {
                int n = Math.min(SLICE_BYTES, buf.readableBytes());
                combiner.add(ctx.write(buf.readRetainedSlice(n)));
            }
        } finally {
            buf.release();
        }
        combiner.finish(promise);
    }
}
