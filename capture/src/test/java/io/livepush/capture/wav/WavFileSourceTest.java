package io.livepush.capture.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.AudioFrame;
import io.livepush.capture.MediaClock;
import io.livepush.capture.audio.AudioSignals;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavFileSourceTest {
    @TempDir
    Path dir;

    private static List<AudioFrame> readAll(WavFileSource s) throws Exception {
        List<AudioFrame> frames = new ArrayList<>();
        for (AudioFrame f; (f = s.read()) != null;) {
            frames.add(f);
        }
        return frames;
    }

    @Test
    void aFileInTheWantedFormatIsDeliveredSampleExactIn20MsFramesOnTheSampleGrid() throws Exception {
        AudioFormat fmt = new AudioFormat(48_000, 2);
        short[] samples = AudioSignals.tone(440, 0.105, 0.5, 48_000, 2);
        Path wav = AudioSignals.writeWav(dir.resolve("a.wav"), fmt, samples);
        try (WavFileSource s = WavFileSource.builder(wav).realtime(false).build()) {
            assertEquals(fmt, s.format());
            List<AudioFrame> frames = readAll(s);
            assertEquals(6, frames.size(), "five whole 20 ms frames and a 5 ms rest");
            short[] joined = new short[0];
            for (int i = 0; i < frames.size(); i++) {
                joined = AudioSignals.concat(joined, frames.get(i).samples());
                assertEquals(frames.get(0).ptsUs() + i * 20_000L, frames.get(i).ptsUs());
            }
            assertEquals(240, frames.get(5).sampleCount());
            assertArrayEquals(samples, joined);
            assertNull(s.read());
        }
    }

    @Test
    void monoAt22050IsConvertedToStereoAt48000KeepingPitchAndLength() throws Exception {
        Path wav = AudioSignals.writeWav(dir.resolve("m.wav"), new AudioFormat(22_050, 1),
                AudioSignals.tone(1000, 1.0, 0.5, 22_050, 1));
        try (WavFileSource s = WavFileSource.builder(wav).format(new AudioFormat(48_000, 2)).realtime(false).build()) {
            short[] all = new short[0];
            for (AudioFrame f : readAll(s)) {
                assertEquals(48_000, f.sampleRate());
                assertEquals(2, f.channels());
                all = AudioSignals.concat(all, f.samples());
            }
            assertEquals(48_000 * 2, all.length);
            double[] left = AudioSignals.channel(all, 2, 0);
            double[] expected = AudioSignals.channel(AudioSignals.tone(1000, 1.0, 0.5, 48_000, 1), 1, 0);
            double snr = AudioSignals.snrDb(left, expected, 480, 47_000);
            System.out.printf("WAV 22050 Hz mono -> 48000 Hz stereo, 1 kHz: SNR %.1f dB%n", snr);
            assertTrue(snr > 70, snr + " dB");
        }
    }

    @Test
    void realTimeFramesAreNotDeliveredBeforeTheirTimestamp() throws Exception {
        Path wav = AudioSignals.writeWav(dir.resolve("r.wav"), new AudioFormat(16_000, 1),
                AudioSignals.tone(440, 0.1, 0.5, 16_000, 1));
        MediaClock clock = new MediaClock();
        try (WavFileSource s = WavFileSource.builder(wav).clock(clock).build()) {
            for (AudioFrame f : readAll(s)) {
                assertTrue(clock.nowUs() >= f.ptsUs(), "returned at " + clock.nowUs() + " before pts " + f.ptsUs());
            }
        }
    }

    @Test
    void theExtensibleHeaderWithAPcmSubformatIsAccepted() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(68 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(60 + 8).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(40)
                .putShort((short) 0xFFFE).putShort((short) 2).putInt(44_100).putInt(44_100 * 4).putShort((short) 4)
                .putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(3)
                .putShort((short) 1).put(new byte[14]) // subformat GUID: KSDATAFORMAT_SUBTYPE_PCM starts with 01 00
                .put("data".getBytes()).putInt(8).putShort((short) 1).putShort((short) -1).putShort((short) 2)
                .putShort((short) -2);
        Path wav = Files.write(dir.resolve("x.wav"), b.array());
        try (WavFileSource s = WavFileSource.builder(wav).realtime(false).build()) {
            assertEquals(new AudioFormat(44_100, 2), s.format());
            assertArrayEquals(new short[] {1, -1, 2, -2}, s.read().samples());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "float samples      | 3  | 2 | 48000 | 32 | IEEE float",
        "24-bit PCM         | 1  | 2 | 48000 | 24 | 24-bit",
        "three channels     | 1  | 3 | 48000 | 16 | 3 channels (expected 1 or 2)",
        "mu-law             | 7  | 1 | 8000  | 8  | mu-law",
        "rate 4000 Hz       | 1  | 1 | 4000  | 16 | 4000 Hz is not supported"})
    void otherFormatsAreRefusedNamingWhatTheyAre(String name, int tag, int channels, int rate, int bits, String expected)
            throws Exception {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * channels * bits / 8)
                .putShort((short) (channels * bits / 8)).putShort((short) bits).put("data".getBytes()).putInt(0);
        Path wav = Files.write(dir.resolve("bad.wav"), b.array());
        WavFormatException e = assertThrows(WavFormatException.class, () -> WavFileSource.builder(wav).build());
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("bad.wav"), e.getMessage());
    }

    @Test
    void nonWavAndTruncatedFilesAndMissingFilesGiveClearErrors() throws Exception {
        Path text = Files.writeString(dir.resolve("t.wav"), "hello world, not audio");
        WavFormatException e = assertThrows(WavFormatException.class, () -> WavFileSource.builder(text).build());
        assertTrue(e.getMessage().contains("starts with 'hell'") && e.getMessage().contains("expected 'RIFF'"), e.getMessage());
        Path cut = Files.write(dir.resolve("c.wav"), java.util.Arrays.copyOf(
                WavHeader.canonical(new AudioFormat(48_000, 2), 100), 30));
        e = assertThrows(WavFormatException.class, () -> WavFileSource.builder(cut).build());
        assertTrue(e.getMessage().contains("ends inside its header"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> WavFileSource.builder(dir.resolve("none.wav")).build());
        assertThrows(IllegalArgumentException.class, () -> WavFileSource.builder(text).samplesPerFrame(0));
    }
}
