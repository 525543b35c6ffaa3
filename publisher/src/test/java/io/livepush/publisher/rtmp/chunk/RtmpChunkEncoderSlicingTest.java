package io.livepush.publisher.rtmp.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.rtmp.message.RtmpMessage;
import io.livepush.publisher.rtmp.message.SetChunkSize;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@link RtmpChunkEncoder} sends a large direct payload as slices (no copy) with exactly the bytes the copying path
 * writes, and every buffer it takes or makes is released with its output.
 */
class RtmpChunkEncoderSlicingTest {

    private static final ByteBufAllocator POOLED = PooledByteBufAllocator.DEFAULT;

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static ByteBuf direct(byte[] bytes) {
        ByteBuf b = POOLED.directBuffer(bytes.length);
        b.writeBytes(bytes);
        return b;
    }

    /** Runs messages through a fresh encoder; returns each output's bytes and whether it was a composite. */
    private static List<String> encode(int chunkSize, List<RtmpMessage> messages, List<Boolean> composite) {
        EmbeddedChannel channel = new EmbeddedChannel(new RtmpChunkEncoder());
        List<String> out = new ArrayList<>();
        if (chunkSize != SetChunkSize.DEFAULT_CHUNK_SIZE) {
            channel.writeOutbound(new SetChunkSize(chunkSize).toMessage(POOLED));
            ((ByteBuf) channel.readOutbound()).release();
        }
        for (RtmpMessage m : messages) {
            channel.writeOutbound(m);
            ByteBuf b = channel.readOutbound();
            composite.add(b instanceof CompositeByteBuf);
            out.add(ByteBufUtil.hexDump(b));
            b.release();
        }
        assertFalse(channel.finish());
        return out;
    }

    @ParameterizedTest(name = "{0} bytes at chunk size {1}, timestamps from {2}")
    @CsvSource({
            // payload, chunk size, first timestamp, sliced?
            "1023,   4096, 0,          false",  // below the slicing threshold: copied
            "1024,   4096, 0,          true",   // one chunk
            "4096,   4096, 0,          true",   // exactly one full chunk
            "4097,   4096, 0,          true",   // a 1-byte continuation chunk
            "150000, 4096, 0,          true",   // a keyframe: 37 chunks
            "150000, 4096, 16777215,   true",   // extended timestamps repeated on every continuation
            "32768,  128,  0,          true",   // 256 chunks: the most sent as slices
            "32769,  128,  0,          false",  // 257 chunks: copied (gathering writes take 1024 pieces)
            "5000,   128,  4294967290, true"    // type 0 then a wrap: extended then small deltas
    })
    void directPayloadGoesOutAsSlicesWithTheBytesOfTheCopyingPath(int size, int chunkSize, long ts0, boolean sliced) {
        // The same three messages on one chunk stream: type 0, then type 2 (same length, new delta), then type 3.
        long[] ts = {ts0, ts0 + 33, ts0 + 66};
        List<RtmpMessage> heap = new ArrayList<>();
        List<RtmpMessage> off = new ArrayList<>();
        for (int i = 0; i < ts.length; i++) {
            byte[] payload = random(size, i);
            heap.add(new RtmpMessage(6, 9, ts[i], 1, Unpooled.wrappedBuffer(payload)));
            off.add(new RtmpMessage(6, 9, ts[i], 1, direct(payload)));
        }
        List<Boolean> heapComposite = new ArrayList<>();
        List<Boolean> directComposite = new ArrayList<>();
        List<String> copied = encode(chunkSize, heap, heapComposite);
        List<String> slices = encode(chunkSize, off, directComposite);

        assertEquals(copied, slices);
        assertEquals(List.of(false, false, false), heapComposite, "heap payloads are copied");
        assertEquals(List.of(sliced, sliced, sliced), directComposite);
    }

    @Test
    void slicedOutputHoldsThePayloadUntilItIsReleasedAndThenFreesHeadersAndPayload() {
        EmbeddedChannel channel = new EmbeddedChannel(new RtmpChunkEncoder());
        ByteBuf payload = direct(random(1000, 7));
        payload.writeBytes(random(9000, 8)); // 10,000 bytes: 79 chunks of 128 bytes
        channel.writeOutbound(new RtmpMessage(6, 9, 0, 1, payload));
        CompositeByteBuf out = assertInstanceOf(CompositeByteBuf.class, channel.readOutbound());
        assertEquals(2 * 79, out.numComponents(), "a header and a payload slice per chunk");
        assertEquals(79, payload.refCnt(), "one reference per payload slice; the message's own is released");
        List<ByteBuf> roots = new ArrayList<>();
        for (int i = 0; i < out.numComponents(); i++) {
            roots.add(out.internalComponent(i).unwrap());
        }
        assertTrue(roots.stream().allMatch(b -> b.refCnt() > 0));

        out.release();

        assertEquals(0, payload.refCnt(), "payload freed with the last slice");
        assertTrue(roots.stream().allMatch(b -> b.refCnt() == 0), "header buffer and payload freed");
        assertFalse(channel.finish());
    }

    @Test
    void copiedOutputReleasesTheMessagePayloadAtOnce() {
        EmbeddedChannel channel = new EmbeddedChannel(new RtmpChunkEncoder());
        ByteBuf payload = Unpooled.wrappedBuffer(random(5000, 3));
        channel.writeOutbound(new RtmpMessage(6, 9, 0, 1, payload));
        ByteBuf out = channel.readOutbound();
        assertEquals(0, payload.refCnt());
        assertEquals(1 + 11 + 5000 + 39, out.readableBytes(), "basic + type 0 header, payload, 39 continuations");
        out.release();
        assertFalse(channel.finish());
    }
}
