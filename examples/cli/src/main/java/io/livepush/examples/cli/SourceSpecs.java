package io.livepush.examples.cli;

import io.livepush.capture.AudioFormat;
import io.livepush.capture.AudioSource;
import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoSource;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.source.ToneSource;
import io.livepush.capture.y4m.Y4mFileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns the {@code --video} and {@code --audio} option values into sources. Every source of one
 * stream is stamped by the same {@link MediaClock}.
 */
final class SourceSpecs {
    static final String VIDEO_FORMS = "test, file:PATH.y4m";
    static final String AUDIO_FORMS = "tone, none";

    private SourceSpecs() {
    }

    /**
     * @param spec {@code test} or {@code file:PATH.y4m}
     * @param realtime pace the source to the clock (push) or run as fast as read (bench)
     */
    static VideoSource video(String spec, SizeArg size, double fps, MediaClock clock, boolean realtime) throws IOException {
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
                    + VIDEO_FORMS + ")");
        }
        throw new IllegalArgumentException("video source '" + s + "' is not understood (expected " + VIDEO_FORMS + ")");
    }

    /** @return the source, or {@code null} for {@code none} */
    static AudioSource audio(String spec, AudioFormat format, MediaClock clock, boolean realtime) {
        String s = spec == null ? "tone" : spec.trim();
        return switch (s) {
            case "none" -> null;
            case "tone" -> ToneSource.builder().format(format).clock(clock).realtime(realtime).build();
            default -> {
                if (s.startsWith("mic") || s.startsWith("file:")) {
                    throw new IllegalArgumentException("audio source '" + s + "' is not supported by this build yet (expected "
                            + AUDIO_FORMS + ")");
                }
                throw new IllegalArgumentException("audio source '" + s + "' is not understood (expected " + AUDIO_FORMS + ")");
            }
        };
    }
}
