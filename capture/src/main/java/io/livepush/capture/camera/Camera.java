package io.livepush.capture.camera;

import com.sun.jna.LastErrorException;
import com.sun.jna.Pointer;
import io.livepush.capture.MediaClock;
import io.livepush.capture.SourceErrorListener;
import io.livepush.capture.VideoFormat;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.VideoSource;
import io.livepush.capture.convert.I420Copy;
import io.livepush.capture.convert.I420Scaler;
import io.livepush.capture.convert.Nv12ToI420;
import io.livepush.capture.convert.YuyvToI420;
import io.livepush.capture.devices.Devices;
import io.livepush.natives.libc.LibC;
import io.livepush.natives.libc.Posix;
import io.livepush.natives.v4l2.V4l2;
import io.livepush.natives.v4l2.V4l2Buffer;
import io.livepush.natives.v4l2.V4l2Capability;
import io.livepush.natives.v4l2.V4l2Format;
import io.livepush.natives.v4l2.V4l2RequestBuffers;
import io.livepush.natives.v4l2.V4l2StreamParm;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * A V4L2 camera (Linux) as a {@link VideoSource}: opened by device path or by name, the mode closest
 * to the asked size and rate negotiated ({@link #negotiation()} says what was chosen and why), mmap
 * streaming with {@value #BUFFERS} buffers, and YUYV, NV12, I420 or MJPEG converted into pooled I420
 * frames (MJPEG decoded by the JDK's JPEG reader, see {@code MjpegDecoder}). When the chosen size
 * differs from the asked one, frames are scaled to the asked size, so {@link #format()} is always
 * what was asked.
 *
 * <h2>Timing</h2>
 * {@link #read()} waits (poll) for the driver's next buffer; a frame's pts is the driver's capture
 * timestamp (CLOCK_MONOTONIC, the clock {@link MediaClock} runs on) mapped onto the media clock, or
 * the dequeue time when the driver's stamp is not plausible.
 *
 * <h2>Errors</h2>
 * Opening: {@link CameraException} with {@link CameraException.Reason} NOT_FOUND (listing the cameras
 * found), BUSY, PERMISSION_DENIED, NOT_A_CAMERA, UNSUPPORTED (listing what the camera offers).
 * Streaming: a corrupt buffer, a picture that does not decode, or a second without a frame is
 * reported to the {@link SourceErrorListener} and capture goes on; unplugging ({@code ENODEV}) is
 * reported to the listener and then thrown from {@code read()} as reason LOST.
 *
 * <p>Threads: none of its own. One thread calls {@code read()}; {@link #close()} may come from any
 * thread (it waits for a read in progress to finish its device calls). {@code close()} stops
 * streaming, unmaps the buffers and closes the device.
 */
public final class Camera implements VideoSource {
    /** Buffers queued to the driver. */
    public static final int BUFFERS = 4;
    /** How long one poll waits before the stall is reported, in milliseconds. */
    public static final int STALL_REPORT_MS = 1000;

    private final Object lock = new Object();
    private final V4l2Device device;
    private final CameraNegotiation negotiation;
    private final CameraMode configured;
    private final int bytesPerLine;
    private final VideoFormat format;
    private final MediaClock clock;
    private final VideoFramePool pool;
    private final Pointer[] maps = new Pointer[BUFFERS];
    private final int[] lengths = new int[BUFFERS];
    private final I420Scaler scaler;
    private final VideoFrame captureFrame;
    private final YuyvToI420 yuyv;
    private final Nv12ToI420 nv12;
    private final MjpegDecoder mjpeg;
    private volatile SourceErrorListener errorListener = (s, e) -> { };
    private volatile boolean closed;
    private boolean streaming;
    private boolean lost;
    private int buffers;

    private Camera(Builder b, V4l2Device device) throws CameraException {
        this.device = device;
        this.clock = b.clock != null ? b.clock : new MediaClock();
        V4l2Capability cap = device.queryCapability();
        int caps = cap == null ? 0 : cap.nodeCapabilities();
        if ((caps & V4l2.V4L2_CAP_VIDEO_CAPTURE) == 0 || (caps & V4l2.V4L2_CAP_STREAMING) == 0) {
            throw new CameraException(CameraException.Reason.NOT_A_CAMERA, device.path()
                    + " is not a streaming video capture device (capabilities 0x" + Integer.toHexString(caps)
                    + "; cameras found: " + Devices.cameraNames() + ")");
        }
        List<Integer> offeredFormats = device.pixelFormats();
        List<Integer> usable = offeredFormats.stream().filter(CameraPixelFormats::supported).toList();
        if (usable.isEmpty()) {
            throw new CameraException(CameraException.Reason.UNSUPPORTED, "camera " + device.path() + " offers "
                    + offeredFormats.stream().map(V4l2::fourccName).toList() + ", none of which LivePush converts ("
                    + CameraPixelFormats.names() + ")");
        }
        List<CameraMode> modes = device.modes(usable);
        this.negotiation = CameraNegotiation.choose(device.path(), modes,
                new CameraMode(b.pixelFormat, b.width, b.height, b.fps), b.exactSize);
        V4l2Format fmt = setFormat(negotiation.chosen());
        this.bytesPerLine = fmt.bytesperline;
        double fps = setFrameRate(negotiation.chosen().fps());
        this.configured = new CameraMode(fmt.pixelformat, fmt.width & ~1, fmt.height & ~1, fps);
        this.format = new VideoFormat(b.width, b.height, Math.min(240, Math.max(1, fps)));
        this.pool = new VideoFramePool(b.width, b.height, b.poolCapacity);
        boolean scale = configured.width() != b.width || configured.height() != b.height;
        this.scaler = scale ? new I420Scaler(configured.width(), configured.height(), b.width, b.height) : null;
        this.captureFrame = scale ? VideoFrame.allocate(configured.width(), configured.height(), 0) : null;
        int f = configured.pixelFormat();
        this.yuyv = f == V4l2.V4L2_PIX_FMT_YUYV ? new YuyvToI420(configured.width()) : null;
        this.nv12 = f == V4l2.V4L2_PIX_FMT_NV12 ? new Nv12ToI420(configured.width()) : null;
        this.mjpeg = f == V4l2.V4L2_PIX_FMT_MJPEG || f == V4l2.V4L2_PIX_FMT_JPEG ? new MjpegDecoder() : null;
        try {
            startStreaming();
        } catch (CameraException e) {
            releaseBuffers();
            throw e;
        }
    }

    /**
     * @param device a device path ({@code /dev/video0}) or a camera name, matched case-insensitively
     *     against the names {@link Devices#cameras()} reports
     * @return a builder; nothing is opened until {@link Builder#open()}
     */
    public static Builder builder(String device) {
        return new Builder(device);
    }

    private V4l2Format setFormat(CameraMode mode) throws CameraException {
        V4l2Format fmt = new V4l2Format();
        fmt.type = V4l2.V4L2_BUF_TYPE_VIDEO_CAPTURE;
        fmt.width = mode.width();
        fmt.height = mode.height();
        fmt.pixelformat = mode.pixelFormat();
        fmt.field = V4l2.V4L2_FIELD_NONE;
        int err = device.ioctl(V4l2.VIDIOC_S_FMT, fmt);
        if (err == Posix.EBUSY) {
            throw new CameraException(CameraException.Reason.BUSY, "camera " + device.path()
                    + " is busy (EBUSY): another program is streaming from it");
        }
        if (err != 0) {
            throw new CameraException(CameraException.Reason.DEVICE_ERROR, "camera " + device.path()
                    + " refused format " + mode + " (" + Posix.errnoName(err) + ")");
        }
        if (fmt.pixelformat != mode.pixelFormat() || fmt.width < 2 || fmt.height < 2) {
            throw new CameraException(CameraException.Reason.UNSUPPORTED, "camera " + device.path() + " answered "
                    + V4l2.fourccName(fmt.pixelformat) + " " + fmt.width + "x" + fmt.height + " when asked for " + mode);
        }
        return fmt;
    }

    /** @return the rate the driver set (or the chosen one when it cannot be set or read) */
    private double setFrameRate(double fps) {
        V4l2StreamParm parm = new V4l2StreamParm();
        parm.type = V4l2.V4L2_BUF_TYPE_VIDEO_CAPTURE;
        if (device.ioctl(V4l2.VIDIOC_G_PARM, parm) != 0 || (parm.capability & V4l2.V4L2_CAP_TIMEPERFRAME) == 0) {
            return fps;
        }
        parm.numerator = 1000;
        parm.denominator = (int) Math.round(fps * 1000);
        if (device.ioctl(V4l2.VIDIOC_S_PARM, parm) != 0 || parm.numerator <= 0 || parm.denominator <= 0) {
            return fps;
        }
        return (double) parm.denominator / parm.numerator;
    }

    private void startStreaming() throws CameraException {
        V4l2RequestBuffers req = new V4l2RequestBuffers();
        req.count = BUFFERS;
        req.type = V4l2.V4L2_BUF_TYPE_VIDEO_CAPTURE;
        req.memory = V4l2.V4L2_MEMORY_MMAP;
        int err = device.ioctl(V4l2.VIDIOC_REQBUFS, req);
        if (err != 0 || req.count < 2) {
            throw failure(err == Posix.EBUSY ? CameraException.Reason.BUSY : CameraException.Reason.DEVICE_ERROR,
                    "allocates no streaming buffers (" + (err != 0 ? Posix.errnoName(err) : req.count + " given") + ")");
        }
        buffers = Math.min(req.count, BUFFERS);
        for (int i = 0; i < buffers; i++) {
            V4l2Buffer buf = buffer(i);
            if ((err = device.ioctl(V4l2.VIDIOC_QUERYBUF, buf)) != 0) {
                throw failure(CameraException.Reason.DEVICE_ERROR, "cannot describe buffer " + i + " ("
                        + Posix.errnoName(err) + ")");
            }
            try {
                maps[i] = device.mmap(buf.length, buf.offset);
                lengths[i] = buf.length;
            } catch (LastErrorException e) {
                throw failure(CameraException.Reason.DEVICE_ERROR, "cannot map buffer " + i + " ("
                        + Posix.errnoName(e.getErrorCode()) + ")");
            }
            if ((err = device.ioctl(V4l2.VIDIOC_QBUF, buf)) != 0) {
                throw failure(CameraException.Reason.DEVICE_ERROR, "cannot queue buffer " + i + " ("
                        + Posix.errnoName(err) + ")");
            }
        }
        if ((err = device.ioctlInt(V4l2.VIDIOC_STREAMON, V4l2.V4L2_BUF_TYPE_VIDEO_CAPTURE)) != 0) {
            throw failure(err == Posix.EBUSY ? CameraException.Reason.BUSY : CameraException.Reason.DEVICE_ERROR,
                    "does not start streaming (" + Posix.errnoName(err) + ")");
        }
        streaming = true;
    }

    private CameraException failure(CameraException.Reason reason, String what) {
        return new CameraException(reason, "camera " + device.path() + " " + what);
    }

    private static V4l2Buffer buffer(int index) {
        V4l2Buffer buf = new V4l2Buffer();
        buf.index = index;
        buf.type = V4l2.V4L2_BUF_TYPE_VIDEO_CAPTURE;
        buf.memory = V4l2.V4L2_MEMORY_MMAP;
        return buf;
    }

    @Override
    public VideoFormat format() {
        return format;
    }

    /** @return what was asked, what was chosen, and everything the camera offers */
    public CameraNegotiation negotiation() {
        return negotiation;
    }

    /** @return the mode the driver actually set (format, size, rate read back) */
    public CameraMode configuredMode() {
        return configured;
    }

    /** @return the pool output frames come from */
    public VideoFramePool pool() {
        return pool;
    }

    @Override
    public void setErrorListener(SourceErrorListener listener) {
        this.errorListener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public VideoFrame read() throws IOException, InterruptedException {
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            synchronized (lock) {
                if (closed) {
                    return null;
                }
                if (lost) {
                    throw failure(CameraException.Reason.LOST, "was unplugged (ENODEV)");
                }
                VideoFrame frame = readOnce();
                if (frame != null) {
                    return frame;
                }
            }
        }
    }

    /** One poll-and-dequeue attempt. @return a frame, or null to try again */
    private VideoFrame readOnce() throws CameraException {
        short events;
        try {
            events = device.poll(STALL_REPORT_MS);
        } catch (LastErrorException e) {
            throw lostOr(e.getErrorCode(), "poll");
        }
        if (events == 0) {
            errorListener.onSourceError(this, failure(CameraException.Reason.DEVICE_ERROR,
                    "delivered no frame for " + STALL_REPORT_MS + " ms"));
            return null;
        }
        V4l2Buffer buf = buffer(0);
        int err = device.ioctl(V4l2.VIDIOC_DQBUF, buf);
        if (err == Posix.EAGAIN) {
            return null;
        }
        if (err != 0) {
            CameraException e = lostOr(err, "VIDIOC_DQBUF");
            if (e.reason() == CameraException.Reason.LOST) {
                throw e;
            }
            errorListener.onSourceError(this, e); // EIO and friends: the driver recovers
            return null;
        }
        long ptsUs = ptsOf(buf);
        VideoFrame frame = null;
        try {
            if ((buf.flags & V4l2.V4L2_BUF_FLAG_ERROR) != 0) {
                errorListener.onSourceError(this, failure(CameraException.Reason.DEVICE_ERROR,
                        "marked frame " + buf.sequence + " as corrupt; skipped"));
                return null;
            }
            frame = pool.acquire(ptsUs);
            convert(buf.index, buf.bytesused, frame);
            VideoFrame out = frame;
            frame = null;
            return out;
        } catch (IOException | RuntimeException e) {
            errorListener.onSourceError(this, e);
            return null;
        } finally {
            if (frame != null) {
                frame.release();
            }
            int qerr = device.ioctl(V4l2.VIDIOC_QBUF, buf);
            if (qerr == Posix.ENODEV) {
                lost = true;
                errorListener.onSourceError(this, failure(CameraException.Reason.LOST, "was unplugged (ENODEV)"));
            }
        }
    }

    private CameraException lostOr(int errno, String call) {
        if (errno == Posix.ENODEV || errno == Posix.ENXIO) {
            lost = true;
            CameraException e = failure(CameraException.Reason.LOST, "was unplugged (ENODEV during " + call + ")");
            errorListener.onSourceError(this, e);
            return e;
        }
        return failure(CameraException.Reason.DEVICE_ERROR, "failed " + call + " (" + Posix.errnoName(errno) + ")");
    }

    /** Maps the driver's monotonic capture time onto the media clock (which runs on System.nanoTime). */
    private long ptsOf(V4l2Buffer buf) {
        long now = clock.nowUs();
        long stampUs = buf.tv_sec * 1_000_000L + buf.tv_usec;
        long ageUs = System.nanoTime() / 1000L - stampUs;
        return stampUs > 0 && ageUs >= 0 && ageUs < 1_000_000L ? Math.max(0, now - ageUs) : now;
    }

    private void convert(int index, int bytesUsed, VideoFrame out) throws IOException {
        if (index < 0 || index >= buffers) {
            throw failure(CameraException.Reason.DEVICE_ERROR, "returned buffer " + index + " of " + buffers);
        }
        ByteBuffer data = maps[index].getByteBuffer(0, lengths[index]);
        VideoFrame target = scaler != null ? captureFrame : out;
        int f = configured.pixelFormat();
        int stride = bytesPerLine;
        if (yuyv != null) {
            yuyv.convert(data, 0, stride > 0 ? stride : configured.width() * 2, target);
        } else if (nv12 != null) {
            int s = stride > 0 ? stride : configured.width();
            nv12.convert(data, 0, s, s * configured.height(), s, target);
        } else if (mjpeg != null) {
            mjpeg.decode(data, Math.min(bytesUsed > 0 ? bytesUsed : lengths[index], lengths[index]), target);
        } else if (f == V4l2.V4L2_PIX_FMT_YUV420) {
            I420Copy.copyContiguous(data, 0, stride > 0 ? stride : configured.width(), target);
        }
        if (scaler != null) {
            captureFrame.setPtsUs(out.ptsUs());
            scaler.scale(captureFrame, out);
        }
    }

    /** Stops streaming, unmaps the buffers and closes the device; idempotent, from any thread. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (streaming && !lost) {
                device.ioctlInt(V4l2.VIDIOC_STREAMOFF, V4l2.V4L2_BUF_TYPE_VIDEO_CAPTURE);
            }
            releaseBuffers();
            device.close();
        }
    }

    private void releaseBuffers() {
        for (int i = 0; i < BUFFERS; i++) {
            if (maps[i] != null) {
                device.munmap(maps[i], lengths[i]);
                maps[i] = null;
            }
        }
        if (buffers > 0 && !lost) {
            V4l2RequestBuffers req = new V4l2RequestBuffers();
            req.count = 0;
            req.type = V4l2.V4L2_BUF_TYPE_VIDEO_CAPTURE;
            req.memory = V4l2.V4L2_MEMORY_MMAP;
            device.ioctl(V4l2.VIDIOC_REQBUFS, req);
        }
    }

    @Override
    public String toString() {
        return "Camera[" + device.path() + ", " + negotiation.summary() + "]";
    }

    /**
     * Configuration of a {@link Camera}; setters validate at once, {@link #open()} opens the device.
     * Defaults: 1280x720, 30 fps, any supported pixel format, closest size accepted, a new clock, 8
     * idle frames pooled.
     */
    public static final class Builder {
        private final String device;
        private int width = 1280;
        private int height = 720;
        private double fps = 30;
        private int pixelFormat;
        private boolean exactSize;
        private MediaClock clock;
        private int poolCapacity = 8;
        private LibC libc;

        private Builder(String device) {
            if (device == null || device.isBlank()) {
                throw new IllegalArgumentException("camera device is blank (expected a path like /dev/video0 or a "
                        + "camera name; cameras found: " + Devices.cameraNames() + ")");
            }
            this.device = device.trim();
        }

        /**
         * The frame size wanted (and delivered: a different camera size is scaled), even, 2..16384.
         *
         * @param width frame width in pixels: even, 2..16384
         * @param height frame height in pixels: even, 2..16384
         * @return this builder
         * @throws IllegalArgumentException for an odd or out-of-range dimension
         */
        public Builder size(int width, int height) {
            VideoFrame.requireValidSize(width, height);
            this.width = width;
            this.height = height;
            return this;
        }

        /**
         * The frame rate wanted, greater than 0 and at most 240.
         *
         * @param fps frames per second, greater than 0 and at most 240
         * @return this builder
         * @throws IllegalArgumentException outside that range or not a number
         */
        public Builder fps(double fps) {
            if (!(fps > 0 && fps <= 240)) {
                throw new IllegalArgumentException("frame rate " + fps + " is not allowed (expected > 0 and <= 240)");
            }
            this.fps = fps;
            return this;
        }

        /**
         * Insist on one pixel format: {@code YUYV}, {@code NV12}, {@code YU12} or {@code MJPG}; null for any.
         *
         * @param fourcc a four-character code, or {@code null} to let the camera choose
         * @return this builder
         * @throws IllegalArgumentException for a code that is not one of the supported four
         */
        public Builder pixelFormat(String fourcc) {
            if (fourcc == null) {
                this.pixelFormat = 0;
                return this;
            }
            int f = V4l2.fourcc(fourcc);
            if (!CameraPixelFormats.supported(f)) {
                throw new IllegalArgumentException("pixel format '" + fourcc + "' is not supported (expected one of "
                        + CameraPixelFormats.names() + ")");
            }
            this.pixelFormat = f;
            return this;
        }

        /**
         * true: fail (listing the sizes offered) unless the camera has exactly the asked size.
         *
         * @param exactSize true to refuse other sizes, false (default) to scale the nearest one
         * @return this builder
         */
        public Builder exactSize(boolean exactSize) {
            this.exactSize = exactSize;
            return this;
        }

        /**
         * The clock frames are stamped on; share it with the audio source.
         *
         * @param clock the shared clock, never null
         * @return this builder
         */
        public Builder clock(MediaClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Idle output frames kept for reuse, 1..256.
         *
         * @param poolCapacity 1..256
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder poolCapacity(int poolCapacity) {
            if (poolCapacity < 1 || poolCapacity > 256) {
                throw new IllegalArgumentException("pool capacity " + poolCapacity + " is not allowed (expected 1..256)");
            }
            this.poolCapacity = poolCapacity;
            return this;
        }

        /** The C library binding to use (tests pass one answering with recorded device replies). */
        Builder libc(LibC libc) {
            this.libc = Objects.requireNonNull(libc, "libc");
            return this;
        }

        /**
         * Opens the camera, negotiates and starts streaming.
         *
         * @return the streaming camera, owned by the caller (who closes it)
         * @throws CameraException see {@link Camera} for the reasons
         */
        public Camera open() throws CameraException {
            LibC c = libc != null ? libc : LibC.load();
            String path = device.startsWith("/") ? device : Devices.cameraPathByName(device);
            if (path == null) {
                throw new CameraException(CameraException.Reason.NOT_FOUND, "no camera named '" + device
                        + "' (cameras found: " + Devices.cameraNames() + ")");
            }
            V4l2Device dev = V4l2Device.open(c, path, Devices.cameraNames());
            try {
                return new Camera(this, dev);
            } catch (CameraException | RuntimeException e) {
                dev.close();
                throw e;
            }
        }
    }
}
