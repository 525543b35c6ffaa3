package io.livepush.publisher.rtmp.client;

import static io.livepush.publisher.rtmp.client.PublishHarness.info;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.rtmp.RtmpTimeoutException;
import io.livepush.publisher.rtmp.message.Acknowledgement;
import io.livepush.publisher.rtmp.message.CommandMessage;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Enhanced RTMP reconnect (capsEx, NetConnection.Connect.ReconnectRequest), the round trip from
 * acknowledgements, and the write timeout, on the publish state machine in EmbeddedChannels.
 */
class EnhancedReconnectTest {

    @Test
    void connectAdvertisesTheReconnectCapabilityInCapsEx() throws Exception {
        PublishHarness h = new PublishHarness(RtmpClientConfig.defaults());
        h.handshakeDone();
        h.next().release();
        h.next().release();
        Map<?, ?> props = (Map<?, ?>) h.nextCommand(0).commandObject();
        assertEquals(1.0, props.get("capsEx"), "capsEx bit 1 = Reconnect");
    }

    @Test
    void aReconnectRequestCompletesWithTheNewTcUrlAndKeepsTheStreamPublishing() throws Exception {
        PublishHarness h = new PublishHarness(RtmpClientConfig.defaults());
        RtmpPublishSession s = h.publishOnStream7();
        assertFalse(s.reconnectRequest().isDone());
        Map<String, Object> i = new LinkedHashMap<>(info("status", "NetConnection.Connect.ReconnectRequest", "move"));
        i.put("tcUrl", "rtmp://127.0.0.2:1936/live");
        h.reply(0, CommandMessage.of("onStatus", 0, null, i));
        assertEquals("rtmp://127.0.0.2:1936/live", s.reconnectRequest().get(1, TimeUnit.SECONDS));
        assertEquals(RtmpPublishState.PUBLISHING, s.state(), "the client leaves at its next keyframe, not at once");
        h.releaseAll();
    }

    @Test
    void aReconnectRequestWithoutTcUrlCompletesWithAnEmptyString() throws Exception {
        PublishHarness h = new PublishHarness(RtmpClientConfig.defaults());
        RtmpPublishSession s = h.publishOnStream7();
        h.reply(0, CommandMessage.of("onStatus", 0, null, info("status", "NetConnection.Connect.ReconnectRequest", "")));
        assertEquals("", s.reconnectRequest().get(1, TimeUnit.SECONDS));
        h.releaseAll();
    }

    @Test
    void anAcknowledgementGivesARoundTripTime() throws Exception {
        PublishHarness h = new PublishHarness(RtmpClientConfig.defaults());
        RtmpPublishSession s = h.publishOnStream7();
        assertEquals(-1, s.rttMillis());
        s.sendVideo(0, Unpooled.wrappedBuffer(new byte[] {0x17, 1, 0, 0, 0}));
        h.releaseAll();
        Thread.sleep(30);
        h.send(new Acknowledgement(h.counter.bytesSent()).toMessage(ByteBufAllocator.DEFAULT));
        assertTrue(s.rttMillis() >= 25 && s.rttMillis() < 2000, "rtt " + s.rttMillis());
    }

    @Test
    void aSocketThatTakesNothingFailsWithAWriteTimeout() throws Exception {
        PublishHarness h = new PublishHarness(RtmpClientConfig.builder().writeTimeout(Duration.ofMillis(600)).build());
        RtmpPublishSession s = h.publishOnStream7();
        h.releaseAll();
        h.client.config().setWriteBufferHighWaterMark(Integer.MAX_VALUE);
        // An EmbeddedChannel that is not writable keeps what it is given in its outbound buffer, like a dead link.
        h.client.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        long t0 = System.nanoTime();
        while (!s.state().isTerminal() && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5)) {
            h.client.write(Unpooled.wrappedBuffer(new byte[100]));
            h.client.runScheduledPendingTasks();
            Thread.sleep(50);
        }
        assertEquals(RtmpPublishState.FAILED, s.state());
        assertTrue(h.listener.errors.stream().anyMatch(e -> e instanceof RtmpTimeoutException t
                && t.step().startsWith("write")), h.listener.errors.toString());
    }
}
