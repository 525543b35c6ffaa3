package io.livepush.examples.cli;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoSource;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.y4m.Y4mFileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns the {@code --video} option value into a source stamped by the stream's {@link MediaClock}. */
final class VideoSourceSpecs {
    static final String FORMS = "test, file:PATH.y4m";

    private VideoSourceSpecs() {
    }

    /**
     * @param spec {@code test} or {@code file:PATH.y4m}
     * @param realtime pace the source to the clock (push) or run as fast as read (bench)
     */
    static VideoSource open(String spec, SizeArg size, double fps, MediaClock clock, boolean realtime) throws IOException {
        String s = spec == null ? "test" : spec.trim();
        if (s.equals("test")) {
            return TestPatternSource.builder().size(size.width(), size.height()).frameRate(FrameRate.of(fps))
                    .clock(clock).realtime(realtime).build();
        }
        if (s.startsWith("file:")) {
            Path p = Path.of(s.substring(5));
            if (!Files.isReadable(p)) {
                throw new IllegalArgumentException("video file '" + p + "' cannot be read (expected an existing .y4m file)");
            }
            return Y4mFileSource.builder(p).clock(clock).paced(realtime).build();
        }
        if (s.startsWith("screen") || s.startsWith("camera")) {
            throw new IllegalArgumentException("video source '" + s + "' is not supported by this build yet (expected "
                    + FORMS + ")");
        }
        throw new IllegalArgumentException("video source '" + s + "' is not understood (expected " + FORMS + ")");
    }

    /** @return the lines {@code livepush devices} prints about video sources */
    static String devicesReport() {
        return "Video sources: test (test pattern), file:PATH.y4m\n";
    }
}
