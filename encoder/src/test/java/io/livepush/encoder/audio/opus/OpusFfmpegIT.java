package io.livepush.encoder.audio.opus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFrame;
import io.livepush.capture.testing.Interop;
import io.livepush.capture.testing.PeerProcess;
import io.livepush.encoder.audio.AudioEncoder;
import io.livepush.encoder.audio.AudioEncoders;
import io.livepush.encoder.audio.EncodedAudioFrame;
import io.livepush.natives.opus.Opus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opus packets in an Ogg file decoded by ffmpeg: no errors, the tone's pitch, aligned to the sample, SNR. */
class OpusFfmpegIT {
    @TempDir
    Path dir;

    @Test
    void ffmpegDecodesTheOpusStreamCleanlyWithThePreSkipTrimmedToTheSample() throws Exception {
        String ffmpeg = Interop.requireExecutable("ffmpeg", "ffmpeg");
        Interop.assumePeer(Opus.unavailableReason() == null, "libopus0 (" + Opus.unavailableReason() + ")");
        short[] source = OpusAudioEncoderTest.sine(0, 48_000 * 3, 440);
        List<EncodedAudioFrame> packets = new ArrayList<>();
        byte[] head;
        try (AudioEncoder enc = AudioEncoders.create("opus", OpusAudioEncoderTest.OPUS.toBuilder().bitrate(128_000).build())) {
            for (int off = 0; off < source.length; off += 960 * 2) {
                short[] b = java.util.Arrays.copyOfRange(source, off, Math.min(source.length, off + 960 * 2));
                packets.addAll(enc.encode(new AudioFrame(b, 48_000, 2, off / 2 * 1_000_000L / 48_000)));
            }
            packets.addAll(enc.flush());
            head = enc.audioSpecificConfig();
        }
        Path ogg = Files.write(dir.resolve("tone.opus"), OggOpusWriter.write(head, packets));
        Path pcm = dir.resolve("tone.s16le");
        Path log = dir.resolve("ffmpeg.log");
        try (PeerProcess p = PeerProcess.start(List.of(ffmpeg, "-nostdin", "-v", "error", "-i", ogg.toString(), "-f", "s16le",
                "-ar", "48000", "-ac", "2", pcm.toString()), log)) {
            assertEquals(0, p.waitFor(60, TimeUnit.SECONDS), p.output());
            assertEquals("", p.output().trim(), "ffmpeg reports decode errors");
        }
        ByteBuffer bb = ByteBuffer.wrap(Files.readAllBytes(pcm)).order(ByteOrder.LITTLE_ENDIAN);
        short[] decoded = new short[bb.remaining() / 2];
        bb.asShortBuffer().get(decoded);
        assertTrue(decoded.length >= source.length, decoded.length + " decoded samples for " + source.length);
        // With the pre-skip trimmed, decoded sample j is source sample j: find the best shift near 0.
        int best = 0;
        double bestErr = Double.MAX_VALUE;
        for (int shift = -50; shift <= 50; shift++) {
            double err = 0;
            for (int j = 2000; j < 2000 + 8192; j++) {
                double d = decoded[2 * j] - source[2 * (j + shift)];
                err += d * d;
            }
            if (err < bestErr) {
                bestErr = err;
                best = shift;
            }
        }
        double signal = 0;
        double noise = 0;
        for (int i = 2000 * 2; i < source.length; i++) {
            signal += (double) source[i] * source[i];
            double d = decoded[i] - source[i];
            noise += d * d;
        }
        double snr = 10 * Math.log10(signal / noise);
        System.out.printf("[audio] opus 128 kbps, 440 Hz sine 48 kHz stereo: %d packets, shift %d samples, SNR %.1f dB%n",
                packets.size(), best, snr);
        assertEquals(0, best, "decoded audio is where the timestamps say");
        assertTrue(snr > 20, "SNR " + snr + " dB");
    }
}
