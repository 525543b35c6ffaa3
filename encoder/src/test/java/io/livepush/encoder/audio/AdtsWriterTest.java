package io.livepush.encoder.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The ADTS test helper writes the headers ffmpeg expects, so interop failures are the encoder's. */
class AdtsWriterTest {
    @Test
    void header48kHzStereoFor371ByteFrame() {
        // length 378 = 0b0_0001_0111_1010: 2 high bits 00, middle 8 bits 0010 1111, low 3 bits 010
        assertArrayEquals(new byte[] {
            (byte) 0xFF, (byte) 0xF1,  // sync, MPEG-4, layer 0, no CRC
            (byte) 0x4C,               // profile 01 (LC), freq 0011 (48000), private 0, ch high bit 0
            (byte) 0x80,               // ch low bits 10, 0000, length bits 12..11 = 00
            (byte) 0x2F,               // length bits 10..3
            (byte) 0x5F,               // length bits 2..0 = 010, fullness 11111
            (byte) 0xFC,               // fullness 111111, 00 = one raw data block
        }, AdtsWriter.header(AacAudioSpecificConfig.aacLc(48_000, 2), 371));
    }

    @Test
    void header44100HzMono() {
        // length 7 + 100 = 107 = 0b0000_0110_1011
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xF1, (byte) 0x50, (byte) 0x40, (byte) 0x0D, (byte) 0x7F, (byte) 0xFC},
                AdtsWriter.header(AacAudioSpecificConfig.aacLc(44_100, 1), 100));
    }
}
