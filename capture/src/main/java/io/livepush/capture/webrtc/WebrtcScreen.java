package io.livepush.capture.webrtc;

import com.sun.jna.Platform;
import dev.onvoid.webrtc.media.video.desktop.DesktopCapturer;
import dev.onvoid.webrtc.media.video.desktop.DesktopSource;
import dev.onvoid.webrtc.media.video.desktop.ScreenCapturer;
import io.livepush.capture.MediaClock;
import io.livepush.capture.SourceErrorListener;
import io.livepush.capture.VideoFormat;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.VideoSource;
import io.livepush.capture.source.FrameRate;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A desktop through webrtc-java's {@link ScreenCapturer} (macOS ScreenCaptureKit/CoreGraphics, Windows
 * DXGI/GDI), for where {@link io.livepush.capture.screen.Screen} (X11) does not apply. {@link #read()}
 * paces on the frame-rate grid and asks the capturer for one frame ({@code captureFrame()}), which
 * webrtc delivers to the callback on the same thread; it is copied into a pooled frame of the output
 * size (scaled when the desktop's size differs).
 *
 * <p>On Linux, webrtc-java 0.14.0's desktop capturer crashed the JVM (SIGSEGV in
 * {@code DesktopCapturer::GetSourceList}, and in {@code VideoDesktopSource}) under Xvfb, so it is
 * refused there unless {@code -D}{@value WebrtcCapture#LINUX_DESKTOP_PROPERTY}{@code =true}.
 *
 * <p>Threads: none of its own; one thread calls {@code read()}; {@link #close()} from any thread.
 */
public final class WebrtcScreen implements VideoSource {
    private final ScreenCapturer capturer;
    private final DesktopSource source;
    private final FrameRate frameRate;
    private final MediaClock clock;
    private final VideoFormat format;
    private final WebrtcFrameCopier copier;
    private VideoFrame delivered;
    private RuntimeException failure;
    private volatile SourceErrorListener errorListener = (s, e) -> { };
    private volatile boolean closed;
    private boolean started;
    private long nextIndex;
    private long pendingPts;

    private WebrtcScreen(ScreenCapturer capturer, DesktopSource source, int width, int height, FrameRate rate,
            MediaClock clock) {
        this.capturer = capturer;
        this.source = source;
        this.frameRate = rate;
        this.clock = clock;
        this.format = new VideoFormat(width, height, rate.fps());
        this.copier = new WebrtcFrameCopier(new VideoFramePool(width, height, 8));
        capturer.setMaxFrameRate((int) Math.ceil(rate.fps()));
        capturer.selectSource(source);
        capturer.start((result, frame) -> {
            if (frame == null) {
                if (result != DesktopCapturer.Result.SUCCESS) {
                    failure = new IllegalStateException("desktop capture of " + source.title + " failed: " + result);
                }
                return;
            }
            try {
                delivered = copier.copy(frame, pendingPts);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                frame.release();
            }
        });
    }

    /**
     * Opens a screen: the one whose title contains {@code name} (case-insensitive), or the first.
     *
     * @param name a part of the screen's or window's title, or empty or {@code null} for the first
     * @param width frame width in pixels: even, 2..16384; the screen is scaled to it
     * @param height frame height in pixels: even, 2..16384
     * @param rate the exact capture rate, never null
     * @param clock the shared clock, never null
     * @return the started source, owned by the caller (who closes it)
     * @throws IllegalArgumentException when no screen matches (listing them) or on Linux without the opt-in
     * @throws IllegalStateException when webrtc-java cannot load here
     */
    public static WebrtcScreen open(String name, int width, int height, FrameRate rate, MediaClock clock) {
        VideoFrame.requireValidSize(width, height);
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(clock, "clock");
        if (Platform.isLinux() && !Boolean.getBoolean(WebrtcCapture.LINUX_DESKTOP_PROPERTY)) {
            throw new IllegalArgumentException("webrtc desktop capture is refused on Linux: webrtc-java 0.14.0 crashed"
                    + " the JVM there (use screen:DISPLAY, the X11 capture; or -D" + WebrtcCapture.LINUX_DESKTOP_PROPERTY
                    + "=true to try anyway)");
        }
        WebrtcCapture.requireAvailable();
        ScreenCapturer capturer = new ScreenCapturer();
        List<DesktopSource> sources = capturer.getDesktopSources();
        String n = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        DesktopSource pick = sources.stream().filter(s -> s.title.toLowerCase(java.util.Locale.ROOT).contains(n))
                .findFirst().orElse(null);
        if (pick == null) {
            capturer.dispose();
            throw new IllegalArgumentException("no screen named '" + name + "' (screens found: "
                    + sources.stream().map(s -> s.title + " #" + s.id).toList() + ")");
        }
        return new WebrtcScreen(capturer, pick, width, height, rate, clock);
    }

    @Override
    public VideoFormat format() {
        return format;
    }

    /** @return the screen captured */
    public String describe() {
        return "webrtc screen \"" + source.title + "\" #" + source.id + " -> " + format.width() + "x" + format.height()
                + " @ " + frameRate;
    }

    @Override
    public void setErrorListener(SourceErrorListener listener) {
        this.errorListener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public synchronized VideoFrame read() throws IOException, InterruptedException {
        while (!closed) {
            if (!started) {
                nextIndex = frameRate.frameAtOrAfter(clock.nowUs());
                started = true;
            }
            long n = Math.max(nextIndex, frameRate.frameAtOrAfter(clock.nowUs() - 3 * format.frameIntervalUs()));
            clock.sleepUntil(frameRate.ptsUs(n));
            nextIndex = n + 1;
            pendingPts = frameRate.ptsUs(n);
            delivered = null;
            failure = null;
            capturer.captureFrame();
            if (delivered != null) {
                return delivered;
            }
            if (failure != null) {
                errorListener.onSourceError(this, failure);
            }
        }
        return null;
    }

    /** Stops and disposes the capturer; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (this) {
            capturer.dispose();
        }
    }
}
