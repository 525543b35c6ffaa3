package io.livepush.examples.cli;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoSource;
import io.livepush.encoder.EncodedVideoFrame;
import io.livepush.encoder.RateControlMode;
import io.livepush.encoder.VideoEncoder;
import io.livepush.encoder.VideoEncoderConfig;
import io.livepush.encoder.VideoEncoders;
import io.livepush.encoder.h264.AnnexB;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code livepush bench encode}: encodes N frames (the test pattern, or a Y4M file) and prints the
 * encoder's throughput in frames per second and the bitrate it produced. Only the encode calls are
 * timed: the input frames are made (or read) first and held in memory, so the figure is the
 * encoder's, comparable with {@code ffmpeg -benchmark} on the same Y4M input.
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Encode N frames and print fps, kbps and the backend.")
final class BenchEncodeCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "FILE.y4m", description = "Raw input; default: the test pattern.")
    Path input;

    @Option(names = "--size", defaultValue = "1280x720", converter = SizeArg.Converter.class,
            description = "Frame size for the test pattern (default: ${DEFAULT-VALUE})")
    SizeArg size;

    @Option(names = "--frames", defaultValue = "300", description = "Frames to encode (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--fps", defaultValue = "30", description = "Frame rate the bitrate is meant for (default: ${DEFAULT-VALUE})")
    double fps;

    @Option(names = "--bitrate", defaultValue = "2500", description = "Target kbps (default: ${DEFAULT-VALUE})")
    int kbps;

    @Option(names = "--encoder", defaultValue = "auto", description = "auto|openh264|... (default: ${DEFAULT-VALUE})")
    String encoderName;

    @Option(names = "--rate-control", defaultValue = "CBR",
            description = "CBR (may skip frames to hold the rate), VBR or QUALITY (never skip) (default: ${DEFAULT-VALUE})")
    RateControlMode rateControl;

    @Option(names = "--threads", defaultValue = "1", description = "Encoder threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--out", paramLabel = "FILE.h264", description = "Write the Annex B stream here.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (frames < 1 || frames > 100_000) {
            throw new IllegalArgumentException("--frames " + frames + " is not allowed (expected 1..100000)");
        }
        List<VideoFrame> raw = loadFrames();
        VideoFrame first = raw.get(0);
        VideoEncoderConfig config = VideoEncoderConfig.builder().size(first.width(), first.height()).fps(fps)
                .bitrateBps(kbps * 1000).threads(threads).rateControl(rateControl).build();
        long bytes = 0;
        long encodeNanos = 0;
        int encoded = 0;
        try (VideoEncoder encoder = VideoEncoders.create(encoderName, config);
                OutputStream os = out == null ? OutputStream.nullOutputStream()
                        : new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            System.out.println("encoder: " + VideoEncoders.lastSelectionReport());
            long frameUs = Math.round(1e6 / fps);
            for (int i = 0; i < frames; i++) {
                VideoFrame f = raw.get(i % raw.size());
                f.setPtsUs(i * frameUs);
                long t0 = System.nanoTime();
                EncodedVideoFrame au = encoder.encode(f);
                encodeNanos += System.nanoTime() - t0;
                if (au != null) {
                    encoded++;
                    bytes += au.payloadSize();
                    os.write(AnnexB.join(au.nalUnits()));
                }
            }
            double seconds = encodeNanos / 1e9;
            double mediaSeconds = frames / fps;
            System.out.printf(Locale.ROOT, "backend %s  %dx%d  %d frames (%d coded)  %.1f fps  %.2f ms/frame  %.0f kbps%n",
                    encoder.name(), config.width(), config.height(), frames, encoded, frames / seconds,
                    seconds * 1000 / frames, bytes * 8 / mediaSeconds / 1000);
        } finally {
            raw.forEach(VideoFrame::release);
        }
        if (out != null) {
            System.out.println("wrote " + out);
        }
        return 0;
    }

    /** Makes or reads the input frames up front (at most 300 distinct ones, then they repeat). */
    private List<VideoFrame> loadFrames() throws Exception {
        int distinct = Math.min(frames, 300);
        List<VideoFrame> list = new ArrayList<>(distinct);
        MediaClock clock = new MediaClock();
        try (VideoSource src = input == null ? VideoSourceSpecs.open("test", size, fps, clock, false)
                : VideoSourceSpecs.open("file:" + input, size, fps, clock, false)) {
            for (int i = 0; i < distinct; i++) {
                VideoFrame f = src.read();
                if (f == null) {
                    break;
                }
                VideoFrame copy = VideoFrame.allocate(f.width(), f.height(), f.ptsUs());
                copy.copyFrom(f);
                f.release();
                list.add(copy);
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("input " + input + " holds no frames (expected at least one)");
        }
        return list;
    }
}
