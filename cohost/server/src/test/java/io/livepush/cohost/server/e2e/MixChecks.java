package io.livepush.cohost.server.e2e;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.testing.Interop;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Measurements on decoded mixes: colour signatures of regions, tone levels, percentiles. */
final class MixChecks {
    static final int BINS = 36;

    private MixChecks() {
    }

    /**
     * A histogram of chroma angles of the saturated pixels in a rectangle of an I420 picture,
     * normalised to sum 1: the test pattern's bars give a few sharp peaks that turn with its hue,
     * whatever their scroll position.
     */
    static double[] chromaSignature(byte[] i420, int width, int height, int x0, int y0, int w, int h) {
        int cw = width / 2;
        int uOff = width * height;
        int vOff = uOff + cw * (height / 2);
        double[] bins = new double[BINS];
        double total = 0;
        for (int y = y0 / 2; y < (y0 + h) / 2; y++) {
            for (int x = x0 / 2; x < (x0 + w) / 2; x++) {
                int u = (i420[uOff + y * cw + x] & 0xff) - 128;
                int v = (i420[vOff + y * cw + x] & 0xff) - 128;
                if (u * u + v * v < 40 * 40) {
                    continue;
                }
                double deg = Math.toDegrees(Math.atan2(v, u)) + 180;
                bins[Math.min(BINS - 1, (int) (deg / (360.0 / BINS)))]++;
                total++;
            }
        }
        if (total > 0) {
            for (int i = 0; i < BINS; i++) {
                bins[i] /= total;
            }
        }
        return bins;
    }

    /** The signature of the bars of a test pattern of this hue (a frame generated here). */
    static double[] referenceSignature(double hue, int width, int height) throws Exception {
        try (TestPatternSource src = TestPatternSource.builder().size(width, height).hueDegrees(hue).realtime(false)
                .clock(new MediaClock()).build()) {
            VideoFrame f = src.read();
            byte[] b = new byte[f.byteSize()];
            f.data().get(0, b);
            f.release();
            return chromaSignature(b, width, height, 0, height / 4, width, height / 3);
        }
    }

    /** Histogram overlap, 0 (disjoint) .. 1 (identical). */
    static double similarity(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.min(a[i], b[i]);
        }
        return s;
    }

    /** Decodes a recording's audio to 48 kHz mono s16 with ffmpeg. */
    static short[] decodeAudio(Path file) throws IOException, InterruptedException {
        String ffmpeg = Interop.requireExecutable("ffmpeg", "ffmpeg");
        Process p = new ProcessBuilder(ffmpeg, "-nostdin", "-v", "error", "-i", file.toString(), "-map", "0:a:0",
                "-ac", "1", "-ar", "48000", "-f", "s16le", "-").redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ffmpeg could not decode the audio of " + file);
        }
        ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        short[] s = new short[b.remaining() / 2];
        b.asShortBuffer().get(s);
        return s;
    }

    /** Goertzel amplitude (0..1 of full scale) of {@code hz} over {@code samples[from, from + n)}. */
    static double toneLevel(short[] samples, int from, int n, double hz) {
        double k = 2 * Math.cos(2 * Math.PI * hz / 48_000);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < from + n; i++) {
            double s0 = samples[i] / 32768.0 + k * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - k * s1 * s2)) / (n / 2.0);
    }

    /**
     * Goertzel amplitudes of {@code hz} over consecutive half-second windows of
     * {@code samples[from, to)}.
     */
    static List<Double> toneLevels(short[] samples, int from, int to, double hz) {
        int n = 24_000;
        List<Double> levels = new ArrayList<>();
        for (int at = from; at + n <= to; at += n) {
            levels.add(toneLevel(samples, at, n, hz));
        }
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("no half-second window in samples " + from + ".." + to);
        }
        return levels;
    }

    /** @return the q-quantile (0..1) of the values */
    static double percentile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
    }
}
