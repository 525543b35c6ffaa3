package io.livepush.capture.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.testing.Interop;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The BGRA converter against an independent implementation: ffmpeg's swscale converting the same
 * 1280x720 picture (smooth colour gradients) to yuv420p with its default BT.601 limited-range matrix.
 * Luma agrees within 1 level everywhere; chroma (sited and filtered a little differently by swscale)
 * within half a level on average (0.18 measured).
 */
class RgbToI420FfmpegIT {
    @TempDir
    Path dir;

    @Test
    void lumaMatchesSwscaleWithinOneLevelAndChromaWithinHalfALevelOnAverage() throws Exception {
        String ffmpeg = Interop.requireExecutable("ffmpeg", "ffmpeg");
        int w = 1280;
        int h = 720;
        byte[] bgra = new byte[w * h * 4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = (y * w + x) * 4;
                bgra[p] = (byte) (x * 255 / (w - 1));               // B
                bgra[p + 1] = (byte) (y * 255 / (h - 1));           // G
                bgra[p + 2] = (byte) (((x + y) / 4) & 0xff);       // R, wrapping ramp
                bgra[p + 3] = (byte) 255;
            }
        }
        Path in = dir.resolve("in.bgra");
        Path out = dir.resolve("out.yuv");
        Files.write(in, bgra);
        Process p = new ProcessBuilder(List.of(ffmpeg, "-nostdin", "-v", "error", "-f", "rawvideo", "-pix_fmt", "bgra",
                "-s", w + "x" + h, "-i", in.toString(), "-pix_fmt", "yuv420p", "-f", "rawvideo", "-y", out.toString()))
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg: " + log);
        byte[] ref = Files.readAllBytes(out);
        assertEquals(w * h * 3 / 2, ref.length);

        // Each kernel named explicitly (AUTO would start the background warm-up inside later tests).
        compare(RgbToI420.Kernel.SCALAR, w, h, bgra, ref);
        if (RgbToI420.vectorKernelAvailable()) {
            compare(RgbToI420.Kernel.VECTOR, w, h, bgra, ref);
        }
    }

    private static void compare(RgbToI420.Kernel kernel, int w, int h, byte[] bgra, byte[] ref) {
        VideoFrame f = VideoFrame.allocate(w, h, 0);
        new RgbToI420(RgbLayout.BGRA, w, kernel).convert(ByteBuffer.wrap(bgra), 0, w * 4, f);
        int maxY = 0;
        for (int i = 0; i < w * h; i++) {
            maxY = Math.max(maxY, Math.abs((f.data().get(i) & 0xff) - (ref[i] & 0xff)));
        }
        long sumC = 0;
        for (int i = w * h; i < ref.length; i++) {
            sumC += Math.abs((f.data().get(i) & 0xff) - (ref[i] & 0xff));
        }
        double meanC = (double) sumC / (ref.length - w * h);
        System.out.printf("[figure] %s kernel vs swscale: max |dY| = %d, mean |dC| = %.3f%n", kernel, maxY, meanC);
        assertTrue(maxY <= 1, kernel + ": largest luma difference " + maxY);
        assertTrue(meanC <= 0.5, kernel + ": mean chroma difference " + meanC);
    }
}
