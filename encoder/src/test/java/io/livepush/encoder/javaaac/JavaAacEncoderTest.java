package io.livepush.encoder.javaaac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFrame;
import io.livepush.encoder.audio.AudioCodec;
import io.livepush.encoder.audio.AacFramingCheck;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.encoder.audio.AudioEncoderProvider;
import io.livepush.encoder.audio.AudioEncoders;
import io.livepush.encoder.audio.EncodedAudioFrame;
import io.livepush.encoder.EncoderUnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The java backend against the same behaviour the vo-aacenc backend's tests check. */
class JavaAacEncoderTest {
    @ParameterizedTest(name = "{0} Hz {1} ch in {2}-sample blocks")
    @CsvSource({"48000, 2, 960", "48000, 1, 441", "44100, 2, 1000", "44100, 1, 4096", "48000, 2, 1"})
    void emitsOneFramePer1024SamplesStampedWithTheInputSampleItDecodesTo(int rate, int channels, int block) {
        AacFramingCheck.check("java", JavaAacEncoder.CODEC_DELAY_SAMPLES, JavaAacEncoder.DRAIN_FRAMES, rate, channels, block);
    }

    @ParameterizedTest(name = "{0} at {1} bps, {2} ch")
    @CsvSource({"music, 64000, 2", "music, 128000, 2", "music, 256000, 2", "speech, 64000, 1", "speech, 128000, 1",
        "noise, 128000, 2"})
    void averageFrameSizeFollowsTheBitrateAndNoFrameExceeds6144BitsPerChannel(String kind, int bitrate, int channels) {
        AudioEncoderConfig config = AudioEncoderConfig.builder().bitrate(bitrate).channels(channels).build();
        int count = 48_000 * 3;
        short[] signal = switch (kind) {
            case "music" -> TestSignals.music(48_000, channels, count);
            case "speech" -> TestSignals.speech(48_000, channels, count);
            default -> noise(channels, count);
        };
        long bytes = 0;
        int frames = 0;
        try (AudioEncoder enc = AudioEncoders.create("java", config)) {
            for (EncodedAudioFrame f : enc.encode(new AudioFrame(signal, 48_000, channels, 0))) {
                assertTrue(f.data().length * 8 <= 6144 * channels, "frame of " + f.data().length + " bytes");
                bytes += f.data().length;
                frames++;
            }
        }
        double kbps = bytes * 8.0 / (frames * 1024 / 48_000.0) / 1000;
        assertTrue(Math.abs(kbps - bitrate / 1000.0) < bitrate / 1000.0 * 0.1, bitrate + " bps gave " + kbps + " kbps");
    }

    private static short[] noise(int channels, int count) {
        java.util.Random r = new java.util.Random(3);
        short[] s = new short[count * channels];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (r.nextGaussian() * 6000);
        }
        return s;
    }

    @Test
    void audioSpecificConfigMatchesTheConfiguration() {
        try (AudioEncoder enc = AudioEncoders.create("java", AudioEncoderConfig.defaults())) {
            assertEquals("java", enc.name());
            assertEquals(1600, enc.codecDelaySamples());
            assertArrayEquals(new byte[] {0x11, (byte) 0x90}, enc.audioSpecificConfig());
        }
        AudioEncoderConfig mono441 = AudioEncoderConfig.builder().sampleRate(44_100).channels(1).build();
        try (AudioEncoder enc = AudioEncoders.create("java", mono441)) {
            assertEquals(mono441, enc.config());
            assertArrayEquals(new byte[] {0x12, 0x08}, enc.audioSpecificConfig());
        }
    }

    @Test
    void aFrameInAnotherFormatIsRejectedNamingBothFormatsAndTheEncoderStaysUsable() {
        try (AudioEncoder enc = AudioEncoders.create("java", AudioEncoderConfig.defaults())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> enc.encode(new AudioFrame(new short[960], 44_100, 1, 0)));
            assertEquals("audio frame is 44100 Hz 1 ch but the encoder is configured for 48000 Hz 2 ch", e.getMessage());
            assertEquals(0, enc.encode(new AudioFrame(new short[960 * 2], 48_000, 2, 0)).size(), "still usable");
            assertEquals(0, enc.encode(new AudioFrame(new short[64 * 2], 48_000, 2, 0)).size(), "frame 0: priming, dropped");
            assertEquals(1, enc.encode(new AudioFrame(new short[2048 * 2], 48_000, 2, 0)).size(), "frames 1 and 2: one sent");
        }
    }

    @Test
    void flushEndsTheStreamAndCloseIsIdempotent() {
        AudioEncoder enc = AudioEncoders.create("java", AudioEncoderConfig.defaults());
        assertEquals(0, enc.flush().size(), "nothing was encoded, nothing to flush");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> enc.encode(new AudioFrame(new short[2048], 48_000, 2, 0)));
        assertEquals("cannot encode: the java AAC encoder is flushed (expected open)", e.getMessage());
        enc.close();
        enc.close();
        assertEquals("cannot flush: the java AAC encoder is closed (expected open)",
                assertThrows(IllegalStateException.class, enc::flush).getMessage());
    }

    @Test
    void autoPrefersAHigherRankedBackendAndFallsBackToJavaWhenItCannotRun() {
        AudioEncoderProvider missingNative = new AudioEncoderProvider() {
            @Override public String name() { return "native-aac"; }
            @Override public int preference() { return 100; }
            @Override public boolean supports(AudioCodec codec) { return true; }
            @Override public String unavailableReason() { return "libnative not found"; }
            @Override public AudioEncoder open(AudioEncoderConfig config) { throw new EncoderUnavailableException("never"); }
        };
        JavaAacProvider java = new JavaAacProvider();
        assertEquals(10, java.preference());
        assertNull(java.unavailableReason());
        try (AudioEncoder enc = AudioEncoders.create("auto", AudioEncoderConfig.defaults(), List.of(java, missingNative))) {
            assertEquals("java", enc.name());
        }
        assertTrue(AudioEncoders.providers().stream().anyMatch(p -> p.name().equals("java")), "registered with ServiceLoader");
    }

    @Test
    void aMissingConfigIsRefusedNamingWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JavaAacProvider().open(null));
        assertEquals("audio encoder config is null (expected an AudioEncoderConfig)", e.getMessage());
        assertEquals(e.getMessage(), assertThrows(IllegalArgumentException.class, () -> new JavaAacEncoder(null)).getMessage());
    }

    @Test
    void aMissingFrameIsRefusedAndTheStreamGoesOn() {
        try (AudioEncoder enc = AudioEncoders.create("java", AudioEncoderConfig.defaults())) {
            assertEquals(0, enc.encode(new AudioFrame(new short[1024 * 2], 48_000, 2, 0)).size());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> enc.encode(null));
            assertEquals("audio frame is null (expected an AudioFrame of 48000 Hz 2 ch)", e.getMessage());
            assertEquals(1, enc.encode(new AudioFrame(new short[2048 * 2], 48_000, 2, 0)).size(), "frames 1 and 2: one sent");
        }
    }
}
