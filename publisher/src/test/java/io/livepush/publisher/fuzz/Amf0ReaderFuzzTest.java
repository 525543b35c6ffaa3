package io.livepush.publisher.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.amf.Amf0EcmaArray;
import io.livepush.publisher.amf.Amf0Exception;
import io.livepush.publisher.amf.Amf0Reader;
import io.livepush.publisher.amf.Amf0Writer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AMF0 reader against thousands of malformed, truncated and huge-length encodings derived from
 * a valid command (nested objects, an ECMA array, a strict array, a long string): each is read or
 * refused with an {@link Amf0Exception}, never another exception, a hang or an OOM.
 * Longer: {@code -Dfuzz.iterations=1000000}.
 */
class Amf0ReaderFuzzTest {

    static byte[] sample() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("level", "status");
        inner.put("code", "NetStream.Publish.Start");
        inner.put("nested", Map.of("deep", List.of(1.0, "two", true)));
        Amf0EcmaArray meta = new Amf0EcmaArray(Map.of("width", 1280.0, "stereo", true));
        ByteBuf out = Unpooled.buffer();
        Amf0Writer.writeAll(out, "onStatus", 0.0, null, inner, meta, List.of(1.0, 2.0), "x".repeat(70_000));
        return ByteBufUtil.getBytes(out);
    }

    @Test
    void malformedTruncatedAndHugeLengthValuesGiveAmf0ErrorsOnly() {
        long seed = FuzzInputs.seed();
        FuzzInputs fuzz = new FuzzInputs(seed ^ 0xA3F0);
        byte[] sample = sample();
        int[] refused = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < FuzzInputs.iterations(); i++) {
                byte[] input = fuzz.mutate(sample);
                try {
                    Amf0Reader.readAll(Unpooled.wrappedBuffer(input));
                } catch (Throwable t) {
                    refused[0]++;
                    DecoderOutcome.requireProtocolError(t, "Amf0Reader", seed, i, input);
                }
            }
        });
        assertTrue(refused[0] > 0, "the mutations never produced a refused value: the fuzzer tests nothing");
    }

    @Test
    void aStrictArrayAnnouncingFourBillionElementsIsRefusedWithoutAllocatingThem() {
        // 0x0A strict array, count 0xFFFFFFFF, then nothing.
        byte[] input = {0x0A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        try {
            Amf0Reader.readAll(Unpooled.wrappedBuffer(input));
        } catch (Throwable t) {
            DecoderOutcome.requireProtocolError(t, "Amf0Reader", 0, 0, input);
            return;
        }
        throw new AssertionError("an array of 4294967295 elements in 5 bytes was accepted");
    }
}
