package io.livepush.encoder.javaaac;

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
import io.livepush.encoder.audio.voaacenc.VoAacEncProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The java AAC encoder read by an independent decoder: speech-like and music-like inputs and a
 * sine, wrapped in ADTS and decoded by ffmpeg. Prints SNR and per-band energy error next to
 * vo-aacenc (when installed) and ffmpeg's own {@code aac} encoder on the same input, and the encode
 * speed.
 */
class JavaAacFfmpegIT {
    private static final int SECONDS = 4;

    /** Decoded sample j of the java encoder's output is source sample j + 448: 2 dropped frames of 1024 - 1600. */
    private static final int JAVA_OFFSET = 2 * 1024 - JavaAacEncoder.CODEC_DELAY_SAMPLES;

    @TempDir
    Path dir;
    private String ffmpeg;
    /** The first sent frame's timestamp, in samples after the first input sample, of the last {@link #encode}. */
    private int firstFrameOffset;

    @BeforeEach
    void peers() {
        ffmpeg = Interop.requireExecutable("ffmpeg", "ffmpeg");
    }

    @Test
    void ffmpegDecodesASineAtTheSourceFrequencyWhereItsTimestampsSay() throws Exception {
        int rate = 48_000;
        short[] source = TestSignals.sine(rate, 2, rate * SECONDS, 440);
        Path aac = encode("java", source, rate, 2, 128_000, "sine");
        assertEquals("", run(List.of(ffmpeg, "-nostdin", "-v", "error", "-i", aac.toString(), "-f", "null", "-")),
                "ffmpeg reports decode errors");
        short[] decoded = decode(aac, 2);
        assertEquals(440, AudioMetrics.dominantFrequency(decoded, 2, rate / 2, rate), 2.0, "dominant frequency");
        assertEquals(JAVA_OFFSET, firstFrameOffset, "first frame's timestamp in samples after the first input sample");
        // Within less than half a period of the tone, so a wrong alignment cannot hide.
        assertEquals(JAVA_OFFSET, AudioMetrics.bestOffset(source, decoded, 2, JAVA_OFFSET - 50, JAVA_OFFSET + 50),
                "decoded audio sits where its timestamps say");
        assertTrue(decoded.length / 2 + JAVA_OFFSET >= source.length / 2, "flush drained the codec: decoded "
                + decoded.length / 2 + " samples per channel from sample " + JAVA_OFFSET + " for " + source.length / 2 + " in");
        double snr = AudioMetrics.snrDb(source, decoded, 2, JAVA_OFFSET);
        System.out.printf("[java-aac] 440 Hz sine 48 kHz stereo 128 kbps: SNR %.1f dB%n", snr);
        assertTrue(snr > 40, "SNR " + snr + " dB (expected > 40 dB for a pure tone at 128 kbps)");
    }

    @ParameterizedTest(name = "{0} at {1} Hz, {2} ch, {3} bps")
    @CsvSource({"speech, 44100, 1, 64000", "speech, 48000, 2, 128000", "music, 48000, 2, 128000",
        "music, 44100, 2, 256000", "music, 48000, 1, 96000"})
    void ffmpegDecodesSpeechAndMusicLikeInputWithoutErrors(String kind, int rate, int channels, int bitrate) throws Exception {
        short[] source = kind.equals("speech") ? TestSignals.speech(rate, channels, rate * SECONDS)
                : TestSignals.music(rate, channels, rate * SECONDS);
        Path aac = encode("java", source, rate, channels, bitrate, kind);
        assertEquals("", run(List.of(ffmpeg, "-nostdin", "-v", "error", "-i", aac.toString(), "-f", "null", "-")),
                "ffmpeg reports decode errors");
        short[] decoded = decode(aac, channels);
        double snr = AudioMetrics.snrDb(source, decoded, channels, JAVA_OFFSET);
        System.out.printf("[java-aac] %s %d Hz %d ch %d bps: SNR %.1f dB, band error %s%n", kind, rate, channels, bitrate,
                snr, AudioMetrics.bandErrors(source, decoded, channels, JAVA_OFFSET, rate));
        assertTrue(snr > 10, kind + " SNR " + snr + " dB (expected > 10 dB)");
        double worst = AudioMetrics.worstBandErrorDb(source, decoded, channels, JAVA_OFFSET, rate, 8000);
        assertTrue(worst < 3, kind + " band energy below 8 kHz off by " + worst + " dB (expected < 3 dB)");
    }

