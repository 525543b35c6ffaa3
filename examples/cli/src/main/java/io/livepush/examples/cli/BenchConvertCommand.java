package io.livepush.examples.cli;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.convert.I420Scaler;
import io.livepush.capture.convert.Nv12ToI420;
import io.livepush.capture.convert.RgbLayout;
import io.livepush.capture.convert.RgbToI420;
import io.livepush.capture.convert.YuyvToI420;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code livepush bench convert}: per-frame time of the capture pixel converters on this thread
 * (BGRA to I420 with the scalar and, when this JVM has {@code jdk.incubator.vector}, the Vector API
 * kernel; YUYV and NV12 to I420; halving/bilinear scaling), on random pixels in direct buffers,
 * after a warm-up. It first prints the kernel screen capture uses ({@link RgbToI420#kernel()}). The figure to set beside {@code ffmpeg -threads 1 -f rawvideo -pix_fmt bgra -s WxH
 * -i in.bgra -pix_fmt yuv420p -f null - -benchmark} (user time / frames). For careful figures use the
 * JMH benchmark in {@code capture/src/test/java/io/livepush/capture/bench}.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Time the pixel converters (BGRA/YUYV/NV12 to I420, scaling); print ms per frame.")
final class BenchConvertCommand implements Callable<Integer> {
    @Option(names = "--size", defaultValue = "1280x720", converter = SizeArg.Converter.class,
            description = "Frame size WxH (default: ${DEFAULT-VALUE})")
    SizeArg size;

    @Option(names = "--frames", defaultValue = "300", description = "Frames timed per converter (default: ${DEFAULT-VALUE})")
    int frames;

    @Override
    public Integer call() {
        if (frames < 10 || frames > 100_000) {
            throw new IllegalArgumentException("--frames " + frames + " is not allowed (expected 10..100000)");
        }
        int w = size.width();
        int h = size.height();
        Random rnd = new Random(1);
        ByteBuffer bgra = random(rnd, w * h * 4);
        ByteBuffer yuyvIn = random(rnd, w * h * 2);
        ByteBuffer nv12In = random(rnd, w * h * 3 / 2);
        VideoFrame frame = VideoFrame.allocate(w, h, 0);
        VideoFrame half = VideoFrame.allocate(Math.max(2, (w / 2) & ~1), Math.max(2, (h / 2) & ~1), 0);
        RgbToI420 rgbScalar = new RgbToI420(RgbLayout.BGRA, w, RgbToI420.Kernel.SCALAR);
        RgbToI420 rgbVector = RgbToI420.vectorKernelAvailable()
                ? new RgbToI420(RgbLayout.BGRA, w, RgbToI420.Kernel.VECTOR) : null;
        YuyvToI420 yuyv = new YuyvToI420(w);
        Nv12ToI420 nv12 = new Nv12ToI420(w);
        I420Scaler box = new I420Scaler(w, h, half.width(), half.height());
        I420Scaler up = new I420Scaler(half.width(), half.height(), w, h);
        System.out.printf(Locale.ROOT, "pixel conversion, %dx%d, %d frames each, one thread:%n", w, h, frames);
        System.out.println("  RGB kernel for capture: " + RgbToI420.kernel());
        report("BGRA -> I420 scalar", () -> rgbScalar.convert(bgra, 0, w * 4, frame));
        if (rgbVector != null) {
            report("BGRA -> I420 vector", () -> rgbVector.convert(bgra, 0, w * 4, frame));
        }
        report("YUYV -> I420", () -> yuyv.convert(yuyvIn, 0, w * 2, frame));
        report("NV12 -> I420", () -> nv12.convert(nv12In, 0, w, w * h, w, frame));
        report("I420 half size (" + box.method() + ")", () -> box.scale(frame, half));
        report("I420 double size (" + up.method() + ")", () -> up.scale(half, frame));
        return 0;
    }

    private void report(String what, Runnable op) {
        for (int i = 0; i < Math.max(50, frames / 3); i++) {
            op.run(); // warm-up for the JIT
        }
        long t = System.nanoTime();
        for (int i = 0; i < frames; i++) {
            op.run();
        }
        double ms = (System.nanoTime() - t) / 1e6 / frames;
        System.out.printf(Locale.ROOT, "  %-32s %7.3f ms/frame  (%.0f fps)%n", what, ms, 1000 / ms);
    }

    private static ByteBuffer random(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return ByteBuffer.allocateDirect(n).put(b).clear();
    }
}
