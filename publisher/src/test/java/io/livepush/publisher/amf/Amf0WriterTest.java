package io.livepush.publisher.amf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Amf0Writer's handling of values it cannot write. */
class Amf0WriterTest {

    @Test
    void unsupportedTypeIsRejectedNamingTheJavaClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Amf0Writer.write(Unpooled.buffer(), new StringBuilder[0]));
        assertTrue(e.getMessage().contains("[Ljava.lang.StringBuilder;"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Amf0Writer.sizeOf(Map.of("k", new Object())));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
    }

    @Test
    void nothingIsWrittenWhenALaterValueIsRejected() {
        ByteBuf buf = Unpooled.buffer();
        assertThrows(IllegalArgumentException.class, () -> Amf0Writer.writeAll(buf, "ok", 1.0, Thread.currentThread()));
        assertEquals(0, buf.writerIndex());
    }

    @Test
    void aMapThatContainsItselfIsRejectedInsteadOfOverflowingTheStack() {
        Map<String, Object> loop = new HashMap<>();
        loop.put("self", loop);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Amf0Writer.write(Unpooled.buffer(), loop));
        assertTrue(e.getMessage().contains("deeper than 64"), e.getMessage());
    }

    @Test
    void nonStringEmptyOrOversizedKeysAreRejected() {
        Map<Object, Object> intKey = new LinkedHashMap<>();
        intKey.put(1, "v");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Amf0Writer.sizeOf(intKey))
                .getMessage().contains("java.lang.Integer (expected String)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Amf0Writer.sizeOf(Map.of("", 1)))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Amf0Writer.sizeOf(Map.of("k".repeat(65536), 1)))
                .getMessage().contains("65536 bytes of UTF-8 (expected at most 65535)"));
    }

    @Test
    void instantsBeyondEpochMillisecondsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Amf0Writer.sizeOf(Instant.MAX));
    }

    @Test
    void sizeOfMatchesWrittenBytesForANestedValue() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("list", List.of(1, "é", Map.of("x", Amf0Undefined.INSTANCE)));
        v.put("ecma", new Amf0EcmaArray(Map.of("k", "v")));
        ByteBuf buf = Unpooled.buffer();
        Amf0Writer.write(buf, v);
        assertEquals(buf.readableBytes(), Amf0Writer.sizeOf(v));
    }
}
