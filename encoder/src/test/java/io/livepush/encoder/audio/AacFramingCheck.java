package io.livepush.encoder.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * The framing and timestamp behaviour every AAC-LC backend must show, checked against a real
 * backend by name: one raw frame (no ADTS) per 1024 input samples whatever the block size, frames
 * stamped with the first input sample they decode to (input timestamps after the first ignored),
 * the two priming frames dropped, and {@code flush()} draining the codec delay.
 */
public final class AacFramingCheck {
    private AacFramingCheck() {
    }

    /**
     * @param backend the provider name, e.g. {@code vo-aacenc}
     * @param codecDelaySamples the backend's decoder delay
     * @param drainFrames the silent frames its flush adds
     */
    public static void check(String backend, int codecDelaySamples, int drainFrames, int rate, int channels, int block) {
        AudioEncoderConfig config = AudioEncoderConfig.builder().sampleRate(rate).channels(channels).bitrate(96_000).build();
        long firstPts = 5_000_123L;
        int blocks = (int) Math.ceil(20_480.0 / block); // at least 20 frames of input
        List<EncodedAudioFrame> out = new ArrayList<>();
        try (AudioEncoder enc = AudioEncoders.create(backend, config)) {
            assertEquals(codecDelaySamples, enc.codecDelaySamples());
            long sample = 0;
            for (int b = 0; b < blocks; b++) {
                // Jittered input timestamps: output timestamps must ignore them.
                long jitter = (b % 3) * 700L;
                long pts = firstPts + sample * 1_000_000L / rate + (b == 0 ? 0 : jitter);
                List<EncodedAudioFrame> got = enc.encode(new AudioFrame(sine(rate, channels, sample, block), rate, channels, pts));
                sample += block;
                // Frames 0 and 1 decode to priming before the first input sample and are dropped.
                assertEquals(Math.max(0, sample / 1024 - 2) - out.size(), got.size(), "frames completed by block " + b);
                out.addAll(got);
            }
            assertEquals(sample / 1024 - 2, out.size());
            for (int k = 0; k < out.size(); k++) {
                EncodedAudioFrame f = out.get(k);
                // Output frame k + 2 decodes to input samples from (k + 2) * 1024 - delay on.
                long firstSample = (k + 2) * 1024L - codecDelaySamples;
                assertEquals(firstPts + Math.round(firstSample * 1e6 / rate), f.ptsUs(), "pts of frame " + k);
                assertEquals(1024, f.samples());
                assertTrue(f.data().length > 0 && f.data().length <= 768 * channels, "frame " + k + " size " + f.data().length);
                // Raw AAC: no ADTS syncword 0xFFF at the start.
                assertTrue(!((f.data()[0] & 0xFF) == 0xFF && (f.data()[1] & 0xF0) == 0xF0), "frame " + k + " starts with ADTS");
            }
            long leftover = sample % 1024;
            List<EncodedAudioFrame> tail = enc.flush();
            assertEquals((leftover > 0 ? 1 : 0) + drainFrames, tail.size(), "frames from flush");
            for (int i = 0; i < tail.size(); i++) {
                long firstSample = (out.size() + 2 + i) * 1024L - codecDelaySamples;
                assertEquals(firstPts + Math.round(firstSample * 1e6 / rate), tail.get(i).ptsUs());
            }
        }
    }

    private static short[] sine(int rate, int channels, long from, int count) {
        short[] s = new short[count * channels];
        for (int i = 0; i < count; i++) {
            short v = (short) Math.round(10_000 * Math.sin(2 * Math.PI * 440 * (from + i) / rate));
            for (int c = 0; c < channels; c++) {
                s[i * channels + c] = v;
            }
        }
        return s;
    }
}
