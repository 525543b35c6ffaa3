package io.livepush.encoder.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AacAudioSpecificConfigTest {
    @Test
    void aacLc48kHzStereoIs0x11_0x90() {
        // 00010 (AOT 2, AAC LC) | 0011 (index 3, 48000) | 0010 (2 channels) | 000 (GASpecificConfig)
        // = 0001 0001 1001 0000
        assertArrayEquals(new byte[] {0x11, (byte) 0x90}, AacAudioSpecificConfig.aacLc(48_000, 2).toBytes());
    }

    @Test
    void aacLc44100HzMonoIs0x12_0x08() {
        // 00010 (AOT 2) | 0100 (index 4, 44100) | 0001 (1 channel) | 000 = 0001 0010 0000 1000
        assertArrayEquals(new byte[] {0x12, 0x08}, AacAudioSpecificConfig.aacLc(44_100, 1).toBytes());
    }

    @ParameterizedTest(name = "{0} Hz {1} ch -> {2}")
    @CsvSource({"48000, 2, 1190", "48000, 1, 1188", "44100, 2, 1210", "44100, 1, 1208", "96000, 2, 1010",
        "8000, 1, 1588", "7350, 2, 1610"})
    void buildsAndParsesBackTheSameFields(int rate, int channels, String hex) {
        byte[] bytes = AacAudioSpecificConfig.aacLc(rate, channels).toBytes();
        assertEquals(hex, String.format("%02x%02x", bytes[0], bytes[1]));
        AacAudioSpecificConfig parsed = AacAudioSpecificConfig.parse(bytes);
        assertEquals(2, parsed.audioObjectType());
        assertEquals(rate, parsed.sampleRate());
        assertEquals(channels, parsed.channelConfiguration());
    }

    @Test
    void parsesOtherObjectTypesSuchAsHeAacSignalledAs5() {
        // 00101 (AOT 5, SBR) | 0110 (24000) | 0010 | 000 -> 0010 1011 0001 0000
        AacAudioSpecificConfig parsed = AacAudioSpecificConfig.parse(new byte[] {0x2B, 0x10});
        assertEquals(new AacAudioSpecificConfig(5, 24_000, 2), parsed);
    }

    @Test
    void rejectsARateWithoutAFrequencyIndexNamingTheTable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AacAudioSpecificConfig.aacLc(44_000, 2));
        assertEquals("sample rate 44000 Hz has no AAC sampling frequency index (expected one of [96000, 88200, 64000, "
                + "48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350])", e.getMessage());
    }

    @Test
    void rejectsShortOrEscapedOrReservedInput() {
        assertEquals("AudioSpecificConfig is 1 bytes (expected at least 2)",
                assertThrows(IllegalArgumentException.class, () -> AacAudioSpecificConfig.parse(new byte[] {0x11})).getMessage());
        // 11111 = escape to a 6-bit extended object type
        assertEquals("AudioSpecificConfig audio object type 31 is not supported (expected 1..30)",
                assertThrows(IllegalArgumentException.class,
                        () -> AacAudioSpecificConfig.parse(new byte[] {(byte) 0xF9, (byte) 0x90})).getMessage());
        // index 15 = explicit 24-bit frequency follows
        assertEquals("AudioSpecificConfig sampling frequency index 15 is not supported (expected 0..12)",
                assertThrows(IllegalArgumentException.class,
                        () -> AacAudioSpecificConfig.parse(new byte[] {0x17, (byte) 0x90})).getMessage());
        // channel configuration 0 = defined in a program_config_element
        assertEquals("AudioSpecificConfig channel configuration 0 is not supported (expected 1..7)",
                assertThrows(IllegalArgumentException.class,
                        () -> AacAudioSpecificConfig.parse(new byte[] {0x11, (byte) 0x80})).getMessage());
    }
}
