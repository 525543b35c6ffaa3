package io.livepush.encoder.audio.voaacenc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFrame;
import io.livepush.capture.testing.Interop;
import io.livepush.capture.testing.PeerProcess;
import io.livepush.encoder.audio.AacAudioSpecificConfig;
import io.livepush.encoder.audio.AdtsWriter;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.AudioEncoderConfig;
import io.livepush.encoder.audio.AudioEncoders;
import io.livepush.encoder.audio.EncodedAudioFrame;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vo-aacenc output read by an independent decoder: 5 s of a 440 Hz sine, 48 kHz stereo, encoded in
 * 960-sample blocks at 128 kbps, wrapped in ADTS, decoded by ffmpeg. Prints the SNR next to
 * ffmpeg's own {@code aac} encoder on the same input.
 */
class VoAacEncFfmpegIT {
    private static final int RATE = 48_000;
    private static final int CHANNELS = 2;
    private static final double TONE_HZ = 440;
    private static final int SECONDS = 5;

    @TempDir
    Path dir;
    private String ffmpeg;

    @BeforeEach
    void peers() {
        ffmpeg = Interop.requireExecutable("ffmpeg", "ffmpeg");
        String reason = new VoAacEncProvider().unavailableReason();
        Interop.assumePeer(reason == null, "libvo-aacenc0 (" + reason + ")");
    }

    @Test
    void ffmpegDecodesA440HzToneWithoutErrorsAtTheRightPitchAndDelay() throws Exception {
        short[] source = VoAacEncoderTest.sine(RATE, CHANNELS, 0, RATE * SECONDS, TONE_HZ);
        AudioEncoderConfig config = AudioEncoderConfig.builder().sampleRate(RATE).channels(CHANNELS).bitrate(128_000).build();
        List<EncodedAudioFrame> frames = new ArrayList<>();
        long started = System.nanoTime();
        try (AudioEncoder enc = AudioEncoders.create("vo-aacenc", config)) {
            int block = 960;
            for (int off = 0; off < source.length; off += block * CHANNELS) {
                short[] b = java.util.Arrays.copyOfRange(source, off, Math.min(source.length, off + block * CHANNELS));
                frames.addAll(enc.encode(new AudioFrame(b, RATE, CHANNELS, off / CHANNELS * 1_000_000L / RATE)));
            }
            frames.addAll(enc.flush());
        }
        double encodeMs = (System.nanoTime() - started) / 1e6;
        Path aac = dir.resolve("vo-aacenc.aac");
        Files.write(aac, AdtsWriter.stream(AacAudioSpecificConfig.aacLc(RATE, CHANNELS), frames));

        assertEquals("", run(List.of(ffmpeg, "-nostdin", "-v", "error", "-i", aac.toString(), "-f", "null", "-")),
                "ffmpeg reports decode errors");
        short[] decoded = decode(aac);
        assertTrue(decoded.length >= source.length, "decoded " + decoded.length + " samples, expected at least " + source.length);

        double hz = dominantFrequency(decoded, RATE / 2, RATE);
        assertEquals(TONE_HZ, hz, 5.0, "dominant frequency of the decoded tone");

        // The first frame sent is stamped 448 samples after the first input sample (2 * 1024 - 1600):
        // decoded sample j must be source sample 448 + j, to the sample, without any further shift.
        long firstInputPts = 0;
        int offset = (int) Math.round((frames.get(0).ptsUs() - firstInputPts) * RATE / 1e6);
        assertEquals(2 * 1024 - VoAacEncoder.CODEC_DELAY_SAMPLES, offset, "first frame's timestamp in samples");
        int shift = bestShift(source, decoded, offset);
        assertEquals(0, shift, "decoded audio sits where its timestamps say (shift in samples)");
        int delay = VoAacEncoder.CODEC_DELAY_SAMPLES;
        assertTrue(decoded.length / CHANNELS + offset >= source.length / CHANNELS,
                "flush drained the codec: decoded " + decoded.length / CHANNELS + " samples per channel from sample "
                        + offset + " for " + source.length / CHANNELS + " in");
        double snr = snrAfter(source, decoded, offset, 1024);
        // Reference: ffmpeg's native AAC encoder on the same PCM at the same bitrate.
        Path raw = dir.resolve("source.s16le");
        Files.write(raw, toBytes(source));
        Path ref = dir.resolve("ffmpeg-aac.aac");
        assertEquals("", run(List.of(ffmpeg, "-nostdin", "-v", "error", "-f", "s16le", "-ar", "" + RATE, "-ac", "" + CHANNELS,
                "-i", raw.toString(), "-c:a", "aac", "-b:a", "128k", ref.toString())));
        short[] refDecoded = decode(ref);
        int refDelay = bestLag(source, refDecoded);
        double refSnr = snrDb(source, refDecoded, refDelay);
        long bytes = frames.stream().mapToLong(f -> f.data().length).sum();
        System.out.printf("[audio] 440 Hz sine, 48 kHz stereo, 128 kbps: vo-aacenc SNR %.1f dB (delay %d, %.1f kbps), "
                + "ffmpeg aac SNR %.1f dB (delay %d, %d bytes); vo-aacenc encoded %d s in %.0f ms incl. JIT warm-up%n", snr, delay,
                bytes * 8.0 / (frames.size() * 1024.0 / RATE) / 1000, refSnr, refDelay, Files.size(ref), SECONDS, encodeMs);
        assertTrue(snr > 40, "vo-aacenc SNR " + snr + " dB (expected > 40 dB for a pure tone at 128 kbps; 50.4 dB measured)");
    }

