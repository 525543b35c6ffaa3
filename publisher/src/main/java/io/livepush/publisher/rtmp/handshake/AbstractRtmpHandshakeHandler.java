package io.livepush.publisher.rtmp.handshake;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.livepush.publisher.rtmp.RtmpTimeoutException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What the client and server sides of the RTMP handshake (Adobe RTMP 1.0, §5.2) share: a deadline from the moment
 * the channel is active, the version check of C0/S0, and removing the handler once done. Runs on the channel's
 * event loop.
 */
abstract class AbstractRtmpHandshakeHandler extends ByteToMessageDecoder {

    private final Duration timeout;
    private ScheduledFuture<?> deadline;
    private long startNanos;
    private boolean started;
    private boolean done;

    AbstractRtmpHandshakeHandler(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("handshake timeout is " + timeout + " (expected a positive duration)");
        }
        this.timeout = timeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        super.handlerAdded(ctx);
        if (ctx.channel().isActive()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        start(ctx);
        super.channelActive(ctx);
    }

    private void start(ChannelHandlerContext ctx) {
        if (started) {
            return;
        }
        started = true;
        startNanos = System.nanoTime();
        deadline = ctx.executor().schedule(() -> {
            if (!done) {
                done = true;
                ctx.fireExceptionCaught(new RtmpTimeoutException("handshake", timeout));
                ctx.close();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        onActive(ctx);
    }

    /** Milliseconds since the handshake started: the time fields of C1/S1 and time2 of C2/S2. */
    final long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Called once when the channel is active, e.g. to send C0+C1. */
    abstract void onActive(ChannelHandlerContext ctx);

    /** Reads C0/S0 and checks it is version 3. */
    static void readVersion(ByteBuf in, String packet) throws RtmpProtocolException {
        int version = in.readUnsignedByte();
        if (version != HandshakePackets.VERSION) {
            throw new RtmpProtocolException("RTMP " + packet + " version is " + version + " (expected "
                    + HandshakePackets.VERSION + "; encrypted RTMPE is not supported)");
        }
    }

    /** Ends the handshake: cancels the deadline, tells the next handlers, and hands them the bytes that follow. */
    final void complete(ChannelHandlerContext ctx) {
        done = true;
        deadline.cancel(false);
        ctx.fireUserEventTriggered(RtmpHandshakeCompletionEvent.SUCCESS);
        ctx.pipeline().remove(this);
    }

    final boolean isDone() {
        return done;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        cancelDeadline();
        ctx.fireExceptionCaught(cause);
        ctx.close();
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelDeadline();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelDeadline();
        super.channelInactive(ctx);
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
