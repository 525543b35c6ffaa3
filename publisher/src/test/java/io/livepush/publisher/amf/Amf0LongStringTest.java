package io.livepush.publisher.amf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The string / long string boundary (AMF0 sections 2.4 and 2.14): a u16 length holds up to 65535 bytes. */
class Amf0LongStringTest {

    @Test
    void stringOf65535BytesStaysAShortString() throws Exception {
        String s = "a".repeat(65535);
        ByteBuf buf = Unpooled.buffer();
        Amf0Writer.write(buf, s);
        assertEquals(1 + 2 + 65535, buf.readableBytes());
        assertEquals(0x02, buf.getUnsignedByte(0));      // marker: string
        assertEquals(0xFFFF, buf.getUnsignedShort(1));   // u16 length 65535
        assertEquals(s, Amf0Reader.read(buf));
    }

    @Test
    void stringOver65535BytesOfUtf8BecomesALongString() throws Exception {
        String s = "a".repeat(70000);
        ByteBuf buf = Unpooled.buffer();
        Amf0Writer.write(buf, s);
        assertEquals(1 + 4 + 70000, buf.readableBytes());
        assertEquals(0x0C, buf.getUnsignedByte(0));      // marker: long string
        assertEquals(70000, buf.getInt(1));              // u32 length
        assertEquals('a', buf.getByte(5));               // UTF-8 follows
        assertEquals(s, Amf0Reader.read(buf));
    }

    @Test
    void theBoundaryCountsUtf8BytesNotCharacters() throws Exception {
        String s = "é".repeat(40000); // 40000 chars, 80000 bytes of UTF-8
        ByteBuf buf = Unpooled.buffer();
        Amf0Writer.write(buf, s);
        assertEquals(0x0C, buf.getUnsignedByte(0));
        assertEquals(80000, buf.getInt(1));
        assertEquals(s, Amf0Reader.read(buf));
    }
}
