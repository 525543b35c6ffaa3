package io.livepush.examples.cli;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoSource;
import io.livepush.capture.devices.Devices;
import io.livepush.capture.screen.Screen;
import io.livepush.capture.screen.ScreenRegion;
import io.livepush.capture.source.FrameRate;
import io.livepush.capture.source.TestPatternSource;
import io.livepush.capture.webrtc.VideoSources;
import io.livepush.capture.webrtc.WebrtcCapture;
import io.livepush.capture.y4m.Y4mFileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns the {@code --video} option value into a source stamped by the stream's {@link MediaClock}:
 * <ul>
 *   <li>{@code test} and {@code file:PATH.y4m};</li>
 *   <li>{@code camera[:DEVICE]}: DEVICE is {@code /dev/videoN}, part of a camera's name, or
 *       {@code webrtc:NAME}; V4L2 on Linux, webrtc-java elsewhere; frames at {@code --size}/{@code --fps}
 *       (the closest mode is negotiated and scaled when it differs);</li>
 *   <li>{@code screen[:DISPLAY][@WxH+X+Y]}: an X display ({@code :0}; {@code $DISPLAY} when left out) and an
 *       optional region, or {@code screen:webrtc[:NAME]}; scaled to {@code --size} when it differs.</li>
 * </ul>
 */
final class VideoSourceSpecs {
    static final String FORMS = "test, file:PATH.y4m, camera[:DEVICE|:webrtc:NAME], screen[:DISPLAY][@WxH+X+Y],"
            + " screen:webrtc[:NAME]";

    private VideoSourceSpecs() {
    }

    /**
     * @param spec one of {@link #FORMS}
     * @param realtime pace the source to the clock (push) or run as fast as read (bench); devices are always real-time
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
        if (s.equals("camera") || s.startsWith("camera:")) {
            String device = s.length() > 7 ? s.substring(7) : null;
            return report(VideoSources.camera(device, size.width(), size.height(), fps, clock));
        }
        if (s.equals("screen") || s.startsWith("screen:") || s.startsWith("screen@")) {
            String rest = s.substring(6);
            rest = rest.startsWith(":") ? rest.substring(1) : rest; // the separator; the display keeps its own ':'
            int at = rest.indexOf('@');
            String display = at >= 0 ? rest.substring(0, at) : rest;
            String region = at >= 0 ? rest.substring(at + 1) : null;
            display = display.matches("\\d+") ? ":" + display : display;
            if (region != null && !display.startsWith("webrtc")) {
                return report(Screen.builder().display(display.isEmpty() ? null : display)
                        .region(ScreenRegion.parse(region)).frameRate(FrameRate.of(fps)).clock(clock)
                        .outputSize(size.width(), size.height()).build());
            }
            return report(VideoSources.screen(display.isEmpty() ? null : display, size.width(), size.height(), fps,
                    clock));
        }
        throw new IllegalArgumentException("video source '" + s + "' is not understood (expected " + FORMS + ")");
    }

    /** Says on stderr what a device source chose (mode, region, method), then hands it back. */
    private static VideoSource report(VideoSource source) {
        System.err.println("video: " + source);
        return source;
    }

    /** @return the lines {@code livepush devices} prints about video sources */
    static String devicesReport() {
        StringBuilder sb = new StringBuilder("Video sources: " + FORMS + "\n");
        sb.append(Devices.report());
        if (WebrtcCapture.linuxBackendsApply()) {
            // Not loaded here: webrtc-java sees the same V4L2 devices; camera:webrtc:NAME still selects it.
            return sb.append("Cameras (webrtc-java): not probed on Linux (same devices as V4L2)\n").toString();
        }
        String why = WebrtcCapture.unavailableReason();
        var cams = why == null ? WebrtcCapture.cameras() : java.util.List.<io.livepush.capture.devices.CameraDevice>of();
        sb.append("Cameras (webrtc-java):").append(why != null ? " unavailable: " + why : cams.isEmpty() ? " none" : "")
                .append('\n');
        cams.forEach(c -> sb.append("  ").append(c).append('\n'));
        return sb.toString();
    }
}
