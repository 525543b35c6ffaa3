package io.livepush.publisher.flv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.amf.WireBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FLV file layout (FLV v10.1 E.2, E.3, E.4.1), byte for byte. */
class FlvWriterTest {

    @Test
    void writesHeaderAndTagsByteForByte(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.flv");
        try (FlvWriter w = FlvWriter.open(file)) {
            w.writeHeader(true, true);
            w.writeTag(FlvTagType.SCRIPT_DATA, 0, Unpooled.wrappedBuffer(new byte[] {0x05}));
            w.writeTag(FlvTagType.VIDEO, 33, Unpooled.wrappedBuffer(new byte[] {0x27, 0x02, 0, 0, 0}));
            w.writeTag(FlvTagType.AUDIO, 0x12345678L, Unpooled.wrappedBuffer(new byte[] {(byte) 0xAF, 0x01, 0x21}));
        }
        byte[] want = new WireBytes()
                .hex("464C56")      // signature "FLV"
                .hex("01")          // version 1
                .hex("05")          // flags: audio (bit 2) | video (bit 0)
                .hex("00000009")    // DataOffset 9
                .hex("00000000")    // PreviousTagSize0
                .hex("12")          // TagType 18: script data
                .hex("000001")      //   DataSize 1
                .hex("000000")      //   Timestamp 0
                .hex("00")          //   TimestampExtended
                .hex("000000")      //   StreamID 0
                .hex("05")          //   body: AMF0 null
                .hex("0000000C")    // PreviousTagSize 11 + 1
                .hex("09")          // TagType 9: video
                .hex("000005")      //   DataSize 5
                .hex("000021")      //   Timestamp 33
                .hex("00")          //   TimestampExtended
                .hex("000000")      //   StreamID 0
                .hex("2702000000")  //   body
                .hex("00000010")    // PreviousTagSize 11 + 5
                .hex("08")          // TagType 8: audio
                .hex("000003")      //   DataSize 3
                .hex("345678")      //   Timestamp: lower 24 bits of 0x12345678
                .hex("12")          //   TimestampExtended: upper 8 bits
                .hex("000000")      //   StreamID 0
                .hex("AF0121")      //   body
                .hex("0000000E")    // PreviousTagSize 11 + 3
                .toArray();
        assertEquals(WireBytes.hexOf(want), WireBytes.hexOf(Files.readAllBytes(file)));
    }

    @Test
    void headerFlagsFollowTheStreams() throws Exception {
        assertEquals("46 4c 56 01 01 00 00 00 09 00 00 00 00", headerOf(false, true));
        assertEquals("46 4c 56 01 04 00 00 00 09 00 00 00 00", headerOf(true, false));
    }

    private static String headerOf(boolean audio, boolean video) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlvWriter w = new FlvWriter(Channels.newChannel(out))) {
            w.writeHeader(audio, video);
        }
        return WireBytes.hexOf(out.toByteArray());
    }

    @Test
    void theBodyIsNeitherReleasedNorMoved() throws Exception {
        ByteBuf body = Unpooled.buffer().writeBytes(new byte[] {9, 1, 2, 3}).skipBytes(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlvWriter w = new FlvWriter(Channels.newChannel(out))) {
            w.writeHeader(false, true);
            w.writeTag(FlvTagType.VIDEO, 0, body);
        }
        assertEquals(1, body.refCnt());
        assertEquals(1, body.readerIndex());
        assertEquals(13 + 11 + 3 + 4, out.size(), "only the readable bytes are written");
    }

    @Test
    void bodiesLargerThanTheStagingBufferAreWrittenWhole() throws Exception {
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlvWriter w = new FlvWriter(Channels.newChannel(out))) {
            w.writeHeader(false, true);
            w.writeTag(FlvTagType.VIDEO, 1, Unpooled.wrappedBuffer(new byte[] {1, 2}));
            w.writeTag(FlvTagType.VIDEO, 2, Unpooled.wrappedBuffer(big));
            w.writeTag(FlvTagType.VIDEO, 3, Unpooled.wrappedBuffer(new byte[] {3}));
            assertEquals(13 + 17 + (15 + big.length) + 16, w.bytesWritten());
        }
        try (FlvReader r = new FlvReader(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(2, r.next().body().length);
            assertEquals(new FlvTag(FlvTagType.VIDEO, 2, big), r.next());
            assertEquals(1, r.next().body().length);
            assertEquals(null, r.next());
        }
    }

    @Test
    void misuseIsRejected() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FlvWriter w = new FlvWriter(Channels.newChannel(out));
        ByteBuf one = Unpooled.wrappedBuffer(new byte[1]);
        assertTrue(assertThrows(IllegalStateException.class, () -> w.writeTag(FlvTagType.VIDEO, 0, one))
                .getMessage().contains("before the header"));
        w.writeHeader(false, true);
        assertThrows(IllegalStateException.class, () -> w.writeHeader(false, true));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> w.writeTag(FlvTagType.VIDEO, -1, one))
                .getMessage().contains("-1 ms (expected 0..4294967295)"));
        assertThrows(IllegalArgumentException.class, () -> w.writeTag(FlvTagType.VIDEO, 1L << 32, one));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> w.writeTag(FlvTagType.VIDEO, 0, Unpooled.wrappedBuffer(new byte[0x1000000])))
                .getMessage().contains("16777216 bytes (expected at most 16777215)"));
        w.close();
        w.close(); // idempotent
        assertEquals(13, out.size(), "rejected tags wrote nothing");
        assertThrows(IllegalStateException.class, () -> w.writeTag(FlvTagType.VIDEO, 0, one));
    }

    @Test
    void closeClosesTheChannelOnce() throws Exception {
        int[] closes = {0};
        WritableByteChannel ch = new WritableByteChannel() {
            private boolean open = true;

            @Override
            public int write(java.nio.ByteBuffer src) {
                int n = src.remaining();
                src.position(src.limit());
                return n;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                open = false;
                closes[0]++;
            }
        };
        FlvWriter w = new FlvWriter(ch);
        w.close();
        w.close();
        assertEquals(1, closes[0]);
    }
}