    private short[] decode(Path aac) throws IOException, InterruptedException {
        Path pcm = dir.resolve(aac.getFileName() + ".s16le");
        assertEquals("", run(List.of(ffmpeg, "-nostdin", "-v", "error", "-i", aac.toString(), "-f", "s16le",
                "-acodec", "pcm_s16le", pcm.toString())));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcm)).order(ByteOrder.LITTLE_ENDIAN);
        short[] s = new short[b.remaining() / 2];
        b.asShortBuffer().get(s);
        return s;
    }

    private String run(List<String> cmd) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "ffmpeg", ".log");
        try (PeerProcess p = PeerProcess.start(cmd, log)) {
            int rc = p.waitFor(60, TimeUnit.SECONDS);
            assertEquals(0, rc, cmd + " failed:\n" + p.output());
            return p.output().trim();
        }
    }

    private static byte[] toBytes(short[] s) {
        ByteBuffer b = ByteBuffer.allocate(s.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(s);
        return b.array();
    }

    /**
     * The lag (in samples per channel) that best lines the decoded signal up with the source over
     * the tone's onset (the first 4096 samples after silence), where a lag off by a whole period
     * leaves a full-amplitude error that coding noise cannot hide.
     */
    static int bestLag(short[] source, short[] decoded) {
        int best = -1;
        double bestErr = Double.MAX_VALUE;
        for (int lag = 0; lag <= 4096; lag++) {
            double err = 0;
            for (int i = 0; i < 4096 * CHANNELS; i++) {
                double d = decoded[lag * CHANNELS + i] - source[i];
                err += d * d;
            }
            // Also count what the decoder plays before the lag as error against silence.
            for (int i = 0; i < lag * CHANNELS; i++) {
                err += (double) decoded[i] * decoded[i];
            }
            if (err < bestErr) {
                bestErr = err;
                best = lag;
            }
        }
        return best;
    }

    /**
     * The shift (-50..50 samples, less than half a period of the tone) that best lines decoded
     * sample {@code j} up with source sample {@code offset + j + shift}, skipping the first,
     * faded-in frame.
     */
    static int bestShift(short[] source, short[] decoded, int offset) {
        int best = Integer.MIN_VALUE;
        double bestErr = Double.MAX_VALUE;
        for (int shift = -50; shift <= 50; shift++) {
            double err = 0;
            for (int j = 1024; j < 1024 + 8192; j++) {
                for (int c = 0; c < CHANNELS; c++) {
                    double d = decoded[j * CHANNELS + c] - source[(offset + j + shift) * CHANNELS + c];
                    err += d * d;
                }
            }
            if (err < bestErr) {
                bestErr = err;
                best = shift;
            }
        }
        return best;
    }

    /** SNR of decoded sample {@code j} against source sample {@code offset + j}, from decoded sample {@code skip} on. */
    static double snrAfter(short[] source, short[] decoded, int offset, int skip) {
        double signal = 0;
        double noise = 0;
        int n = Math.min(source.length / CHANNELS - offset, decoded.length / CHANNELS);
        for (int j = skip; j < n; j++) {
            for (int c = 0; c < CHANNELS; c++) {
                double s = source[(offset + j) * CHANNELS + c];
                double d = decoded[j * CHANNELS + c] - s;
                signal += s * s;
                noise += d * d;
            }
        }
        return 10 * Math.log10(signal / noise);
    }

    /** Signal-to-noise ratio of the decoded signal, shifted back by {@code lag}, over the whole source. */
    static double snrDb(short[] source, short[] decoded, int lag) {
        double signal = 0;
        double noise = 0;
        int n = Math.min(source.length, decoded.length - lag * CHANNELS);
        for (int i = 0; i < n; i++) {
            double s = source[i];
            double d = decoded[i + lag * CHANNELS] - s;
            signal += s * s;
            noise += d * d;
        }
        return 10 * Math.log10(signal / noise);
    }

    /**
     * The strongest frequency of the left channel over one second starting at {@code from}: a
     * Goertzel scan in 1 Hz steps from 20 Hz to 20 kHz (1 Hz is the resolution of a 1 s window).
     */
    static double dominantFrequency(short[] interleaved, int from, int rate) {
        double[] x = new double[rate];
        for (int i = 0; i < rate; i++) {
            x[i] = interleaved[(from + i) * CHANNELS];
        }
        double bestHz = 0;
        double bestPower = -1;
        for (int hz = 20; hz <= 20_000; hz++) {
            double coeff = 2 * Math.cos(2 * Math.PI * hz / rate);
            double s1 = 0;
            double s2 = 0;
            for (double v : x) {
                double s0 = v + coeff * s1 - s2;
                s2 = s1;
                s1 = s0;
            }
            double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
            if (power > bestPower) {
                bestPower = power;
                bestHz = hz;
            }
        }
        return bestHz;
    }
}
