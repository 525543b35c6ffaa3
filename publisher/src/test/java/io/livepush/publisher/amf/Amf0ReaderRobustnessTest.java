package io.livepush.publisher.amf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Amf0Reader against hostile input: only Amf0Exception, never IndexOutOfBounds, OOM or stack overflow. */
class Amf0ReaderRobustnessTest {

    private static byte[] encode(Object... values) {
        ByteBuf buf = Unpooled.buffer();
        Amf0Writer.writeAll(buf, values);
        return WireBytes.of(buf);
    }

    private static byte[] sample() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("when", Instant.ofEpochMilli(42));
        inner.put("list", List.of(1.0, "two", Amf0Undefined.INSTANCE));
        Amf0EcmaArray ecma = new Amf0EcmaArray();
        ecma.put("inner", inner);
        return new WireBytes()
                .bytes(encode("onStatus", 0.0, null, ecma, new Amf0TypedObject("T", Map.of("b", true))))
                .hex("0C 00000005").ascii("hello") // a long string (the writer only uses 0x0C above 65535 bytes)
                .toArray();
    }

    @Test
    void truncationAtEveryOffsetOfAValidEncodingGivesAmf0Exception() {
        byte[] full = sample();
        for (int len = 1; len < full.length; len++) {
            ByteBuf cut = Unpooled.wrappedBuffer(Arrays.copyOf(full, len));
            try {
                List<Object> values = Amf0Reader.readAll(cut);
                // A cut exactly between two top-level values is a valid shorter sequence.
                assertTrue(values.size() < 6, "cut at " + len + " read all six values");
            } catch (Amf0Exception e) {
                assertEquals(0, cut.readerIndex(), "reader index restored after failure at cut " + len);
            }
        }
    }

    @Test
    void truncatedSingleValuesFailWithAMessageNamingTheOffset() {
        byte[] full = encode(Map.of("key", "value"));
        for (int len = 0; len < full.length; len++) {
            ByteBuf cut = Unpooled.wrappedBuffer(Arrays.copyOf(full, len));
            Amf0Exception e = assertThrows(Amf0Exception.class, () -> Amf0Reader.read(cut), "cut at " + len);
            assertTrue(e.getMessage().contains("offset"), e.getMessage());
        }
    }

    @Test
    void hugeDeclaredLengthsFailWithoutAllocating() {
        List<byte[]> inputs = List.of(
                new WireBytes().hex("0C FFFFFFFF").ascii("abc").toArray(),   // long string of 4 GiB - 1
                new WireBytes().hex("0C 7FFFFFFF").toArray(),                // long string of 2 GiB - 1
                new WireBytes().hex("02 FFFF").ascii("abc").toArray(),       // string of 65535 with 3 bytes
                new WireBytes().hex("0A FFFFFFFF 05 05").toArray(),          // strict array of 4 G elements
                new WireBytes().hex("0A 7FFFFFFF 05").toArray(),
                new WireBytes().hex("03 FFFF").ascii("k").toArray(),         // property key of 65535 bytes
                new WireBytes().hex("10 FFFF").toArray());                   // class name of 65535 bytes
        for (byte[] in : inputs) {
            Amf0Exception e = assertThrows(Amf0Exception.class, () -> Amf0Reader.read(Unpooled.wrappedBuffer(in)),
                    WireBytes.hexOf(in));
            assertTrue(e.getMessage().contains("remain"), e.getMessage());
        }
    }

    @Test
    void sixtyFourNestedContainersAreReadButSixtyFiveAreRejected() throws Exception {
        assertEquals(64, depthOf(Amf0Reader.read(Unpooled.wrappedBuffer(nestedArrays(64)))));
        Amf0Exception e = assertThrows(Amf0Exception.class,
                () -> Amf0Reader.read(Unpooled.wrappedBuffer(nestedArrays(65))));
        assertTrue(e.getMessage().contains("nests deeper than 64"), e.getMessage());
    }

    @Test
    void deepNestingOfAMillionObjectsFailsWithoutStackOverflow() {
        WireBytes deep = new WireBytes();
        for (int i = 0; i < 1_000_000; i++) {
            deep.hex("03 0001").ascii("k"); // object { k: object { k: ...
        }
        assertThrows(Amf0Exception.class, () -> Amf0Reader.read(Unpooled.wrappedBuffer(deep.toArray())));
    }

    private static byte[] nestedArrays(int levels) {
        WireBytes b = new WireBytes();
        for (int i = 0; i < levels; i++) {
            b.hex("0A 00000001"); // strict array of one element: the next array
        }
        return b.hex("05").toArray(); // innermost element: null
    }

    private static int depthOf(Object v) {
        int d = 0;
        while (v instanceof List<?> l) {
            d++;
            v = l.get(0);
        }
        return d;
    }

    @Test
    void unsupportedMarkersAreNamed() {
        assertMessage("11", "unsupported AMF0 type marker 0x11 (AMF3 switch)");
        assertMessage("0F 00000000", "unsupported AMF0 type marker 0x0F (XML document)");
        assertMessage("04", "unsupported AMF0 type marker 0x04 (movieclip, reserved)");
        assertMessage("0D", "unsupported AMF0 type marker 0x0D");
        assertMessage("0E", "unsupported AMF0 type marker 0x0E");
        assertMessage("42", "unknown AMF0 type marker 0x42 at offset 0 (expected 0x00..0x10)");
        assertMessage("09", "unexpected AMF0 object-end marker 0x09 at offset 0");
    }

    @Test
    void referencesToUnknownOrIncompleteObjectsAreRejected() {
        assertMessage("07 0000", "names object 0 (expected 0..-1");
        // object #0 whose property refers to object #0 itself: a cycle
        assertMessage("03 0001 61 07 0000 0000 09", "still being read");
    }

    @Test
    void datesOutsideTheEcmaScriptRangeAreRejected() {
        assertMessage("0B 7FF8000000000000 0000", "expected a finite value");   // NaN
        assertMessage("0B 7FF0000000000000 0000", "expected a finite value");   // +infinity
        assertMessage("0B 47EFFFFFE0000000 0000", "expected a finite value");   // 3.4e38
    }

    private static void assertMessage(String hex, String expected) {
        byte[] in = new WireBytes().hex(hex).toArray();
        Amf0Exception e = assertThrows(Amf0Exception.class, () -> Amf0Reader.read(Unpooled.wrappedBuffer(in)));
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
    }

    @Test
    void randomBytesAndMutationsOnlyEverRaiseAmf0Exception() {
        Random random = new Random(20240501L);
        byte[] valid = sample();
        for (int i = 0; i < 20_000; i++) {
            byte[] in;
            if (i % 2 == 0) {
                in = new byte[random.nextInt(64)];
                random.nextBytes(in);
                if (in.length > 0) {
                    in[0] = (byte) random.nextInt(0x12); // mostly valid markers, so parsing goes deeper
                }
            } else {
                in = valid.clone();
                for (int m = 0; m < 1 + random.nextInt(4); m++) {
                    in[random.nextInt(in.length)] = (byte) random.nextInt(256);
                }
            }
            try {
                Amf0Reader.readAll(Unpooled.wrappedBuffer(in));
            } catch (Amf0Exception expected) {
                // the only allowed failure
            } catch (RuntimeException | Error e) {
                fail("input " + WireBytes.hexOf(Arrays.copyOf(in, Math.min(in.length, 80))) + " raised " + e, e);
            }
        }
    }
}
