package io.livepush.encoder.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.livepush.capture.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioEncoderConfigTest {
    @Test
    void defaultsAreAacLc48kHzStereo128kbps() {
        AudioEncoderConfig c = AudioEncoderConfig.defaults();
        assertEquals(AudioCodec.AAC_LC, c.codec());
        assertEquals(48_000, c.sampleRate());
        assertEquals(2, c.channels());
        assertEquals(128_000, c.bitrate());
        assertEquals(new AudioFormat(48_000, 2), c.audioFormat());
    }

    @Test
    void toBuilderMakesAVariantAndLeavesTheOriginalAlone() {
        AudioEncoderConfig c = AudioEncoderConfig.defaults();
        AudioEncoderConfig mono = c.toBuilder().channels(1).sampleRate(44_100).bitrate(96_000).build();
        assertEquals("AAC_LC 44100 Hz 1 ch 96000 bps", mono.toString());
        assertEquals(AudioEncoderConfig.defaults(), c);
        assertNotEquals(c, mono);
        assertEquals(mono, mono.toBuilder().build());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8000, 22_050, 32_000, 44_000, 96_000})
    void rejectsSampleRatesOtherThan44100And48000NamingTheAllowedOnes(int rate) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AudioEncoderConfig.builder().sampleRate(rate));
        assertEquals("audio sample rate " + rate + " Hz is not allowed (expected 44100 or 48000)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 3, 6})
    void rejectsChannelCountsOtherThanOneOrTwo(int channels) {
        assertEquals("audio channel count " + channels + " is not allowed (expected 1 or 2)",
                assertThrows(IllegalArgumentException.class, () -> AudioEncoderConfig.builder().channels(channels)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-128_000, 0, 63_999, 320_001, 1_000_000})
    void rejectsBitratesOutside64To320kbps(int bitrate) {
        assertEquals("audio bitrate " + bitrate + " bps is not allowed (expected 64000..320000)",
                assertThrows(IllegalArgumentException.class, () -> AudioEncoderConfig.builder().bitrate(bitrate)).getMessage());
    }

    @Test
    void acceptsTheBitrateBounds() {
        assertEquals(64_000, AudioEncoderConfig.builder().bitrate(64_000).build().bitrate());
        assertEquals(320_000, AudioEncoderConfig.builder().bitrate(320_000).build().bitrate());
    }

    @Test
    void rejectsAMonoBitrateAboveWhatAacLcFramesCanCarry() {
        // 6144 bits per channel per 1024 samples at 48 kHz = 288000 bps for mono.
        AudioEncoderConfig.Builder b = AudioEncoderConfig.builder().channels(1).bitrate(300_000);
        assertEquals("audio bitrate 300000 bps is too high for AAC-LC with 1 ch at 48000 Hz (expected at most 288000: "
                + "6144 bits per channel per 1024-sample frame)", assertThrows(IllegalArgumentException.class, b::build).getMessage());
        assertEquals(288_000, AudioEncoderConfig.builder().channels(1).bitrate(288_000).build().bitrate());
    }

    @Test
    void rejectsANullCodec() {
        assertEquals("audio codec is null (expected one of [AAC_LC, OPUS])",
                assertThrows(IllegalArgumentException.class, () -> AudioEncoderConfig.builder().codec(null)).getMessage());
    }
}
