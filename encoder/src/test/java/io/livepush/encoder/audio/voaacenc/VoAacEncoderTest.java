package io.livepush.encoder.audio.voaacenc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livepush.capture.AudioFrame;
import io.livepush.encoder.audio.AacFramingCheck;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.encoder.audio.AudioEncoders;
import io.livepush.encoder.audio.EncodedAudioFrame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vo-aacenc backend against the real library (skipped when libvo-aacenc0 is missing). */
class VoAacEncoderTest {
    @BeforeAll
    static void libraryPresent() {
        String reason = new VoAacEncProvider().unavailableReason();
        assumeTrue(reason == null, reason);
    }

    /** Interleaved sine, {@code count} samples per channel starting at sample {@code from}. */
    static short[] sine(int rate, int channels, long from, int count, double hz) {
        short[] s = new short[count * channels];
        for (int i = 0; i < count; i++) {
            short v = (short) Math.round(10_000 * Math.sin(2 * Math.PI * hz * (from + i) / rate));
            for (int c = 0; c < channels; c++) {
                s[i * channels + c] = v;
            }
        }
        return s;
    }

    @ParameterizedTest(name = "{0} Hz {1} ch in {2}-sample blocks")
    @CsvSource({"48000, 2, 960", "48000, 1, 441", "44100, 2, 1000", "44100, 1, 4096", "48000, 2, 1"})
    void emitsOneFramePer1024SamplesStampedWithTheInputSampleItDecodesTo(int rate, int channels, int block) {
        AacFramingCheck.check("vo-aacenc", VoAacEncoder.CODEC_DELAY_SAMPLES, VoAacEncoder.DRAIN_FRAMES, rate, channels, block);
    }

    @Test
    void averageFrameSizeFollowsTheBitrate() {
        for (int bitrate : new int[] {64_000, 128_000, 256_000}) {
            AudioEncoderConfig config = AudioEncoderConfig.builder().bitrate(bitrate).build();
            long bytes = 0;
            int frames = 0;
            try (AudioEncoder enc = AudioEncoders.create("vo-aacenc", config)) {
                for (int i = 0; i < 100; i++) { // ~2.1 s
                    for (EncodedAudioFrame f : enc.encode(new AudioFrame(sine(48_000, 2, i * 1024L, 1024, 1000), 48_000, 2, 0))) {
                        bytes += f.data().length;
                        frames++;
                    }
                }
            }
            double kbps = bytes * 8.0 / (frames * 1024 / 48_000.0) / 1000;
            assertTrue(Math.abs(kbps - bitrate / 1000.0) < bitrate / 1000.0 * 0.15, bitrate + " bps gave " + kbps + " kbps");
        }
    }

    @Test
    void audioSpecificConfigMatchesTheConfiguration() {
        try (AudioEncoder enc = AudioEncoders.create("vo-aacenc", AudioEncoderConfig.defaults())) {
            assertEquals("vo-aacenc", enc.name());
            assertArrayEquals(new byte[] {0x11, (byte) 0x90}, enc.audioSpecificConfig());
        }
        AudioEncoderConfig mono441 = AudioEncoderConfig.builder().sampleRate(44_100).channels(1).build();
        try (AudioEncoder enc = AudioEncoders.create("auto", mono441)) {
            assertEquals(mono441, enc.config());
            assertArrayEquals(new byte[] {0x12, 0x08}, enc.audioSpecificConfig());
        }
    }

    @Test
    void aFrameInAnotherFormatIsRejectedNamingBothFormats() {
        try (AudioEncoder enc = AudioEncoders.create("vo-aacenc", AudioEncoderConfig.defaults())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> enc.encode(new AudioFrame(new short[960], 44_100, 1, 0)));
            assertEquals("audio frame is 44100 Hz 1 ch but the encoder is configured for 48000 Hz 2 ch", e.getMessage());
            assertEquals(0, enc.encode(new AudioFrame(new short[960 * 2], 48_000, 2, 0)).size(), "still usable");
        }
    }

    @Test
    void flushEndsTheStreamAndCloseIsIdempotent() {
        AudioEncoder enc = AudioEncoders.create("vo-aacenc", AudioEncoderConfig.defaults());
        assertEquals(0, enc.flush().size(), "nothing was encoded, nothing to flush");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> enc.encode(new AudioFrame(new short[2048], 48_000, 2, 0)));
        assertEquals("cannot encode: the vo-aacenc encoder is flushed (expected open)", e.getMessage());
        enc.close();
        enc.close();
        assertEquals("cannot flush: the vo-aacenc encoder is closed (expected open)",
                assertThrows(IllegalStateException.class, enc::flush).getMessage());
    }

    @Test
    void manyEncodersOpenAndCloseWithoutCrashing() {
        for (int i = 0; i < 200; i++) {
            try (AudioEncoder enc = AudioEncoders.create("vo-aacenc", AudioEncoderConfig.defaults())) {
                assertEquals(1, enc.encode(new AudioFrame(sine(48_000, 2, 0, 3 * 1024, 440), 48_000, 2, 0)).size());
            }
        }
    }
}
