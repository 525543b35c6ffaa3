package io.livepush.publisher.rtmp.handshake;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

import java.time.Duration;
import java.util.List;

/**
 * The server side of the simple RTMP handshake (Adobe RTMP 1.0, §5.2.5): on C0+C1 send S0+S1+S2 (S2 echoes C1),
 * then wait for C2. On C2 it fires {@link RtmpHandshakeCompletionEvent#SUCCESS} and removes itself. A timeout fires
 * an {@link io.livepush.publisher.rtmp.RtmpTimeoutException} and closes the channel; a version other than 3 is an
 * {@link io.livepush.publisher.rtmp.RtmpProtocolException}. One instance per channel; runs on its event loop.
 */
public final class RtmpServerHandshakeHandler extends AbstractRtmpHandshakeHandler {

    /** Where the server is in the handshake. */
    enum State {
        /** Waiting for C0+C1. */
        AWAIT_C0_C1,
        /** S0+S1+S2 sent; waiting for C2. */
        AWAIT_C2,
        /** Finished. */
        DONE
    }

    private State state = State.AWAIT_C0_C1;

    /**
     * @param timeout how long the handshake may take from channel activation
     */
    public RtmpServerHandshakeHandler(Duration timeout) {
        super(timeout);
    }

    @Override
    void onActive(ChannelHandlerContext ctx) {
        // The server speaks second.
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (isDone() && state != State.DONE) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (state == State.AWAIT_C0_C1) {
            if (in.readableBytes() < 1 + HandshakePackets.BLOCK_LENGTH) {
                return;
            }
            readVersion(in, "C0");
            ByteBuf reply = HandshakePackets.versionAndFirstBlock(ctx.alloc(), elapsedMillis());
            ByteBuf s2 = ctx.alloc().buffer(HandshakePackets.BLOCK_LENGTH, HandshakePackets.BLOCK_LENGTH);
            HandshakePackets.writeEcho(s2, in, elapsedMillis());
            in.skipBytes(HandshakePackets.BLOCK_LENGTH);
            ctx.write(reply);
            ctx.writeAndFlush(s2);
            state = State.AWAIT_C2;
        }
        if (state == State.AWAIT_C2) {
            if (in.readableBytes() < HandshakePackets.BLOCK_LENGTH) {
                return;
            }
            in.skipBytes(HandshakePackets.BLOCK_LENGTH);
            state = State.DONE;
            complete(ctx);
        }
    }
}
