package io.livepush.publisher.rtmp.chunk;

import static io.livepush.publisher.rtmp.chunk.Bytes.buf;
import static io.livepush.publisher.rtmp.chunk.Bytes.countingHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.livepush.publisher.rtmp.message.RtmpMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reassembly, limits and chunk-layer control of {@link RtmpChunkDecoder} (Adobe RTMP 1.0, §5.3, §5.4.1-2). */
class RtmpChunkDecoderTest {

    private static void assertMessage(RtmpMessage m, int csid, int type, long ts, int msid, String payloadHex) {
        try {
            assertEquals(csid, m.chunkStreamId(), "csid");
            assertEquals(type, m.typeId(), "type");
            assertEquals(ts, m.timestamp(), "timestamp");
            assertEquals(msid, m.messageStreamId(), "message stream id");
            assertEquals(payloadHex, ByteBufUtil.hexDump(m.payload()));
        } finally {
            m.release();
        }
    }

    @Test
    void interleavedChunkStreamsAreReassembledIntoTheirOwnMessages() {
        EmbeddedChannel ch = new EmbeddedChannel(new RtmpChunkDecoder());
        ch.writeInbound(buf("04 000010 0000c8 08 01000000" + countingHex(0, 128)   // audio, 200 bytes, first chunk
                + "06 000020 0000a0 09 01000000" + countingHex(100, 128)           // video, 160 bytes, first chunk
                + "c4" + countingHex(128, 72)                                      // audio continuation: complete
                + "c6" + countingHex(228, 32)));                                   // video continuation: complete
        assertMessage(ch.readInbound(), 4, 8, 0x10, 1, countingHex(0, 200));
        assertMessage(ch.readInbound(), 6, 9, 0x20, 1, countingHex(100, 160));
        assertNull(ch.readInbound());
        assertFalse(ch.finish());
    }

    @Test
    void setChunkSizeReceivedAppliesFromTheNextChunk() {
        RtmpChunkDecoder decoder = new RtmpChunkDecoder();
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        ch.writeInbound(buf("02 000000 000004 01 00000000 00000100"                 // Set Chunk Size 256
                + "06 000000 00012c 09 01000000" + countingHex(0, 256)             // 300 bytes: 256 ...
                + "c6" + countingHex(256, 44)));                                   // ... + 44
        assertMessage(ch.readInbound(), 2, 1, 0, 0, "00000100");
        assertEquals(256, decoder.chunkSize());
        assertMessage(ch.readInbound(), 6, 9, 0, 1, countingHex(0, 300));
        assertFalse(ch.finish());
    }

    @Test
    void truncatedInputWaitsWithoutErrorAndCompletesWhenTheRestArrives() {
        EmbeddedChannel ch = new EmbeddedChannel(new RtmpChunkDecoder());
        byte[] bytes = Bytes.hex("05 ffffff 000082 12 01000000 7fffffff" + countingHex(0, 128)
                + "c5 7fffffff" + countingHex(128, 2));
        for (int i = 0; i < bytes.length - 1; i++) {
            ch.writeInbound(Unpooled.wrappedBuffer(bytes, i, 1));
            assertNull(ch.readInbound(), "nothing before byte " + (i + 1) + " of " + bytes.length);
        }
        ch.writeInbound(Unpooled.wrappedBuffer(bytes, bytes.length - 1, 1));
        assertMessage(ch.readInbound(), 5, 18, 0x7fffffffL, 1, countingHex(0, 130));
        assertFalse(ch.finish());
    }

    @Test
    void type3ChunkStartingANewMessageAddsThePreviousDelta() {
        EmbeddedChannel ch = new EmbeddedChannel(new RtmpChunkDecoder());
        ch.writeInbound(buf("06 000064 000001 09 01000000 aa"    // ts 100
                + "86 000021 bb"                                  // type 2: +33 -> 133
                + "c6 cc"));                                      // type 3: +33 -> 166
        assertMessage(ch.readInbound(), 6, 9, 100, 1, "aa");
        assertMessage(ch.readInbound(), 6, 9, 133, 1, "bb");
        assertMessage(ch.readInbound(), 6, 9, 166, 1, "cc");
        assertFalse(ch.finish());
    }

    @Test
    void threeByteBasicHeaderIsReadLowByteFirst() {
        EmbeddedChannel ch = new EmbeddedChannel(new RtmpChunkDecoder());
        ch.writeInbound(buf("01 ffff 000000 000001 08 00000000 7f"));
        assertMessage(ch.readInbound(), 65599, 8, 0, 0, "7f");
        ch.writeInbound(buf("00 00 000005 000001 08 00000000 7e")); // 2-byte form, csid 64
        assertMessage(ch.readInbound(), 64, 8, 5, 0, "7e");
        ch.writeInbound(buf("40 00 000002 000001 08 7d"));          // type 1 on csid 64: +2 ms
        assertMessage(ch.readInbound(), 64, 8, 7, 0, "7d");
        assertFalse(ch.finish());
    }

