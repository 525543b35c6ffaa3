package io.livepush.encoder.audio.opus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFrame;
import io.livepush.encoder.audio.AudioCodec;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.encoder.audio.AudioEncoders;
import io.livepush.encoder.audio.EncodedAudioFrame;
import io.livepush.natives.opus.Opus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpusAudioEncoderTest {
    static final AudioEncoderConfig OPUS = AudioEncoderConfig.builder().codec(AudioCodec.OPUS).bitrate(96_000).build();

    @BeforeEach
    void needsLibopus() {
        Assumptions.assumeTrue(Opus.unavailableReason() == null, "libopus absent");
    }

    static short[] sine(long from, int count, double hz) {
        short[] s = new short[count * 2];
        for (int i = 0; i < count; i++) {
            short v = (short) Math.round(10_000 * Math.sin(2 * Math.PI * hz * (from + i) / 48_000));
            s[2 * i] = v;
            s[2 * i + 1] = v;
        }
        return s;
    }

    @Test
    void autoPicksOpusForTheOpusCodecAnd20MsPacketsAreStampedWithTheirFirstInputSample() {
        List<EncodedAudioFrame> out = new ArrayList<>();
        try (AudioEncoder enc = AudioEncoders.create("auto", OPUS)) {
            assertEquals("opus", enc.name());
            assertEquals(0, enc.codecDelaySamples(), "the pre-skip travels in the OpusHead instead");
            for (int b = 0; b < 50; b++) { // 1 s in 441-sample blocks with jittered timestamps
                long pts = 7_000_000L + b * 441L * 1_000_000L / 48_000 + (b % 2) * 300;
                out.addAll(enc.encode(new AudioFrame(sine(b * 441L, 441, 440), 48_000, 2, pts)));
            }
            assertEquals(50 * 441 / 960, out.size());
            for (int k = 0; k < out.size(); k++) {
                assertEquals(7_000_000L + k * 20_000L, out.get(k).ptsUs(), "packet " + k);
                assertEquals(960, out.get(k).samples());
            }
            List<EncodedAudioFrame> tail = enc.flush();
            int preSkip = ((OpusAudioEncoder) enc).preSkip();
            assertEquals(1 + (preSkip + 959) / 960, tail.size(), "the partial frame and the look-ahead");
        }
    }

    @Test
    void theBitrateSettingIsFollowed() {
        for (int bitrate : new int[] {64_000, 128_000, 256_000}) {
            long bytes = 0;
            int packets = 0;
            try (AudioEncoder enc = AudioEncoders.create("opus", OPUS.toBuilder().bitrate(bitrate).build())) {
                for (int i = 0; i < 150; i++) {
                    for (EncodedAudioFrame f : enc.encode(new AudioFrame(noiseAndTone(i * 960L), 48_000, 2, 0))) {
                        bytes += f.data().length;
                        packets++;
                    }
                }
            }
            double kbps = bytes * 8.0 / (packets * 0.020) / 1000;
            System.out.printf("opus at %d bps: %.1f kbps measured%n", bitrate, kbps);
            assertTrue(Math.abs(kbps - bitrate / 1000.0) < bitrate / 1000.0 * 0.2, bitrate + " bps gave " + kbps + " kbps");
        }
    }

    private static short[] noiseAndTone(long from) {
        short[] s = sine(from, 960, 440);
        java.util.Random r = new java.util.Random(from);
        for (int i = 0; i < s.length; i++) {
            s[i] += (short) r.nextInt(4000) - 2000;
        }
        return s;
    }

    @Test
    void theOpusHeadCarriesChannelsPreSkipAndRate() {
        try (OpusAudioEncoder enc = (OpusAudioEncoder) AudioEncoders.create("opus", OPUS)) {
            byte[] head = enc.audioSpecificConfig();
            int preSkip = enc.preSkip();
            assertTrue(preSkip > 0 && preSkip < 960, "pre-skip " + preSkip);
            assertArrayEquals(new byte[] {'O', 'p', 'u', 's', 'H', 'e', 'a', 'd', 1, 2, (byte) preSkip, (byte) (preSkip >> 8),
                    (byte) 0x80, (byte) 0xBB, 0, 0, 0, 0, 0}, head);
        }
    }

    @Test
    void badConfigurationsAndFramesAreRefusedNamingWhatIsAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AudioEncoderConfig.builder().codec(AudioCodec.OPUS).sampleRate(44_100).build());
        assertEquals("audio sample rate 44100 Hz is not allowed for OPUS (expected 48000)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AudioEncoders.create("vo-aacenc", OPUS));
        assertTrue(e.getMessage().contains("cannot encode OPUS"), e.getMessage());
        try (AudioEncoder enc = AudioEncoders.create("opus", OPUS)) {
            e = assertThrows(IllegalArgumentException.class, () -> enc.encode(new AudioFrame(new short[960], 48_000, 1, 0)));
            assertEquals("audio frame is 48000 Hz 1 ch but the encoder is configured for 48000 Hz 2 ch", e.getMessage());
            assertEquals(1, enc.encode(new AudioFrame(new short[960 * 2], 48_000, 2, 0)).size(), "still usable");
            enc.flush();
            assertThrows(IllegalStateException.class, () -> enc.encode(new AudioFrame(new short[2], 48_000, 2, 0)));
            enc.close();
            enc.close();
        }
    }
}
