package io.livepush.encoder.javaaac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFrame;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.encoder.audio.EncodedAudioFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reads the headers of the encoder's raw data blocks (ISO/IEC 14496-3 4.4.2.1/4.4.2.7) to check
 * the choices it makes: block switching around a transient and per-band M/S on stereo.
 */
class JavaAacBitstreamTest {
    @Test
    void aClickInASteadyToneGetsShortWindowsFramedByStartAndStopBlocks() {
        int rate = 48_000;
        short[] pcm = new short[rate];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (1000 * Math.sin(2 * Math.PI * 300 * i / rate));
        }
        Random random = new Random(1);
        int click = 10 * 1024 + 500;
        for (int i = click; i < click + 200; i++) {
            pcm[i] = (short) Math.max(-32768, Math.min(32767, pcm[i] + random.nextGaussian() * 15000));
        }
        List<EncodedAudioFrame> frames = encode(pcm, rate, 1, 96_000);
        List<WindowSequence> sequences = new ArrayList<>();
        for (EncodedAudioFrame f : frames) {
            BitReader r = new BitReader(f.data());
            assertEquals(0, r.read(3), "SCE");
            r.read(4 + 8 + 1);
            sequences.add(WindowSequence.values()[r.read(2)]);
        }
        // Block k's short windows cover input samples [1024 k - 1152, 1024 k): the click is in block 11,
        // frame 9 of the output (blocks 0 and 1 are priming and not sent).
        assertEquals(List.of(WindowSequence.ONLY_LONG, WindowSequence.ONLY_LONG, WindowSequence.LONG_START,
                WindowSequence.EIGHT_SHORT, WindowSequence.LONG_STOP, WindowSequence.ONLY_LONG), sequences.subList(6, 12),
                "all: " + sequences);
    }

    @Test
    void identicalChannelsUseMidSideAndUnrelatedNoiseStaysLeftRight() {
        int rate = 48_000;
        short[] same = TestSignals.music(rate, 2, rate);
        for (int i = 0; i < same.length; i += 2) {
            same[i + 1] = same[i];
        }
        short[] unrelated = new short[rate * 2];
        Random random = new Random(2);
        for (int i = 0; i < unrelated.length; i++) {
            unrelated[i] = (short) (random.nextGaussian() * 3000);
        }
        assertTrue(midSideBands(same) > 0.9, "share of bands coded M/S for L = R: " + midSideBands(same));
        assertTrue(midSideBands(unrelated) < 0.2, "share of bands coded M/S for unrelated noise: " + midSideBands(unrelated));
    }

    /** @return the share of coded long-block bands whose ms_used flag is set */
    private static double midSideBands(short[] pcm) {
        List<EncodedAudioFrame> frames = encode(pcm, 48_000, 2, 128_000);
        int ms = 0;
        int counted = 0;
        for (EncodedAudioFrame f : frames) {
            BitReader r = new BitReader(f.data());
            assertEquals(1, r.read(3), "CPE");
            r.read(4);
            assertEquals(1, r.read(1), "common_window");
            r.read(1);
            WindowSequence seq = WindowSequence.values()[r.read(2)];
            r.read(1);
            if (seq == WindowSequence.EIGHT_SHORT) {
                continue;
            }
            int maxSfb = r.read(6);
            r.read(1);
            int mask = r.read(2);
            assertTrue(mask == 0 || mask == 1, "ms_mask_present " + mask);
            for (int b = 0; b < maxSfb; b++) {
                ms += mask == 1 ? r.read(1) : 0;
            }
            counted += maxSfb;
        }
        return ms / (double) counted;
    }

    private static List<EncodedAudioFrame> encode(short[] pcm, int rate, int channels, int bitrate) {
        AudioEncoderConfig config = AudioEncoderConfig.builder().sampleRate(rate).channels(channels).bitrate(bitrate).build();
        try (JavaAacEncoder enc = new JavaAacEncoder(config)) {
            return enc.encode(new AudioFrame(pcm, rate, channels, 0));
        }
    }

    /** MSB-first reader over a frame. */
    private static final class BitReader {
        private final byte[] data;
        private int position;

        BitReader(byte[] data) {
            this.data = data;
        }

        int read(int bits) {
            int v = 0;
            for (int i = 0; i < bits; i++) {
                v = v << 1 | (data[position >>> 3] >>> (7 - (position & 7)) & 1);
                position++;
            }
            return v;
        }
    }
}
