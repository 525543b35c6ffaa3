package io.livepush.publisher.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.amf.Amf0EcmaArray;
import io.livepush.publisher.rtmp.chunk.RtmpChunkDecoder;
import io.livepush.publisher.rtmp.chunk.RtmpChunkEncoder;
import io.livepush.publisher.rtmp.message.AudioMessage;
import io.livepush.publisher.rtmp.message.CommandMessage;
import io.livepush.publisher.rtmp.message.DataMessage;
import io.livepush.publisher.rtmp.message.SetChunkSize;
import io.livepush.publisher.rtmp.message.VideoMessage;
import io.livepush.publisher.rtmp.message.WindowAcknowledgementSize;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The RTMP chunk decoder (Adobe RTMP 1.0 §5.3) against thousands of malformed, truncated and
 * huge-length streams derived from a valid one (extended timestamps, type-3 continuations, a chunk
 * size change): each ends in decoded messages or an {@code RtmpProtocolException}, never another
 * exception, a hang or unbounded memory. Longer: {@code -Dfuzz.iterations=1000000}.
 */
class ChunkDecoderFuzzTest {

    /** A valid client stream: Set Chunk Size, a command, metadata, media with an extended timestamp. */
    static byte[] sample() {
        EmbeddedChannel enc = new EmbeddedChannel(new RtmpChunkEncoder());
        ByteBufAllocator a = ByteBufAllocator.DEFAULT;
        enc.writeOutbound(new WindowAcknowledgementSize(2_500_000).toMessage(a));
        enc.writeOutbound(CommandMessage.of("connect", 1, Map.of("app", "live", "tcUrl", "rtmp://h/live")).toMessage(a, 0));
        enc.writeOutbound(DataMessage.setDataFrameOnMetaData(new Amf0EcmaArray(Map.of("width", 1280.0))).toMessage(a, 0, 1));
        enc.writeOutbound(VideoMessage.create(0x1234567L, 1, Unpooled.wrappedBuffer(new byte[300])));
        enc.writeOutbound(AudioMessage.create(0x1234580L, 1, Unpooled.wrappedBuffer(new byte[40])));
        enc.writeOutbound(new SetChunkSize(4096).toMessage(a));
        enc.writeOutbound(VideoMessage.create(0x1234590L, 1, Unpooled.wrappedBuffer(new byte[5000])));
        ByteBuf all = Unpooled.buffer();
        ByteBuf b;
        while ((b = enc.readOutbound()) != null) {
            all.writeBytes(b);
            b.release();
        }
        enc.finishAndReleaseAll();
        return ByteBufUtil.getBytes(all);
    }

    @Test
    void malformedTruncatedAndHugeLengthStreamsGiveProtocolErrorsOnly() {
        long seed = FuzzInputs.seed();
        FuzzInputs fuzz = new FuzzInputs(seed);
        byte[] sample = sample();
        int[] refused = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < FuzzInputs.iterations(); i++) {
                byte[] input = fuzz.mutate(sample);
                EmbeddedChannel ch = new EmbeddedChannel(new RtmpChunkDecoder());
                try {
                    for (byte[] piece : fuzz.split(input)) {
                        ch.writeInbound(Unpooled.wrappedBuffer(piece));
                    }
                } catch (Throwable t) {
                    refused[0]++;
                    DecoderOutcome.requireProtocolError(t, "RtmpChunkDecoder", seed, i, input);
                } finally {
                    Object m;
                    while ((m = ch.readInbound()) != null) {
                        ReferenceCountUtil.release(m);
                    }
                    try {
                        ch.finishAndReleaseAll();
                    } catch (Throwable t) {
                        DecoderOutcome.requireProtocolError(t, "RtmpChunkDecoder", seed, i, input);
                    }
                }
            }
        });
        assertTrue(refused[0] > 0, "the mutations never produced a refused stream: the fuzzer tests nothing");
    }

    @Test
    void headersAnnouncingHugeMessagesOnManyChunkStreamsAllocateOnlyWhatArrives() {
        EmbeddedChannel ch = new EmbeddedChannel(new RtmpChunkDecoder());
        ByteBuf in = Unpooled.buffer();
        // 2000 chunk streams (3-byte basic headers, csid 64+i), each starting a 16 MiB - 1 video message with
        // its first chunk (128 bytes, the default chunk size).
        for (int i = 0; i < 2000; i++) {
            in.writeByte(0x01); // fmt 0, csid in the next two bytes
            in.writeShortLE(i);
            in.writeMedium(0).writeMedium(0xFFFFFF).writeByte(9).writeIntLE(1);
            in.writeZero(128);
        }
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        ch.writeInbound(in);
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - before < 512L * 1024 * 1024, "decoder held " + (after - before) + " bytes for 2000 announced messages");
        assertTrue(ch.isOpen(), "a legal (if greedy) stream is not refused");
        ch.finishAndReleaseAll();
    }
}
