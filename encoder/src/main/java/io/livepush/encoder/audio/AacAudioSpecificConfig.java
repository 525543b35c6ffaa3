package io.livepush.encoder.audio;

import java.util.Arrays;

/**
 * The MPEG-4 AudioSpecificConfig for AAC-LC (ISO/IEC 14496-3 1.6.2.1), the 2-byte decoder
 * configuration sent as the FLV AAC sequence header ({@code 0xAF 0x00} + these bytes):
 *
 * <pre>
 * audioObjectType         5 bits  2 = AAC LC
 * samplingFrequencyIndex  4 bits  1.6.3.4: 3 = 48000, 4 = 44100, ...
 * channelConfiguration    4 bits  1 = mono, 2 = stereo
 * GASpecificConfig        3 bits  frameLengthFlag 0 (1024 samples), dependsOnCoreCoder 0,
 *                                 extensionFlag 0
 * </pre>
 *
 * 48 kHz stereo is {@code 0x11 0x90}; 44.1 kHz mono is {@code 0x12 0x08}.
 *
 * @param audioObjectType 1..30 (2 = AAC LC)
 * @param sampleRate a rate from the sampling frequency table (1.6.3.4)
 * @param channelConfiguration 1..7
 */
public record AacAudioSpecificConfig(int audioObjectType, int sampleRate, int channelConfiguration) {
    /** ISO/IEC 14496-3 1.6.3.4 samplingFrequencyIndex 0..12; 13, 14 reserved, 15 explicit. */
    private static final int[] FREQUENCIES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};

    /**
     * Validates at once.
     *
     * @param audioObjectType 1..30
     * @param sampleRate a rate from the sampling frequency table
     * @param channelConfiguration 1..7
     */
    public AacAudioSpecificConfig {
        if (audioObjectType < 1 || audioObjectType > 30) {
            throw new IllegalArgumentException("audio object type " + audioObjectType + " is not allowed (expected 1..30)");
        }
        frequencyIndex(sampleRate);
        if (channelConfiguration < 1 || channelConfiguration > 7) {
            throw new IllegalArgumentException("channel configuration " + channelConfiguration + " is not allowed (expected 1..7)");
        }
    }

    /**
     * @param sampleRate e.g. 48000
     * @param channels 1 or 2
     * @return the AAC-LC configuration for that format
     */
    public static AacAudioSpecificConfig aacLc(int sampleRate, int channels) {
        return new AacAudioSpecificConfig(AudioCodec.AAC_LC.audioObjectType(), sampleRate, channels);
    }

    /**
     * @param sampleRate a rate from the table in ISO/IEC 14496-3 1.6.3.4
     * @return its samplingFrequencyIndex, 0..12
     * @throws IllegalArgumentException for any other rate, naming the allowed ones
     */
    public static int frequencyIndex(int sampleRate) {
        for (int i = 0; i < FREQUENCIES.length; i++) {
            if (FREQUENCIES[i] == sampleRate) {
                return i;
            }
        }
        throw new IllegalArgumentException("sample rate " + sampleRate + " Hz has no AAC sampling frequency index (expected one of "
                + Arrays.toString(FREQUENCIES) + ")");
    }

    /** @return the 2 bytes: object type, frequency index, channel configuration, 3 zero bits */
    public byte[] toBytes() {
        int bits = audioObjectType << 11 | frequencyIndex(sampleRate) << 7 | channelConfiguration << 3;
        return new byte[] {(byte) (bits >>> 8), (byte) bits};
    }

    /**
     * Parses an AudioSpecificConfig with a 5-bit object type and a table sampling frequency index
     * (the 2-byte form every AAC-LC stream uses).
     *
     * @param bytes at least 2 bytes
     * @return the parsed fields
     * @throws IllegalArgumentException when the bytes are too short, use an escape (object type 31,
     *     frequency index 15) or a reserved value; the message says which
     */
    public static AacAudioSpecificConfig parse(byte[] bytes) {
        if (bytes == null || bytes.length < 2) {
            throw new IllegalArgumentException("AudioSpecificConfig is " + (bytes == null ? "null" : bytes.length + " bytes")
                    + " (expected at least 2)");
        }
        int bits = (bytes[0] & 0xFF) << 8 | (bytes[1] & 0xFF);
        int objectType = bits >>> 11;
        int frequencyIndex = (bits >>> 7) & 0x0F;
        int channels = (bits >>> 3) & 0x0F;
        if (objectType == 0 || objectType == 31) {
            throw new IllegalArgumentException("AudioSpecificConfig audio object type " + objectType
                    + " is not supported (expected 1..30)");
        }
        if (frequencyIndex >= FREQUENCIES.length) {
            throw new IllegalArgumentException("AudioSpecificConfig sampling frequency index " + frequencyIndex
                    + " is not supported (expected 0.." + (FREQUENCIES.length - 1) + ")");
        }
        if (channels == 0 || channels > 7) {
            throw new IllegalArgumentException("AudioSpecificConfig channel configuration " + channels
                    + " is not supported (expected 1..7)");
        }
        return new AacAudioSpecificConfig(objectType, FREQUENCIES[frequencyIndex], channels);
    }
}
