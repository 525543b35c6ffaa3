package io.livepush.encoder.openh264;

import io.livepush.capture.VideoFrame;
import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.VideoEncoderConfig;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the throughput of {@link OpenH264Backend} on the frames of a raw I420 1280x720 file, to set
 * against {@code src/test/c/openh264_encode_bench.c} (OpenH264 called from C with the same settings:
 * the default configuration, CBR 2500 kbps, 30 fps, one thread, an IDR forced every 60 frames). Not a
 * test: a measuring tool, run by hand.
 *
 * <pre>
 * ffmpeg -f lavfi -i testsrc2=size=1280x720:rate=30 -frames:v 300 -pix_fmt yuv420p -f rawvideo /tmp/in.yuv
 * mvn -q -pl encoder -am test-compile
 * java -cp encoder/target/test-classes:encoder/target/classes:capture/target/classes:native/target/classes:\
 *   ~/.m2/repository/net/java/dev/jna/jna/5.15.0/jna-5.15.0.jar \
 *   io.livepush.encoder.openh264.OpenH264ThroughputProbe /tmp/in.yuv [/tmp/java.h264]
 * </pre>
 *
 * <p>All frames are read into memory first. One untimed pass warms the JIT up; then a fresh encoder
 * encodes every frame, timed by the wall clock and by the encoding thread's CPU time. The bytes
 * counted are the Annex B stream's (4-byte start codes), as the C program counts them, so equal
 * settings give equal counts; with OUT the stream is written for a byte-for-byte comparison.
 */
public final class OpenH264ThroughputProbe {
    private static final int W = 1280;
    private static final int H = 720;
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private OpenH264ThroughputProbe() {
    }

    /** @param args IN.yuv [OUT.h264] */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: OpenH264ThroughputProbe IN.yuv [OUT.h264]");
            System.exit(2);
        }
        List<VideoFrame> frames = read(Path.of(args[0]));
        VideoEncoderConfig config = VideoEncoderConfig.builder().size(W, H).fps(30).bitrateBps(2_500_000).threads(1).build();
        encodeAll(config, frames, null);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long[] result;
        try (OutputStream out = args.length > 1 ? new BufferedOutputStream(Files.newOutputStream(Path.of(args[1]))) : null) {
            result = encodeAll(config, frames, out);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf("java: %d frames (%d encoded) in %.3f s = %.1f fps (cpu %.3f s = %.1f fps), %d bytes%n",
                frames.size(), result[0], seconds, frames.size() / seconds, cpuSeconds, frames.size() / cpuSeconds,
                result[1]);
        frames.forEach(VideoFrame::release);
    }

    /** @return {encoded frames, Annex B bytes} */
    private static long[] encodeAll(VideoEncoderConfig config, List<VideoFrame> frames, OutputStream out)
            throws IOException {
        long encoded = 0;
        long bytes = 0;
        try (OpenH264Backend backend = new OpenH264Backend(config)) {
            for (int i = 0; i < frames.size(); i++) {
                VideoFrame frame = frames.get(i);
                frame.setPtsUs(Math.round(i * 1_000_000.0 / 30));
                EncodedVideoFrame au = backend.encode(frame, i % 60 == 0);
                if (au == null) {
                    continue;
                }
                encoded++;
                for (byte[] nal : au.nalUnits()) {
                    bytes += START_CODE.length + nal.length;
                    if (out != null) {
                        out.write(START_CODE);
                        out.write(nal);
                    }
                }
            }
        }
        return new long[] {encoded, bytes};
    }

    private static List<VideoFrame> read(Path file) throws IOException {
        List<VideoFrame> frames = new ArrayList<>();
        int size = W * H * 3 / 2;
        byte[] buf = new byte[size];
        try (InputStream in = Files.newInputStream(file)) {
            while (in.readNBytes(buf, 0, size) == size) {
                VideoFrame f = VideoFrame.allocate(W, H, 0);
                f.data().put(0, buf);
                frames.add(f);
            }
        }
        return frames;
    }
}
