package io.livepush.publisher.flv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.amf.WireBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FlvReader: round trips with FlvWriter and clear errors on malformed files. */
class FlvReaderTest {
    private static final UnpooledByteBufAllocator ALLOC = UnpooledByteBufAllocator.DEFAULT;

    private static List<FlvTag> sampleTags() {
        List<FlvTag> tags = new ArrayList<>();
        FlvMetaData meta = FlvMetaData.builder().size(320, 240).frameRate(30).audio(48000, true, 64).build();
        tags.add(tag(FlvTagType.SCRIPT_DATA, 0, FlvScriptTagBody.onMetaData(ALLOC, meta.toEcmaArray())));
        tags.add(tag(FlvTagType.VIDEO, 0, FlvVideoTagBody.avcSequenceHeader(ALLOC,
                new byte[] {1, 0x42, 0, 0x1E, (byte) 0xFF, (byte) 0xE1, 0, 1, 0x67, 1, 0, 1, 0x68})));
        tags.add(tag(FlvTagType.AUDIO, 0, FlvAudioTagBody.aacSequenceHeader(ALLOC, new byte[] {0x11, (byte) 0x90})));
        tags.add(tag(FlvTagType.VIDEO, 33, FlvVideoTagBody.avcNalUnits(ALLOC, true, 0, List.of(new byte[] {0x65, 1}))));
        tags.add(tag(FlvTagType.AUDIO, 21, FlvAudioTagBody.aacRaw(ALLOC, new byte[] {0x21, 0x10})));
        tags.add(tag(FlvTagType.VIDEO, 0x1_0000_0000L - 1, FlvVideoTagBody.avcEndOfSequence(ALLOC)));
        return tags;
    }

    private static FlvTag tag(FlvTagType type, long ts, ByteBuf body) {
        try {
            return new FlvTag(type, ts, WireBytes.of(body));
        } finally {
            body.release();
        }
    }

    private static byte[] write(List<FlvTag> tags) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FlvWriter w = new FlvWriter(Channels.newChannel(out))) {
            w.writeHeader(true, true);
            for (FlvTag t : tags) {
                w.writeTag(t);
            }
        }
        return out.toByteArray();
    }

    private static List<FlvTag> readAll(byte[] file) throws Exception {
        List<FlvTag> tags = new ArrayList<>();
        try (FlvReader r = new FlvReader(new ByteArrayInputStream(file))) {
            for (FlvTag t = r.next(); t != null; t = r.next()) {
                tags.add(t);
            }
        }
        return tags;
    }

    @Test
    void readsBackEveryTagTheWriterWrote(@TempDir Path dir) throws Exception {
        List<FlvTag> tags = sampleTags();
        Path file = dir.resolve("round.flv");
        try (FlvWriter w = FlvWriter.open(file)) {
            w.writeHeader(true, false);
            for (FlvTag t : tags) {
                w.writeTag(t);
            }
        }
        try (FlvReader r = FlvReader.open(file)) {
            assertTrue(r.hasAudio());
            assertFalse(r.hasVideo());
            for (FlvTag t : tags) {
                assertEquals(t, r.next());
            }
            assertNull(r.next());
            assertNull(r.next(), "end stays the end");
        }
    }

    @Test
    void truncationAnywhereButATagBoundaryIsReported() throws Exception {
        byte[] file = write(sampleTags());
        List<Integer> boundaries = new ArrayList<>();
        int pos = 13;
        boundaries.add(pos);
        for (FlvTag t : sampleTags()) {
            pos += 11 + t.body().length + 4;
            boundaries.add(pos);
        }
        for (int len = 0; len < file.length; len++) {
            byte[] cut = Arrays.copyOf(file, len);
            if (boundaries.contains(len)) {
                assertEquals(boundaries.indexOf(len), readAll(cut).size(), "cut at tag boundary " + len);
            } else {
                FlvFormatException e = assertThrows(FlvFormatException.class, () -> readAll(cut), "cut at " + len);
                assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            }
        }
    }

    @Test
    void malformedFilesAreRejectedSayingWhatWasExpected() {
        String header = "464C56 01 05 00000009 00000000";
        assertError("464C57 01 05 00000009 00000000", "FLV signature is 46 4C 57 (expected 46 4C 56");
        assertError("464C56 02 05 00000009 00000000", "FLV version is 2 (expected 1)");
        assertError("464C56 01 05 00000008 00000000", "DataOffset is 8 (expected at least 9)");
        assertError("464C56 01 05 00000009 00000001", "PreviousTagSize0 is 1 (expected 0)");
        assertError(header + "07 000001 000000 00 000000 05 0000000C", "TagType 7 (expected 8 audio, 9 video or 18");
        assertError(header + "29 000001 000000 00 000000 05 0000000C", "Filter bit");
        assertError(header + "C9 000001 000000 00 000000 05 0000000C", "reserved bits");
        assertError(header + "09 000001 000000 00 000001 05 0000000C", "StreamID 1 (expected 0)");
        assertError(header + "09 000001 000000 00 000000 05 0000000D",
                "PreviousTagSize after the tag at offset 13 is 13 (expected 12 = 11 + DataSize)");
        assertError(header + "09 FFFFFF 000000 00 000000 05", "DataSize 16777215, but the file ends after 1 bytes");
    }

    @Test
    void extraHeaderBytesBeforeTheBodyAreSkipped() throws Exception {
        byte[] file = new WireBytes().hex("464C56 01 01 0000000B AAAA 00000000")   // DataOffset 11: 2 extra bytes
                .hex("09 000001 000007 00 000000 05 0000000C").toArray();
        assertEquals(List.of(new FlvTag(FlvTagType.VIDEO, 7, new byte[] {5})), readAll(file));
    }

    private static void assertError(String hex, String expected) {
        byte[] file = new WireBytes().hex(hex).toArray();
        FlvFormatException e = assertThrows(FlvFormatException.class, () -> readAll(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
