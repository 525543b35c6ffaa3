package io.livepush.publisher.rtmp.chunk;

import static io.livepush.publisher.rtmp.chunk.Bytes.buf;
import static io.livepush.publisher.rtmp.chunk.Bytes.counting;
import static io.livepush.publisher.rtmp.chunk.Bytes.countingHex;
import static io.livepush.publisher.rtmp.chunk.Bytes.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.livepush.publisher.rtmp.message.RtmpMessage;
import io.livepush.publisher.rtmp.message.SetChunkSize;
import io.livepush.publisher.rtmp.message.SetPeerBandwidth;
import io.livepush.publisher.rtmp.message.UserControl;
import io.livepush.publisher.rtmp.message.WindowAcknowledgementSize;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Byte-exact chunk vectors for {@link RtmpChunkEncoder} (Adobe RTMP 1.0, §5.3.1). */
class RtmpChunkEncoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new RtmpChunkEncoder());

    @AfterEach
    void finish() {
        assertFalse(channel.finish());
    }

    private String send(RtmpMessage message) {
        channel.writeOutbound(message);
        ByteBuf out = channel.readOutbound();
        try {
            return Bytes.hexOf(out);
        } finally {
            out.release();
        }
    }

    private static RtmpMessage msg(int csid, int type, long ts, int msid, String payloadHex) {
        return new RtmpMessage(csid, type, ts, msid, buf(payloadHex));
    }

    @Test
    void firstMessageOnAChunkStreamUsesAType0HeaderWithLittleEndianStreamId() {
        assertEquals(norm("""
                03            fmt 0, csid 3
                000102        timestamp 258
                000003        message length 3
                14            type 20 (AMF0 command)
                01000000      message stream id 1, little-endian
                aabbcc        payload
                """), send(msg(3, 20, 0x102, 1, "aabbcc")));
    }

    @Test
    void sameStreamIdButOtherLengthUsesType1WithDelta() {
        send(msg(3, 20, 1000, 1, "aabbcc"));
        assertEquals(norm("""
                43            fmt 1, csid 3
                000064        timestamp delta 100
                000002        message length 2
                12            type 18 (AMF0 data)
                ddee          payload
                """), send(msg(3, 18, 1100, 1, "ddee")));
    }

    @Test
    void sameLengthAndTypeUsesType2AndThenType3WhenTheDeltaRepeats() {
        send(msg(6, 9, 0, 1, "0101"));
        assertEquals(norm("""
                86            fmt 2, csid 6
                000021        timestamp delta 33
                0202          payload
                """), send(msg(6, 9, 33, 1, "0202")));
        assertEquals(norm("""
                c6            fmt 3, csid 6: every header field (delta 33) repeats
                0303          payload
                """), send(msg(6, 9, 66, 1, "0303")));
    }

    @Test
    void otherStreamIdOrTimestampGoingBackwardsFallsBackToType0() {
        send(msg(3, 20, 500, 1, "aa"));
        assertEquals(norm("03 0001f4 000001 14 02000000 bb"), send(msg(3, 20, 500, 2, "bb")));
        assertEquals(norm("03 000190 000001 14 02000000 cc"), send(msg(3, 20, 400, 2, "cc")));
    }

    @Test
    void timestampWrapIsASmallForwardDelta() {
        send(msg(6, 9, 0xFFFFFFF0L, 1, "aa"));
        assertEquals(norm("""
                86            fmt 2, csid 6
                000020        delta 0x20: 0xFFFFFFF0 + 0x20 wraps to 0x10
                bb
                """), send(msg(6, 9, 0x1_0000_0010L, 1, "bb")));
    }

    @ParameterizedTest(name = "csid {0} -> basic header {1}")
    @CsvSource({
            "3,     03",      // 1 byte: fmt 0 | csid
            "63,    3f",      // largest 1-byte id
            "64,    0000",    // 2 bytes: 0, csid - 64
            "319,   00ff",    // largest 2-byte id
            "320,   010001",  // 3 bytes: 1, (320 - 64) & 0xFF = 0x00, (320 - 64) >> 8 = 0x01
            "65599, 01ffff"   // largest id: 65535 = ff ff
    })
    void basicHeaderUsesTheShortestFormForTheChunkStreamId(int csid, String basic) {
        assertEquals(norm(basic + " 000000 000001 08 00000000 7f"), send(msg(csid, 8, 0, 0, "7f")));
    }

    @Test
    void extendedTimestampFollowsType0HeaderAndIsRepeatedOnEveryContinuationChunk() {
        String expected = """
                04            fmt 0, csid 4
                ffffff        timestamp field: extended timestamp follows
                000118        message length 280
                08            type 8 (audio)
                01000000      stream 1
                01000000      extended timestamp 0x01000000
                """ + countingHex(0, 128) + """
                c4            fmt 3 continuation
                01000000      extended timestamp repeated
                """ + countingHex(128, 128) + """
                c4 01000000
                """ + countingHex(256, 24);
        assertEquals(norm(expected), send(new RtmpMessage(4, 8, 0x01000000L, 1, counting(280))));
    }

    @Test
    void extendedTimestampOnAType3NewMessageCarriesTheRepeatedDelta() {
        send(msg(4, 8, 0, 1, "aa"));
        assertEquals(norm("84 ffffff 01000000 bb"), send(msg(4, 8, 0x01000000L, 1, "bb")));
        assertEquals(norm("""
                c4            fmt 3: new message, same delta as before
                01000000      extended delta repeated
                cc
                """), send(msg(4, 8, 0x02000000L, 1, "cc")));
    }

    @Test
    void messageIsSplitAtTheDefaultChunkSizeOf128() {
        String expected = "06 000000 000190 09 01000000" + countingHex(0, 128)
                + "c6" + countingHex(128, 128) + "c6" + countingHex(256, 128) + "c6" + countingHex(384, 16);
        assertEquals(norm(expected), send(new RtmpMessage(6, 9, 0, 1, counting(400))));
    }

    @Test
    void setChunkSizeIsWrittenAtTheOldSizeAndAppliesToTheMessagesAfterIt() {
        ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
        assertEquals(norm("""
                02            fmt 0, csid 2 (protocol control)
                000000        timestamp 0
                000004        length 4
                01            type 1 (Set Chunk Size)
                00000000      stream 0
                00001000      chunk size 4096
                """), send(new SetChunkSize(4096).toMessage(alloc)));
        String expected = "06 000000 001388 09 01000000" + countingHex(0, 4096) + "c6" + countingHex(4096, 904);
        assertEquals(norm(expected), send(new RtmpMessage(6, 9, 0, 1, counting(5000))));
    }

    @Test
    void windowAcknowledgementSizeVector() {
        assertEquals(norm("""
                02 000000 000004
                05            type 5 (Window Acknowledgement Size)
                00000000
                002625a0      2 500 000 bytes
                """), send(new WindowAcknowledgementSize(2_500_000).toMessage(ByteBufAllocator.DEFAULT)));
    }

    @Test
    void setPeerBandwidthVector() {
        assertEquals(norm("""
                02 000000 000005
                06            type 6 (Set Peer Bandwidth)
                00000000
                002625a0      window 2 500 000 bytes
                02            limit type dynamic
                """), send(new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC)
                .toMessage(ByteBufAllocator.DEFAULT)));
    }

    @Test
    void userControlPingRequestVector() {
        assertEquals(norm("""
                02 000000 000006
                04            type 4 (User Control)
                00000000
                0006          event 6: Ping Request
                12345678      timestamp to echo
                """), send(UserControl.pingRequest(0x12345678L).toMessage(ByteBufAllocator.DEFAULT)));
    }

    @Test
    void emptyPayloadIsOneHeaderOnlyChunk() {
        assertEquals(norm("05 000000 000000 12 01000000"), send(new RtmpMessage(5, 18, 0, 1, Unpooled.EMPTY_BUFFER)));
    }
}
