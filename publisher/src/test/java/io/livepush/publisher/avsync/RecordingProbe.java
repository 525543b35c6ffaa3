package io.livepush.publisher.avsync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livepush.capture.testing.Interop;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a recorded FLV back through ffmpeg/ffprobe, the independent decoder: per-frame mean luma
 * of a band of rows with its presentation time, the decoded audio with the time of its first
 * sample, and audio packet times.
 */
final class RecordingProbe {
    /** One decoded video frame: its time and the mean luma of the probed band. */
    record BandLuma(double seconds, double luma) {
    }

    /** Decoded mono audio at {@code rate}, whose first sample is at {@code startSeconds}. */
    record Pcm(short[] samples, int rate, double startSeconds) {
        double timeOf(int index) {
            return startSeconds + index / (double) rate;
        }
    }

    private final Path dir;
    private final String ffmpeg = Interop.requireExecutable("ffmpeg", "ffmpeg");
    private final String ffprobe = Interop.requireExecutable("ffprobe", "ffmpeg");

    RecordingProbe(Path dir) {
        this.dir = dir;
    }

    /** Mean luma of rows {@code top..height} of every decoded video frame, with its pts. */
    List<BandLuma> bandLuma(Path flv, int top) throws IOException, InterruptedException {
        String graph = "movie=" + flv.toString().replace(":", "\\:") + ":streams=v,crop=iw:ih-" + top + ":0:" + top + ",signalstats";
        List<BandLuma> out = new ArrayList<>();
        for (String line : run(ffprobe, "-v", "error", "-f", "lavfi", "-i", graph, "-show_entries",
                "frame=pts_time:frame_tags=lavfi.signalstats.YAVG", "-of", "csv=p=0")) {
            String[] f = line.split(",");
            if (f.length == 2 && !f[0].isBlank()) {
                out.add(new BandLuma(Double.parseDouble(f[0]), Double.parseDouble(f[1])));
            }
        }
        return out;
    }

    /** The audio track decoded to mono s16 at {@code rate}, and where it starts. */
    Pcm audio(Path flv, int rate) throws IOException, InterruptedException {
        List<String> start = run(ffprobe, "-v", "error", "-select_streams", "a", "-show_entries", "stream=start_time",
                "-of", "csv=p=0", flv.toString());
        Path raw = dir.resolve("audio-" + System.nanoTime() + ".s16le");
        run(ffmpeg, "-nostdin", "-v", "error", "-i", flv.toString(), "-map", "0:a", "-ac", "1", "-ar", "" + rate,
                "-f", "s16le", raw.toString());
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        short[] s = new short[b.remaining() / 2];
        b.asShortBuffer().get(s);
        return new Pcm(s, rate, Double.parseDouble(start.get(0).trim()));
    }

    /** The pts of every audio packet in the file, in seconds. */
    List<Double> audioPacketTimes(Path flv) throws IOException, InterruptedException {
        List<Double> out = new ArrayList<>();
        for (String line : run(ffprobe, "-v", "error", "-select_streams", "a", "-show_entries", "packet=pts_time",
                "-of", "csv=p=0", flv.toString())) {
            if (!line.isBlank()) {
                out.add(Double.parseDouble(line.split(",")[0]));
            }
        }
        return out;
    }

    /** The times where the band turns bright: the flash frames. */
    static List<Double> flashTimes(List<BandLuma> frames) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            boolean bright = frames.get(i).luma() > 128;
            boolean before = i > 0 && frames.get(i - 1).luma() > 128;
            if (bright && !before) {
                out.add(frames.get(i).seconds());
            }
        }
        return out;
    }

    /**
     * Beep onsets: the first sample whose magnitude exceeds {@code threshold} (full scale = 1)
     * after at least {@code quietSeconds} below it. The beep (0.8 of full scale) starts at zero
     * phase, so it crosses 0.45 about 0.1 ms after its onset; the tone under it stays at 0.25.
     */
    static List<Double> onsetTimes(Pcm pcm, double threshold, double quietSeconds) {
        List<Double> out = new ArrayList<>();
        int level = (int) (threshold * 32767);
        int quiet = (int) (quietSeconds * pcm.rate());
        int lastLoud = -quiet - 1;
        for (int i = 0; i < pcm.samples().length; i++) {
            if (Math.abs(pcm.samples()[i]) > level) {
                if (i - lastLoud > quiet) {
                    out.add(pcm.timeOf(i));
                }
                lastLoud = i;
            }
        }
        return out;
    }

    private List<String> run(String... cmd) throws IOException, InterruptedException {
        Path log = dir.resolve("probe-" + System.nanoTime() + ".log");
        Path err = dir.resolve("probe-" + System.nanoTime() + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(log.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish");
        }
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + Files.readString(err));
        return Files.readAllLines(log);
    }
}
