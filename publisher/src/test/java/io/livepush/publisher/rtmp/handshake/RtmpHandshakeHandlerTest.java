package io.livepush.publisher.rtmp.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.livepush.publisher.rtmp.RtmpTimeoutException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The simple handshake (Adobe RTMP 1.0, §5.2) on both sides, in EmbeddedChannels. */
class RtmpHandshakeHandlerTest {

    /** Records user events and exceptions that reach the end of the pipeline. */
    static final class Tail extends ChannelInboundHandlerAdapter {
        final List<Object> events = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            events.add(evt);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            errors.add(cause);
        }
    }

    private static byte[] block(long seed) {
        byte[] b = new byte[1536];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void clientSendsC0C1EchoesS1AsC2AndHandsOnTheBytesAfterS2() {
        Tail tail = new Tail();
        EmbeddedChannel ch = new EmbeddedChannel(new RtmpClientHandshakeHandler(Duration.ofSeconds(5)), tail);
        ByteBuf c0c1 = ch.readOutbound();
        assertEquals(1537, c0c1.readableBytes());
        assertEquals(3, c0c1.getByte(0), "C0: version 3");
        assertEquals(0, c0c1.getInt(5), "C1 bytes 4-7: zero");
        byte[] c1 = ByteBufUtil.getBytes(c0c1, 1, 1536);
        c0c1.release();

        byte[] s1 = block(1);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {3}, s1));
        ByteBuf c2 = ch.readOutbound();
        assertEquals(1536, c2.readableBytes());
        assertEquals(ByteBufUtil.hexDump(s1, 0, 4), ByteBufUtil.hexDump(c2, 0, 4), "C2 time = S1 time");
        assertEquals(ByteBufUtil.hexDump(s1, 8, 1528), ByteBufUtil.hexDump(c2, 8, 1528), "C2 random = S1 random");
        c2.release();
        assertTrue(tail.events.isEmpty());

        ch.writeInbound(Unpooled.wrappedBuffer(c1, Bytes.of(0x02, 0x00)));   // S2 echoing C1, then chunk bytes
        assertEquals(List.of(RtmpHandshakeCompletionEvent.SUCCESS), tail.events);
        assertNull(ch.pipeline().get(RtmpClientHandshakeHandler.class), "handler removed itself");
        ByteBuf after = ch.readInbound();
        assertEquals("0200", ByteBufUtil.hexDump(after));
        after.release();
        assertFalse(ch.finish());
    }

    @Test
    void serverAnswersC0C1WithS0S1S2EchoingC1AndCompletesOnC2() {
        Tail tail = new Tail();
        EmbeddedChannel ch = new EmbeddedChannel(new RtmpServerHandshakeHandler(Duration.ofSeconds(5)), tail);
        assertNull(ch.readOutbound(), "the server waits for the client");
        byte[] c1 = block(2);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {3}, c1));
        ByteBuf s0s1 = ch.readOutbound();
        assertEquals(1537, s0s1.readableBytes());
        assertEquals(3, s0s1.getByte(0));
        ByteBuf s2 = ch.readOutbound();
        assertEquals(ByteBufUtil.hexDump(c1, 8, 1528), ByteBufUtil.hexDump(s2, 8, 1528), "S2 random = C1 random");
        s0s1.release();
        s2.release();
        ch.writeInbound(Unpooled.wrappedBuffer(block(3)));
        assertEquals(List.of(RtmpHandshakeCompletionEvent.SUCCESS), tail.events);
        assertNull(ch.pipeline().get(RtmpServerHandshakeHandler.class));
        assertFalse(ch.finish());
    }

    @Test
    void versionOtherThan3IsAProtocolErrorAndClosesTheChannel() {
        Tail tail = new Tail();
        EmbeddedChannel ch = new EmbeddedChannel(new RtmpServerHandshakeHandler(Duration.ofSeconds(5)), tail);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {6}, block(4)));
        assertEquals(1, tail.errors.size());
        Throwable cause = assertInstanceOf(DecoderException.class, tail.errors.get(0)).getCause();
        assertEquals("RTMP C0 version is 6 (expected 3; encrypted RTMPE is not supported)",
                assertInstanceOf(RtmpProtocolException.class, cause).getMessage());
        assertFalse(ch.isActive());
        assertFalse(ch.finish());
    }

    @Test
    void handshakeNotFinishedInTimeFailsWithATimeoutAndCloses() throws Exception {
        Tail tail = new Tail();
        long start = System.nanoTime();
        EmbeddedChannel ch = new EmbeddedChannel(new RtmpClientHandshakeHandler(Duration.ofMillis(100)), tail);
        ((ByteBuf) ch.readOutbound()).release();
        while (tail.errors.isEmpty() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3)) {
            ch.runScheduledPendingTasks();
            Thread.sleep(2);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        RtmpTimeoutException e = assertInstanceOf(RtmpTimeoutException.class, tail.errors.get(0));
        assertEquals("handshake", e.step());
        assertTrue(ms >= 100 && ms < 1000, ms + " ms");
        assertFalse(ch.isActive());
        assertFalse(ch.finish());
    }

    @Test
    void timeoutMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RtmpClientHandshakeHandler(Duration.ZERO));
        assertEquals("handshake timeout is PT0S (expected a positive duration)", e.getMessage());
    }

    /** Tiny byte helper. */
    static final class Bytes {
        static byte[] of(int... values) {
            byte[] b = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                b[i] = (byte) values[i];
            }
            return b;
        }
    }
}
