package io.livepush.capture.webrtc;

import dev.onvoid.webrtc.media.MediaDevices;
import dev.onvoid.webrtc.media.video.VideoCapture;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import io.livepush.capture.MediaClock;
import io.livepush.capture.SourceErrorListener;
import io.livepush.capture.VideoFormat;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.VideoSource;
import io.livepush.capture.camera.CameraException;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A camera through webrtc-java's device capture ({@code VideoCapture}: AVFoundation on macOS, DirectShow
 * / Media Foundation on Windows, V4L2 on Linux), for the platforms where {@link io.livepush.capture.camera.Camera}
 * does not apply. The capability closest to the asked size and rate is chosen ({@link #chosen()});
 * frames arrive on webrtc's capture thread as I420 and are copied into pooled frames of the asked size
 * ({@link WebrtcFrameCopier}); {@link #read()} hands out the newest (older ones are dropped, not queued).
 *
 * <p>Threads: webrtc's capture thread delivers; one thread calls {@code read()}; {@link #close()} from any
 * thread stops and disposes the capture. A second without a frame is reported to the
 * {@link SourceErrorListener} and waiting goes on.
 */
public final class WebrtcCamera implements VideoSource {
    private final VideoCapture capture;
    private final VideoDevice device;
    private final VideoCaptureCapability chosen;
    private final VideoFormat format;
    private final VideoFramePool pool;
    private final LatestFrame latest = new LatestFrame();
    private final MediaClock clock;
    private volatile SourceErrorListener errorListener = (s, e) -> { };
    private volatile boolean closed;

    private WebrtcCamera(VideoDevice device, VideoCaptureCapability chosen, int width, int height, double fps,
            MediaClock clock, int poolCapacity) {
        this.device = device;
        this.chosen = chosen;
        this.clock = clock;
        this.format = new VideoFormat(width, height, fps);
        this.pool = new VideoFramePool(width, height, poolCapacity);
        WebrtcFrameCopier copier = new WebrtcFrameCopier(pool);
        this.capture = new VideoCapture();
        capture.setVideoCaptureDevice(device);
        if (chosen != null) {
            capture.setVideoCaptureCapability(chosen);
        }
        capture.setVideoSink(frame -> {
            try {
                latest.offer(copier.copy(frame, clock.nowUs()));
            } catch (RuntimeException e) {
                errorListener.onSourceError(this, e);
            } finally {
                frame.release();
            }
        });
        capture.start();
    }

    /**
     * Opens a camera by name (case-insensitive substring; an empty name takes the first camera).
     *
     * @param name a part of the camera's name, or empty or {@code null} for the first camera
     * @param width frame width in pixels: even, 2..16384; the nearest capability is scaled to it
     * @param height frame height in pixels: even, 2..16384
     * @param fps frames per second asked for
     * @param clock the shared clock, never null
     * @return the started camera, owned by the caller (who closes it)
     * @throws CameraException NOT_FOUND listing the cameras webrtc-java sees
     * @throws IllegalStateException when webrtc-java cannot load here
     */
    public static WebrtcCamera open(String name, int width, int height, double fps, MediaClock clock)
            throws CameraException {
        VideoFrame.requireValidSize(width, height);
        Objects.requireNonNull(clock, "clock");
        WebrtcCapture.requireAvailable();
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        VideoDevice device = MediaDevices.getVideoCaptureDevices().stream()
                .filter(d -> d.getName().toLowerCase(Locale.ROOT).contains(n)).findFirst().orElse(null);
        if (device == null) {
            throw new CameraException(CameraException.Reason.NOT_FOUND, "no webrtc camera named '" + name
                    + "' (cameras found: " + WebrtcCapture.cameraNames() + ")");
        }
        List<VideoCaptureCapability> caps = MediaDevices.getVideoCaptureCapabilities(device);
        VideoCaptureCapability best = caps.stream().min(Comparator
                .comparingInt((VideoCaptureCapability c) -> Math.abs(c.width - width) + Math.abs(c.height - height))
                .thenComparingDouble(c -> Math.max(0, fps - c.frameRate))
                .thenComparingDouble(c -> Math.abs(c.frameRate - fps))).orElse(null);
        return new WebrtcCamera(device, best, width, height, fps, clock, 8);
    }

    /** @return the capability webrtc-java was asked to capture with (null when the device lists none) */
    public VideoCaptureCapability chosen() {
        return chosen;
    }

    /** @return what was opened and chosen */
    public String describe() {
        return "webrtc camera \"" + device.getName() + "\" " + (chosen == null ? "(device default)" : chosen.width
                + "x" + chosen.height + "@" + chosen.frameRate) + " -> " + format.width() + "x" + format.height();
    }

    @Override
    public VideoFormat format() {
        return format;
    }

    @Override
    public void setErrorListener(SourceErrorListener listener) {
        this.errorListener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public VideoFrame read() throws IOException, InterruptedException {
        while (!closed) {
            VideoFrame f = latest.take(1000);
            if (f != null) {
                return f;
            }
            if (!closed) {
                errorListener.onSourceError(this, new CameraException(CameraException.Reason.DEVICE_ERROR,
                        "webrtc camera \"" + device.getName() + "\" delivered no frame for 1000 ms"));
            }
        }
        return null;
    }

    /** @return frames replaced before they were read (the reader was slower than the camera) */
    public long droppedFrames() {
        return latest.dropped();
    }

    /** Stops and disposes the capture; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        capture.stop();
        capture.dispose();
        latest.close();
    }
}
