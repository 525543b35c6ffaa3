package io.livepush.publisher.flv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.amf.WireBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AVC VIDEODATA bodies (FLV v10.1 E.4.3.1), byte for byte. */
class FlvVideoTagBodyTest {
    private static final ByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;
    private static final byte[] RECORD = new WireBytes()
            .hex("01 42 C0 1E FF E1")          // version 1, Baseline, constraints, level 3.0, 4-byte lengths, 1 SPS
            .hex("0004 67 42 C0 1E")           // SPS of 4 bytes
            .hex("01 0002 68 CE")              // 1 PPS of 2 bytes
            .toArray();
    private static final byte[] IDR = {0x65, (byte) 0x88, (byte) 0x84, 0x00};
    private static final byte[] SEI = {0x06, 0x05, 0x01, 0x00, (byte) 0x80};
    private static final byte[] SLICE = {0x41, (byte) 0x9A};

    private static String hex(ByteBuf b) {
        return WireBytes.hexOf(WireBytes.of(b));
    }

    @Test
    void sequenceHeaderIsKeyframeAvcPacketTypeZeroThenTheRecord() {
        ByteBuf body = FlvVideoTagBody.avcSequenceHeader(ALLOC, RECORD);
        byte[] want = new WireBytes()
                .hex("17")      // FrameType 1 (key) | CodecID 7 (AVC)
                .hex("00")      // AVCPacketType 0: sequence header
                .hex("000000")  // CompositionTime 0
                .bytes(RECORD)  // AVCDecoderConfigurationRecord
                .toArray();
        assertEquals(WireBytes.hexOf(want), hex(body));
        assertEquals(want.length, body.capacity(), "allocated exactly once, exactly sized");
        body.release();
    }

    @Test
    void keyframeCarriesEachNalUnitWithAFourByteLength() {
        ByteBuf body = FlvVideoTagBody.avcNalUnits(ALLOC, true, 0, List.of(SEI, IDR));
        byte[] want = new WireBytes()
                .hex("17")                      // FrameType 1 (key) | CodecID 7
                .hex("01")                      // AVCPacketType 1: NAL units
                .hex("000000")                  // CompositionTime 0
                .hex("00000005 06 05 01 00 80") // u32 length 5 + SEI NAL
                .hex("00000004 65 88 84 00")    // u32 length 4 + IDR slice NAL
                .toArray();
        assertEquals(WireBytes.hexOf(want), hex(body));
        assertEquals(want.length, body.capacity());
        body.release();
    }

    @Test
    void interFrameWithNegativeCompositionTimeUsesTwosComplementSi24() {
        ByteBuf body = FlvVideoTagBody.avcNalUnits(ALLOC, false, -33, List.of(SLICE));
        assertEquals(WireBytes.hexOf(new WireBytes()
                .hex("27")              // FrameType 2 (inter) | CodecID 7
                .hex("01")              // AVCPacketType 1
                .hex("FFFFDF")          // CompositionTime -33 as SI24
                .hex("00000002 41 9A")  // one NAL unit
                .toArray()), hex(body));
        assertEquals(-33, assertParses(body).compositionTimeMs());
    }

    @Test
    void positiveCompositionTimeIsBigEndian() {
        ByteBuf body = FlvVideoTagBody.avcNalUnits(ALLOC, false, 0x012345, List.of(SLICE));
        assertEquals("27 01 01 23 45 00 00 00 02 41 9a", hex(body));
    }

    @Test
    void endOfSequenceIsFiveBytes() {
        assertEquals("17 02 00 00 00", hex(FlvVideoTagBody.avcEndOfSequence(ALLOC)));
    }

    @Test
    void parseReturnsTheFieldsAndNalUnitsThatWereWritten() throws Exception {
        FlvVideoTagInfo key = assertParses(FlvVideoTagBody.avcNalUnits(ALLOC, true, 66, List.of(SEI, IDR)));
        assertTrue(key.keyframe());
        assertEquals(7, key.codecId());
        assertEquals(FlvVideoTagInfo.AVC_NALU, key.avcPacketType());
        assertEquals(66, key.compositionTimeMs());
        assertEquals(2, key.nalUnits().size());
        assertArrayEquals(SEI, key.nalUnits().get(0));
        assertArrayEquals(IDR, key.nalUnits().get(1));
        assertNull(key.decoderConfigurationRecord());

        FlvVideoTagInfo seq = assertParses(FlvVideoTagBody.avcSequenceHeader(ALLOC, RECORD));
        assertEquals(FlvVideoTagInfo.AVC_SEQUENCE_HEADER, seq.avcPacketType());
        assertArrayEquals(RECORD, seq.decoderConfigurationRecord());

        FlvVideoTagInfo end = assertParses(FlvVideoTagBody.avcEndOfSequence(ALLOC));
        assertEquals(FlvVideoTagInfo.AVC_END_OF_SEQUENCE, end.avcPacketType());
    }

    private static FlvVideoTagInfo assertParses(ByteBuf body) {
        int reader = body.readerIndex();
        try {
            return FlvVideoTagBody.parse(body);
        } catch (FlvFormatException e) {
            throw new AssertionError(e);
        } finally {
            assertEquals(reader, body.readerIndex(), "parse does not move the reader index");
            body.release();
        }
    }

    @Test
    void parseRejectsMalformedBodiesWithAClearMessage() {
        assertParseError("", "empty");
        assertParseError("17 01 00", "3 bytes (expected at least 5)");
        assertParseError("12 01 000000", "CodecID is 2 (expected 7, AVC)");
        assertParseError("90 61766331", "Enhanced RTMP ExHeader");
        assertParseError("17 05 000000", "AVCPacketType is 5");
        assertParseError("17 01 000000 0000", "cut off: 2 bytes remain");
        assertParseError("17 01 000000 00000009 65 88", "declares 9 bytes but 2 remain");
        assertParseError("17 01 000000 FFFFFFFF 65", "declares 4294967295 bytes but 1 remain");
    }

    private static void assertParseError(String hex, String expected) {
        ByteBuf in = Unpooled.wrappedBuffer(new WireBytes().hex(hex).toArray());
        FlvFormatException e = assertThrows(FlvFormatException.class, () -> FlvVideoTagBody.parse(in));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void builderRejectsBadArgumentsNamingTheAllowedRange() {
        assertMessage(() -> FlvVideoTagBody.avcNalUnits(ALLOC, true, 1 << 23, List.of(IDR)),
                "8388608 ms (expected -8388608..8388607");
        assertMessage(() -> FlvVideoTagBody.avcNalUnits(ALLOC, true, 0, List.of()), "0 NAL units (expected at least 1)");
        assertMessage(() -> FlvVideoTagBody.avcNalUnits(ALLOC, true, 0, List.of(IDR, new byte[0])), "NAL unit 1 is empty");
        assertMessage(() -> FlvVideoTagBody.avcNalUnits(ALLOC, true, 0, List.of(new byte[0xFFFFFF])),
                "16777224 bytes (expected at most 16777215");
        assertMessage(() -> FlvVideoTagBody.avcSequenceHeader(ALLOC, new byte[] {0x67, 1, 2, 3, 4, 5, 6}),
                "starting with 0x67 (expected at least 7 bytes starting with configurationVersion 0x01)");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