    @ParameterizedTest(name = "{0} at {1} bps, {2} ch")
    @CsvSource({"noise, 64000, 2", "noise, 256000, 2", "square, 64000, 2", "square, 256000, 1", "clicks, 128000, 2",
        "silence, 128000, 2"})
    void ffmpegDecodesInputsAtTheEdgesOfTheFormatWithoutErrors(String kind, int bitrate, int channels) throws Exception {
        int rate = 48_000;
        short[] source = TestSignals.extreme(kind, channels, rate * 2);
        Path aac = encode("java", source, rate, channels, bitrate, kind);
        assertEquals("", run(List.of(ffmpeg, "-nostdin", "-v", "error", "-i", aac.toString(), "-f", "null", "-")),
                "ffmpeg reports decode errors");
        short[] decoded = decode(aac, channels);
        assertTrue(decoded.length / channels + JAVA_OFFSET >= source.length / channels,
                "decoded " + decoded.length / channels + " samples per channel for " + source.length / channels);
        if (!kind.equals("silence")) {
            double snr = AudioMetrics.snrDb(source, decoded, channels, JAVA_OFFSET);
            System.out.printf("[java-aac] %s %d bps %d ch: SNR %.1f dB%n", kind, bitrate, channels, snr);
            assertTrue(snr > 0, kind + " SNR " + snr + " dB");
        } else {
            for (short v : decoded) {
                assertEquals(0, v, "silence decodes to silence");
            }
        }
    }

    @Test
    void comparesWithVoAacEncAndFfmpegAacAt128Kbps() throws Exception {
        int rate = 48_000;
        for (String kind : new String[] {"speech", "music"}) {
            short[] source = kind.equals("speech") ? TestSignals.speech(rate, 2, rate * SECONDS)
                    : TestSignals.music(rate, 2, rate * SECONDS);
            short[] java = decode(encode("java", source, rate, 2, 128_000, kind), 2);
            report(kind, "java", source, java, firstFrameOffset);
            if (new VoAacEncProvider().unavailableReason() == null) {
                short[] vo = decode(encode("vo-aacenc", source, rate, 2, 128_000, kind), 2);
                report(kind, "vo-aacenc", source, vo, firstFrameOffset);
            }
            Path raw = dir.resolve(kind + ".s16le");
            Files.write(raw, toBytes(source));
            Path ref = dir.resolve(kind + "-ffmpeg.aac");
            assertEquals("", run(List.of(ffmpeg, "-nostdin", "-v", "error", "-f", "s16le", "-ar", "" + rate, "-ac", "2",
                    "-i", raw.toString(), "-c:a", "aac", "-b:a", "128k", ref.toString())));
            short[] refDecoded = decode(ref, 2);
            // ffmpeg's ADTS output keeps its 1024-sample priming: decoded j is source j - 1024.
            report(kind, "ffmpeg-aac", source, refDecoded, AudioMetrics.bestOffset(source, refDecoded, 2, -1100, -900));
        }
        short[] music = TestSignals.music(rate, 2, rate * 20);
        try (AudioEncoder warm = AudioEncoders.create("java", AudioEncoderConfig.defaults())) {
            warm.encode(new AudioFrame(Arrays.copyOf(music, rate * 4), rate, 2, 0));
        }
        long started = System.nanoTime();
        try (AudioEncoder enc = AudioEncoders.create("java", AudioEncoderConfig.defaults())) {
            enc.encode(new AudioFrame(music, rate, 2, 0));
            enc.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("[java-aac] speed: 20 s of 48 kHz stereo music at 128 kbps in %.2f s = %.0fx real time%n",
                seconds, 20 / seconds);
    }

    private void report(String kind, String encoder, short[] source, short[] decoded, int offset) {
        System.out.printf("[aac-compare] %-6s %-10s offset %5d SNR %5.1f dB band error %s%n", kind, encoder, offset,
                AudioMetrics.snrDb(source, decoded, 2, offset), AudioMetrics.bandErrors(source, decoded, 2, offset, 48_000));
    }

    private Path encode(String backend, short[] source, int rate, int channels, int bitrate, String label) throws IOException {
        AudioEncoderConfig config = AudioEncoderConfig.builder().sampleRate(rate).channels(channels).bitrate(bitrate).build();
        List<EncodedAudioFrame> frames = new ArrayList<>();
        try (AudioEncoder enc = AudioEncoders.create(backend, config)) {
            int block = 960;
            for (int off = 0; off < source.length; off += block * channels) {
                short[] b = Arrays.copyOfRange(source, off, Math.min(source.length, off + block * channels));
                frames.addAll(enc.encode(new AudioFrame(b, rate, channels, off / channels * 1_000_000L / rate)));
            }
            frames.addAll(enc.flush());
        }
        firstFrameOffset = (int) Math.round(frames.get(0).ptsUs() * rate / 1e6);
        Path aac = dir.resolve(label + "-" + backend + "-" + rate + "-" + channels + "-" + bitrate + ".aac");
        Files.write(aac, AdtsWriter.stream(AacAudioSpecificConfig.aacLc(rate, channels), frames));
        return aac;
    }

    private short[] decode(Path aac, int channels) throws IOException, InterruptedException {
        Path pcm = dir.resolve(aac.getFileName() + ".s16le");
        assertEquals("", run(List.of(ffmpeg, "-nostdin", "-v", "error", "-i", aac.toString(), "-f", "s16le",
                "-acodec", "pcm_s16le", "-ac", "" + channels, pcm.toString())));
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
}
