package io.livepush.cohost.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeiDataMessageTest {
    @Test
    void encodesKindVersionBigEndianFrameNumberThenPayload() {
        byte[] wire = new SeiDataMessage(0x0102030405L, new byte[] {7, 8}).encode();
        assertArrayEquals(new byte[] {
            0x53, 0x01,                   // kind 'S', version 1
            0, 0, 0, 1, 2, 3, 4, 5,       // frame number 0x0102030405, big-endian
            7, 8},                        // payload
            wire);
        assertEquals(new SeiDataMessage(0x0102030405L, new byte[] {7, 8}), SeiDataMessage.decode(wire));
    }

    @Test
    void anUntaggedMessageCarriesMinusOne() {
        byte[] wire = new SeiDataMessage(-1, new byte[] {1}).encode();
        assertEquals(-1, SeiDataMessage.decode(wire).frameNumber());
        assertEquals((byte) 0xFF, wire[2]);
    }

    @Test
    void payloadsOutside1To255BytesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SeiDataMessage(0, new byte[256]));
        assertEquals("SEI payload is 256 bytes (expected 1..255)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SeiDataMessage(0, new byte[0]));
        assertEquals(255, SeiDataMessage.decode(new SeiDataMessage(0, new byte[255]).encode()).payload().length);
    }

    @Test
    void otherDataChannelBytesAreNotTakenForSei() {
        assertFalse(SeiDataMessage.matches("hello".getBytes()));
        assertTrue(SeiDataMessage.matches(new byte[] {0x53, 1}));
        assertThrows(IllegalArgumentException.class, () -> SeiDataMessage.decode(new byte[] {0x53, 1, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> SeiDataMessage.decode("hello world".getBytes()));
    }

    @Test
    void thePayloadIsCopiedInAndOut() {
        byte[] p = {1, 2};
        SeiDataMessage m = new SeiDataMessage(3, p);
        p[0] = 9;
        m.payload()[1] = 9;
        assertArrayEquals(new byte[] {1, 2}, m.payload());
    }
}
