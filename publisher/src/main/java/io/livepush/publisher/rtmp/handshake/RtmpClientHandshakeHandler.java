package io.livepush.publisher.rtmp.handshake;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

import java.time.Duration;
import java.util.List;

/**
 * The client side of the simple RTMP handshake (Adobe RTMP 1.0, §5.2.5): send C0+C1 when the channel is active,
 * answer S0+S1 with C2 (the echo of S1), then wait for S2. On S2 it fires
 * {@link RtmpHandshakeCompletionEvent#SUCCESS} and removes itself. If it has not finished within the timeout it
 * fires an {@link io.livepush.publisher.rtmp.RtmpTimeoutException} and closes the channel; a wrong version byte is
 * an {@link io.livepush.publisher.rtmp.RtmpProtocolException}. One instance per channel; runs on its event loop.
 */
public final class RtmpClientHandshakeHandler extends AbstractRtmpHandshakeHandler {

    /** Where the client is in the handshake. */
    enum State {
        /** C0+C1 sent; waiting for S0+S1. */
        AWAIT_S0_S1,
        /** C2 sent; waiting for S2. */
        AWAIT_S2,
        /** Finished. */
        DONE
    }

    private State state = State.AWAIT_S0_S1;

    /**
     * @param timeout how long the handshake may take from channel activation
     */
    public RtmpClientHandshakeHandler(Duration timeout) {
        super(timeout);
    }

    @Override
    void onActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(HandshakePackets.versionAndFirstBlock(ctx.alloc(), 0));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (isDone() && state != State.DONE) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (state == State.AWAIT_S0_S1) {
            if (in.readableBytes() < 1 + HandshakePackets.BLOCK_LENGTH) {
                return;
            }
            readVersion(in, "S0");
            ByteBuf c2 = ctx.alloc().buffer(HandshakePackets.BLOCK_LENGTH, HandshakePackets.BLOCK_LENGTH);
            HandshakePackets.writeEcho(c2, in, elapsedMillis());
            in.skipBytes(HandshakePackets.BLOCK_LENGTH);
            ctx.writeAndFlush(c2);
            state = State.AWAIT_S2;
        }
        if (state == State.AWAIT_S2) {
            if (in.readableBytes() < HandshakePackets.BLOCK_LENGTH) {
                return;
            }
            // S2 should echo C1; peers differ in how exactly, and nothing depends on it, so it is not checked.
            in.skipBytes(HandshakePackets.BLOCK_LENGTH);
            state = State.DONE;
            complete(ctx);
        }
    }
}
