package io.livepush.publisher.rtmp.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** Protocol control and user control message bodies (Adobe RTMP 1.0, §5.4, §7.1.7) and their validation. */
class ProtocolControlMessagesTest {

    private static RtmpMessage control(int type, String payloadHex) {
        return new RtmpMessage(2, type, 0, 0, Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(payloadHex)));
    }

    @Test
    void setChunkSizeWithBit31SetIsAProtocolError() {
        RtmpMessage m = control(1, "80000000");
        try {
            assertEquals("Set Chunk Size is 2147483648 (expected 1..2147483647)",
                    assertThrows(RtmpProtocolException.class, () -> SetChunkSize.fromMessage(m)).getMessage());
        } finally {
            m.release();
        }
    }

    @Test
    void shortPayloadIsAProtocolErrorNamingTheLength() {
        RtmpMessage m = control(5, "0026");
        try {
            assertEquals("WINDOW_ACKNOWLEDGEMENT_SIZE payload is 2 bytes (expected at least 4)",
                    assertThrows(RtmpProtocolException.class, () -> WindowAcknowledgementSize.fromMessage(m))
                            .getMessage());
        } finally {
            m.release();
        }
    }

    @Test
    void userControlStreamBeginAndSetBufferLengthRoundTrip() throws Exception {
        RtmpMessage begin = UserControl.streamBegin(1).toMessage(ByteBufAllocator.DEFAULT);
        RtmpMessage buffer = control(4, "0003 00000001 00000bb8".replace(" ", ""));
        try {
            assertEquals("000000000001", ByteBufUtil.hexDump(begin.payload()));
            assertEquals(UserControl.Event.STREAM_BEGIN, UserControl.fromMessage(begin).event());
            assertEquals(new UserControl(3, 1, 3000), UserControl.fromMessage(buffer));
        } finally {
            begin.release();
            buffer.release();
        }
    }

    @Test
    void setPeerBandwidthRoundTripsAndRejectsAnUnknownLimitType() throws Exception {
        RtmpMessage ok = new SetPeerBandwidth(5000, SetPeerBandwidth.LimitType.SOFT).toMessage(ByteBufAllocator.DEFAULT);
        RtmpMessage bad = control(6, "0000138803");
        try {
            assertEquals(new SetPeerBandwidth(5000, SetPeerBandwidth.LimitType.SOFT), SetPeerBandwidth.fromMessage(ok));
            assertEquals("Set Peer Bandwidth is window 5000, limit type 3 (expected window 1..4294967295, limit type 0..2)",
                    assertThrows(RtmpProtocolException.class, () -> SetPeerBandwidth.fromMessage(bad)).getMessage());
        } finally {
            ok.release();
            bad.release();
        }
    }

    @Test
    void messageRejectsOutOfRangeHeaderValuesWithWhatWasGiven() {
        assertEquals("chunk stream id is 1 (expected 2..65599)", assertThrows(IllegalArgumentException.class,
                () -> new RtmpMessage(1, 8, 0, 0, Unpooled.EMPTY_BUFFER)).getMessage());
        assertEquals("timestamp is -5 ms (expected >= 0)", assertThrows(IllegalArgumentException.class,
                () -> new RtmpMessage(4, 8, -5, 0, Unpooled.EMPTY_BUFFER)).getMessage());
        assertEquals("chunk size is 0 (expected 1..2147483647)",
                assertThrows(IllegalArgumentException.class, () -> new SetChunkSize(0)).getMessage());
    }
}
