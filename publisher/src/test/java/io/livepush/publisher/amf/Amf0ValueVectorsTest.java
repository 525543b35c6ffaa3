package io.livepush.publisher.amf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Byte-exact vectors for each AMF0 type (AMF0 section 2), written and read back. */
class Amf0ValueVectorsTest {

    static Stream<Arguments> vectors() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("a", 1.0);
        object.put("b", "x");
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("k", true);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("o", inner);
        Amf0EcmaArray ecma = new Amf0EcmaArray();
        ecma.put("width", 320.0);
        ecma.put("stereo", false);
        Amf0TypedObject typed = new Amf0TypedObject("C");
        typed.put("n", null);
        return Stream.of(
                Arguments.of("number 1.0", 1.0, new WireBytes()
                        .hex("00")                      // marker: number
                        .hex("3FF0000000000000")),      // IEEE-754 double 1.0, big-endian
                Arguments.of("number -2.5", -2.5, new WireBytes()
                        .hex("00")                      // marker: number
                        .hex("C004000000000000")),      // -2.5
                Arguments.of("boolean true", true, new WireBytes()
                        .hex("01")                      // marker: boolean
                        .hex("01")),                    // true
                Arguments.of("boolean false", false, new WireBytes()
                        .hex("01")                      // marker: boolean
                        .hex("00")),                    // false
                Arguments.of("string", "live", new WireBytes()
                        .hex("02")                      // marker: string
                        .hex("0004")                    // u16 length
                        .ascii("live")),                // UTF-8
                Arguments.of("string with multi-byte UTF-8", "é", new WireBytes()
                        .hex("02")                      // marker: string
                        .hex("0002")                    // u16 length in bytes, not chars
                        .hex("C3A9")),                  // U+00E9 in UTF-8
                Arguments.of("empty string", "", new WireBytes()
                        .hex("02")                      // marker: string
                        .hex("0000")),                  // length 0
                Arguments.of("null", null, new WireBytes()
                        .hex("05")),                    // marker: null
                Arguments.of("undefined", Amf0Undefined.INSTANCE, new WireBytes()
                        .hex("06")),                    // marker: undefined
                Arguments.of("object", object, new WireBytes()
                        .hex("03")                      // marker: object
                        .hex("0001").ascii("a")         // key "a"
                        .hex("00 3FF0000000000000")     // number 1.0
                        .hex("0001").ascii("b")         // key "b"
                        .hex("02 0001").ascii("x")      // string "x"
                        .hex("0000 09")),               // empty key + object-end marker
                Arguments.of("nested object", nested, new WireBytes()
                        .hex("03")                      // marker: object
                        .hex("0001").ascii("o")         // key "o"
                        .hex("03")                      //   marker: object
                        .hex("0001").ascii("k")         //   key "k"
                        .hex("01 01")                   //   boolean true
                        .hex("0000 09")                 //   end of inner object
                        .hex("0000 09")),               // end of outer object
                Arguments.of("ECMA array", ecma, new WireBytes()
                        .hex("08")                      // marker: ECMA array
                        .hex("00000002")                // u32 associative-count
                        .hex("0005").ascii("width")     // key "width"
                        .hex("00 4074000000000000")     // number 320.0
                        .hex("0006").ascii("stereo")    // key "stereo"
                        .hex("01 00")                   // boolean false
                        .hex("0000 09")),               // empty key + object-end marker
                Arguments.of("strict array", new ArrayList<>(Arrays.asList(1.0, "a", null)), new WireBytes()
                        .hex("0A")                      // marker: strict array
                        .hex("00000003")                // u32 array-count
                        .hex("00 3FF0000000000000")     // number 1.0
                        .hex("02 0001").ascii("a")      // string "a"
                        .hex("05")),                    // null
                Arguments.of("date", Instant.ofEpochMilli(1_700_000_000_123L), new WireBytes()
                        .hex("0B")                      // marker: date
                        .hex("4278BCFE5687B000")        // 1700000000123.0 ms since the epoch
                        .hex("0000")),                  // time-zone, reserved 0
                Arguments.of("typed object", typed, new WireBytes()
                        .hex("10")                      // marker: typed object
                        .hex("0001").ascii("C")         // class name "C"
                        .hex("0001").ascii("n")         // key "n"
                        .hex("05")                      // null
                        .hex("0000 09")));              // object end
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void writesTheExactBytesAndReadsThemBack(String name, Object value, WireBytes expected) throws Exception {
        byte[] want = expected.toArray();
        ByteBuf buf = Unpooled.buffer();
        Amf0Writer.write(buf, value);
        assertEquals(WireBytes.hexOf(want), WireBytes.hexOf(WireBytes.of(buf)), name);
        assertEquals(want.length, Amf0Writer.sizeOf(value), "sizeOf " + name);

        Object back = Amf0Reader.read(Unpooled.wrappedBuffer(want));
        assertEquals(value, back, name);
        if (value != null) {
            assertEquals(value.getClass(), back.getClass(), "Java type of " + name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void readerConsumesExactlyOneValue(String name, Object value, WireBytes expected) throws Exception {
        ByteBuf buf = Unpooled.wrappedBuffer(new WireBytes().bytes(expected.toArray()).hex("05").toArray());
        Amf0Reader.read(buf);
        assertEquals(1, buf.readableBytes(), "the trailing null is left for the next read");
        assertEquals(null, Amf0Reader.read(buf));
        assertFalse(buf.isReadable());
    }

    @org.junit.jupiter.api.Test
    void anyJavaNumberIsWrittenAsADouble() throws Exception {
        for (Number n : List.<Number>of(7, 7L, (short) 7, (byte) 7, 7.0f, new java.math.BigDecimal("7"))) {
            ByteBuf buf = Unpooled.buffer();
            Amf0Writer.write(buf, n);
            assertEquals("00 40 1c 00 00 00 00 00 00", WireBytes.hexOf(WireBytes.of(buf)), n.getClass().getName());
        }
    }

    @org.junit.jupiter.api.Test
    void javaUtilDateIsWrittenAsAnAmf0DateAndReadAsInstant() throws Exception {
        ByteBuf buf = Unpooled.buffer();
        Amf0Writer.write(buf, new java.util.Date(1_700_000_000_123L));
        assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), Amf0Reader.read(buf));
    }

    @org.junit.jupiter.api.Test
    void readsAReferenceAsTheSameInstanceAsTheObjectItNames() throws Exception {
        byte[] bytes = new WireBytes()
                .hex("0A 00000002")                 // strict array of 2 (complex value #0)
                .hex("03")                          //   object (complex value #1)
                .hex("0001").ascii("a").hex("05")   //   a: null
                .hex("0000 09")                     //   end
                .hex("07 0001")                     //   reference to complex value #1
                .toArray();
        List<?> list = (List<?>) Amf0Reader.read(Unpooled.wrappedBuffer(bytes));
        assertInstanceOf(LinkedHashMap.class, list.get(0));
        assertEquals(true, list.get(0) == list.get(1), "same instance");
    }

    @org.junit.jupiter.api.Test
    void ecmaArrayCountIsOnlyAHint() throws Exception {
        byte[] bytes = new WireBytes()
                .hex("08 00000000")                     // ECMA array claiming 0 entries (as some encoders write)
                .hex("0001").ascii("a").hex("01 01")    // a: true
                .hex("0000 09")                         // end
                .toArray();
        Amf0EcmaArray expected = new Amf0EcmaArray();
        expected.put("a", true);
        assertEquals(expected, Amf0Reader.read(Unpooled.wrappedBuffer(bytes)));
    }
}