    @Test
    void abortDropsThePartialMessageOfItsChunkStream() {
        EmbeddedChannel ch = new EmbeddedChannel(new RtmpChunkDecoder());
        ch.writeInbound(buf("06 000000 0000c8 09 01000000" + countingHex(0, 128)  // first half of 200 bytes
                + "02 000000 000004 02 00000000 00000006"                        // Abort csid 6
                + "06 000000 000001 09 01000000 ee"));                           // a fresh message on csid 6
        assertMessage(ch.readInbound(), 2, 2, 0, 0, "00000006");
        assertMessage(ch.readInbound(), 6, 9, 0, 1, "ee");
        assertFalse(ch.finish());
    }

    @Test
    void messageLongerThanTheLimitIsAProtocolErrorBeforeAnyPayloadIsBuffered() {
        EmbeddedChannel ch = new EmbeddedChannel(new RtmpChunkDecoder(1 << 20, 1 << 16));
        DecoderException e = assertThrows(DecoderException.class,
                () -> ch.writeInbound(buf("06 000000 ffffff 09 01000000")));
        RtmpProtocolException cause = assertInstanceOf(RtmpProtocolException.class, e.getCause());
        assertEquals("message length on chunk stream 6 is 16777215 bytes (expected 0..1048576)", cause.getMessage());
        ch.writeInbound(buf("06 000000 000001 09 01000000 ee"));
        assertNull(ch.readInbound(), "input after a protocol error is discarded");
        assertFalse(ch.finish());
    }

    @Test
    void chunkSizeAboveTheLimitIsAProtocolError() {
        EmbeddedChannel ch = new EmbeddedChannel(new RtmpChunkDecoder(1 << 20, 1 << 16));
        DecoderException e = assertThrows(DecoderException.class,
                () -> ch.writeInbound(buf("02 000000 000004 01 00000000 7fffffff")));
        assertEquals("Set Chunk Size is 2147483647 (expected 1..65536)", e.getCause().getMessage());
        assertFalse(ch.finish());
    }

    @Test
    void compressedHeaderOnAnUnknownChunkStreamIsAProtocolError() {
        EmbeddedChannel ch = new EmbeddedChannel(new RtmpChunkDecoder());
        DecoderException e = assertThrows(DecoderException.class, () -> ch.writeInbound(buf("47 000000 000001 09")));
        assertEquals("chunk type 1 on chunk stream 7 that has had no type-0 header (expected type 0 first)",
                e.getCause().getMessage());
        assertFalse(ch.finish());
    }

    @Test
    void whateverTheEncoderWritesTheDecoderReadsBackUnchanged() {
        Random random = new Random(42);
        EmbeddedChannel enc = new EmbeddedChannel(new RtmpChunkEncoder());
        EmbeddedChannel dec = new EmbeddedChannel(new RtmpChunkDecoder());
        List<long[]> sent = new ArrayList<>();
        long[] ts = {0xFFFF00L, 0xFFFFFFF0L};
        int[] lengths = {0, 0};
        for (int i = 0; i < 300; i++) {
            int track = random.nextInt(2);
            if (random.nextInt(3) > 0) {
                ts[track] += random.nextBoolean() ? 33 : random.nextInt(0x2000000);
                lengths[track] = random.nextInt(3) == 0 ? lengths[track] : random.nextInt(700);
            }
            long t = ts[track] & 0xFFFFFFFFL;
            int csid = track == 0 ? 6 : 330;
            byte[] payload = new byte[lengths[track]];
            random.nextBytes(payload);
            enc.writeOutbound(new RtmpMessage(csid, 8 + track, t, 1, Unpooled.wrappedBuffer(payload)));
            sent.add(new long[] {csid, 8 + track, t, java.util.Arrays.hashCode(payload)});
            ByteBuf wire;
            while ((wire = enc.readOutbound()) != null) {
                dec.writeInbound(wire);
            }
        }
        for (long[] s : sent) {
            RtmpMessage m = dec.readInbound();
            try {
                assertEquals(s[0], m.chunkStreamId());
                assertEquals(s[1], m.typeId());
                assertEquals(s[2], m.timestamp());
                assertEquals(s[3], java.util.Arrays.hashCode(ByteBufUtil.getBytes(m.payload())));
            } finally {
                m.release();
            }
        }
        assertTrue(dec.inboundMessages().isEmpty());
        assertFalse(enc.finish());
        assertFalse(dec.finish());
    }
}
