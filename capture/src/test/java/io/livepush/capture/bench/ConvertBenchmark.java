package io.livepush.capture.bench;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.convert.I420Scaler;
import io.livepush.capture.convert.Nv12ToI420;
import io.livepush.capture.convert.RgbLayout;
import io.livepush.capture.convert.RgbToI420;
import io.livepush.capture.convert.YuyvToI420;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-frame cost of the pixel converters on one core (one benchmark thread), 720p unless named:
 * BGRA/RGBA/YUYV/NV12 to I420, 1080p to 720p bilinear, 720p to 360p box. Random pixels in direct
 * buffers, as X11 shared memory and V4L2 mmap buffers are. Prints figures; asserts nothing.
 * BGRA and RGBA are timed with the SCALAR and the VECTOR {@link RgbToI420.Kernel}; the forked JVM
 * gets {@code --add-modules jdk.incubator.vector} (with {@code -f 0} the Maven JVM needs it:
 * {@code MAVEN_OPTS="--add-modules jdk.incubator.vector"}).
 *
 * <p>Run (after {@code mvn -pl capture -am install -DskipTests}), either inside Maven's JVM (no fork:
 * exec:java's class loader is not on the forked JVM's class path, so {@code -f 0} is needed):
 * <pre>
 *   mvn -pl capture test-compile exec:java -Dexec.classpathScope=test \
 *       -Dexec.mainClass=org.openjdk.jmh.Main -Dexec.args="ConvertBenchmark -f 0"
 * </pre>
 * or forked, with the class path Maven prints:
 * <pre>
 *   mvn -pl capture dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 *   cd capture &amp;&amp; java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) org.openjdk.jmh.Main ConvertBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Threads(1)
public class ConvertBenchmark {
    private static final int W = 1280;
    private static final int H = 720;

    private ByteBuffer bgra;
    private ByteBuffer yuyv;
    private ByteBuffer nv12;
    private VideoFrame frame720;
    private VideoFrame frame1080;
    private VideoFrame frame360;
    private RgbToI420 bgraScalar;
    private RgbToI420 rgbaScalar;
    private RgbToI420 bgraVector;
    private RgbToI420 rgbaVector;
    private YuyvToI420 yuyvConverter;
    private Nv12ToI420 nv12Converter;
    private I420Scaler down1080;
    private I420Scaler half720;

    /** Fills the inputs with random pixels once. */
    @Setup
    public void setUp() {
        Random rnd = new Random(1);
        bgra = random(rnd, W * H * 4);
        yuyv = random(rnd, W * H * 2);
        nv12 = random(rnd, W * H * 3 / 2);
        frame720 = VideoFrame.allocate(W, H, 0);
        frame1080 = VideoFrame.allocate(1920, 1080, 0);
        frame1080.data().put(0, random(rnd, frame1080.byteSize()), 0, frame1080.byteSize());
        frame360 = VideoFrame.allocate(640, 360, 0);
        bgraScalar = new RgbToI420(RgbLayout.BGRA, W, RgbToI420.Kernel.SCALAR);
        rgbaScalar = new RgbToI420(RgbLayout.RGBA, W, RgbToI420.Kernel.SCALAR);
        bgraVector = new RgbToI420(RgbLayout.BGRA, W, RgbToI420.Kernel.VECTOR);
        rgbaVector = new RgbToI420(RgbLayout.RGBA, W, RgbToI420.Kernel.VECTOR);
        yuyvConverter = new YuyvToI420(W);
        nv12Converter = new Nv12ToI420(W);
        down1080 = new I420Scaler(1920, 1080, W, H);
        half720 = new I420Scaler(W, H, 640, 360);
    }

    /** 1280x720 BGRA (X11 ZPixmap) to I420, scalar kernel. */
    @Benchmark
    public VideoFrame bgraToI420Scalar() {
        bgraScalar.convert(bgra, 0, W * 4, frame720);
        return frame720;
    }

    /** 1280x720 BGRA to I420, Vector API kernel. */
    @Benchmark
    public VideoFrame bgraToI420Vector() {
        bgraVector.convert(bgra, 0, W * 4, frame720);
        return frame720;
    }

    /** 1280x720 RGBA to I420, scalar kernel. */
    @Benchmark
    public VideoFrame rgbaToI420Scalar() {
        rgbaScalar.convert(bgra, 0, W * 4, frame720);
        return frame720;
    }

    /** 1280x720 RGBA to I420, Vector API kernel. */
    @Benchmark
    public VideoFrame rgbaToI420Vector() {
        rgbaVector.convert(bgra, 0, W * 4, frame720);
        return frame720;
    }

    /** 1280x720 YUYV (camera) to I420. */
    @Benchmark
    public VideoFrame yuyvToI420() {
        yuyvConverter.convert(yuyv, 0, W * 2, frame720);
        return frame720;
    }

    /** 1280x720 NV12 (camera) to I420. */
    @Benchmark
    public VideoFrame nv12ToI420() {
        nv12Converter.convert(nv12, 0, W, W * H, W, frame720);
        return frame720;
    }

    /** 1920x1080 I420 to 1280x720, bilinear. */
    @Benchmark
    public VideoFrame scale1080To720Bilinear() {
        down1080.scale(frame1080, frame720);
        return frame720;
    }

    /** 1280x720 I420 to 640x360, 2x2 box. */
    @Benchmark
    public VideoFrame scale720To360Box() {
        frame720.setPtsUs(0);
        half720.scale(frame720, frame360);
        return frame360;
    }

    private static ByteBuffer random(Random rnd, int size) {
        byte[] b = new byte[size];
        rnd.nextBytes(b);
        return ByteBuffer.allocateDirect(size).put(b).clear();
    }
}
