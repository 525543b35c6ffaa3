package io.livepush.publisher.flv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.publisher.amf.WireBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** AAC AUDIODATA bodies (FLV v10.1 E.4.2.1), byte for byte. */
class FlvAudioTagBodyTest {

    @Test
    void headerByteIsAacAt44kHz16BitStereoAsTheSpecRequires() {
        // SoundFormat 10 (1010) | SoundRate 3 (11) | SoundSize 1 (1) | SoundType 1 (1) = 1010 1111
        assertEquals(0xAF, FlvAudioTagBody.AAC_HEADER_BYTE);
    }

    @Test
    void sequenceHeaderCarriesTheAudioSpecificConfig() throws Exception {
        // AAC-LC (objectType 2 = 00010), 48 kHz (index 3 = 0011), stereo (channel config 2 = 0010), 000
        byte[] asc = {0x11, (byte) 0x90};
        ByteBuf body = FlvAudioTagBody.aacSequenceHeader(UnpooledByteBufAllocator.DEFAULT, asc);
        assertEquals(WireBytes.hexOf(new WireBytes()
                .hex("AF")      // AAC, 44 kHz, 16-bit, stereo
                .hex("00")      // AACPacketType 0: AudioSpecificConfig
                .hex("1190")    // the config
                .toArray()), WireBytes.hexOf(WireBytes.of(body)));
        FlvAudioTagInfo info = FlvAudioTagBody.parse(body);
        assertEquals(FlvAudioTagInfo.AAC_SEQUENCE_HEADER, info.aacPacketType());
        assertArrayEquals(asc, info.data());
        body.release();
    }

    @Test
    void rawFrameFollowsPacketTypeOne() throws Exception {
        byte[] frame = {0x21, 0x10, 0x04, 0x60, (byte) 0x8C, 0x1C};
        ByteBuf body = FlvAudioTagBody.aacRaw(UnpooledByteBufAllocator.DEFAULT, frame);
        assertEquals("af 01 21 10 04 60 8c 1c", WireBytes.hexOf(WireBytes.of(body)));
        assertEquals(8, body.capacity());
        FlvAudioTagInfo info = FlvAudioTagBody.parse(body);
        assertEquals(FlvAudioTagInfo.AAC_RAW, info.aacPacketType());
        assertArrayEquals(frame, info.data());
        body.release();
    }

    @Test
    void badArgumentsAndBodiesAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FlvAudioTagBody.aacSequenceHeader(UnpooledByteBufAllocator.DEFAULT, new byte[1]))
                .getMessage().contains("1 bytes (expected at least 2)"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> FlvAudioTagBody.aacRaw(UnpooledByteBufAllocator.DEFAULT, new byte[0]))
                .getMessage().contains("0 bytes (expected 1.."));
        assertTrue(assertThrows(FlvFormatException.class,
                () -> FlvAudioTagBody.parse(Unpooled.wrappedBuffer(new byte[] {0x2F, 0x01})))
                .getMessage().contains("SoundFormat is 2 (expected 10, AAC)"));
        assertTrue(assertThrows(FlvFormatException.class,
                () -> FlvAudioTagBody.parse(Unpooled.wrappedBuffer(new byte[] {(byte) 0xAF})))
                .getMessage().contains("1 bytes (expected at least 2"));
        assertTrue(assertThrows(FlvFormatException.class,
                () -> FlvAudioTagBody.parse(Unpooled.wrappedBuffer(new byte[] {(byte) 0xAF, 2})))
                .getMessage().contains("AACPacketType is 2"));
    }
}
