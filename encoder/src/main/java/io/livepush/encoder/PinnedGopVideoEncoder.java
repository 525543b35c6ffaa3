package io.livepush.encoder;

import io.livepush.capture.VideoFrame;
import io.livepush.encoder.gop.GopController;
import io.livepush.encoder.sei.SeiRepeat;
import io.livepush.encoder.sei.SeiScheduler;
import io.livepush.encoder.sei.SeiUserDataUnregistered;
import io.livepush.encoder.spi.H264EncoderBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link VideoEncoder} every backend is used through: it wraps an {@link H264EncoderBackend}
 * and does, once for all backends, what the design asks of the encoder stage:
 *
 * <ol>
 *   <li>checks each frame's size against the configuration;
 *   <li>applies a bitrate change handed over by {@link #setBitrate} before the frame;
 *   <li>asks the backend for an IDR when the {@link GopController} says so (first frame, GOP of
 *       {@link VideoEncoderConfig#gopUs()} reached by timestamp, keyframe requested);
 *   <li>places the SEI NAL units due for the frame ({@link SeiScheduler}) in the access unit after
 *       any AUD, SPS, PPS (and the backend's own SEI) and before the first slice (ISO/IEC 14496-10
 *       §7.4.1.2.3 order).
 * </ol>
 *
 * <p>A frame the backend's rate control skips ({@code null}) uses up no SEI and no keyframe
 * decision: pending SEI waits for the next encoded frame, and a forced IDR is forced again.
 *
 * <p>Threads: no thread of its own. {@link #encode} runs on the caller's encoder thread, which owns
 * the backend; {@link #setBitrate}, {@link #requestKeyframe} and {@link #sendSei} may be called from
 * any thread and take effect on the next encoded frame. {@link #close()} may be called from any
 * thread: it waits for a frame being encoded, then frees the backend; idempotent.
 */
public final class PinnedGopVideoEncoder implements VideoEncoder {
    private final String name;
    private final VideoEncoderConfig config;
    private final H264EncoderBackend backend;
    private final GopController gop;
    private final SeiScheduler sei;
    private final Object lock = new Object();
    /** The bitrate last accepted by {@link #setBitrate}, reported by {@link #bitrateBps()}. */
    private volatile int targetBps;
    /** A bitrate waiting to be handed to the backend on the encoder thread; 0 when none. */
    private final AtomicInteger pendingBps = new AtomicInteger();
    private volatile boolean closed;

    /**
     * Wraps a backend with the LivePush SEI UUID and a queue of {@link SeiScheduler#DEFAULT_CAPACITY}.
     *
     * @param name the backend's name, e.g. {@code openh264}
     * @param config the configuration the backend was opened with
     * @param backend the backend; this encoder owns it from now on and closes it
     */
    public PinnedGopVideoEncoder(String name, VideoEncoderConfig config, H264EncoderBackend backend) {
        this(name, config, backend, new SeiScheduler());
    }

    /**
     * Wraps a backend with a given SEI scheduler (to choose another UUID or queue capacity).
     *
     * @param name the backend's name, reported by {@link #name()}; not blank
     * @param config the configuration the backend was opened with, never null
     * @param backend the opened backend, now owned by this encoder (closed with it), never null
     * @param sei the SEI scheduler to use, never null
     * @throws IllegalArgumentException when an argument is null or the name is blank
     */
    public PinnedGopVideoEncoder(String name, VideoEncoderConfig config, H264EncoderBackend backend, SeiScheduler sei) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("encoder name is blank (expected a backend name such as openh264)");
        }
        if (config == null || backend == null || sei == null) {
            throw new IllegalArgumentException("config, backend and SEI scheduler are required (got config=" + config
                    + ", backend=" + backend + ", sei=" + sei + ")");
        }
        this.name = name;
        this.config = config;
        this.backend = backend;
        this.sei = sei;
        this.gop = new GopController(config.gopUs());
        this.targetBps = config.bitrateBps();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public VideoEncoderConfig config() {
        return config;
    }

    @Override
    public EncodedVideoFrame encode(VideoFrame frame) {
        if (frame == null) {
            throw new IllegalArgumentException("frame is null (expected a " + config.width() + "x" + config.height()
                    + " I420 frame)");
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("encoder " + name + " is closed");
            }
            if (frame.width() != config.width() || frame.height() != config.height()) {
                throw new IllegalArgumentException("frame is " + frame.width() + "x" + frame.height()
                        + " but encoder " + name + " was configured for " + config.width() + "x" + config.height());
            }
            int bps = pendingBps.getAndSet(0);
            if (bps != 0) {
                backend.setBitrate(bps);
            }
            long pts = frame.ptsUs();
            boolean forceIdr = gop.shouldForceIdr(pts);
            EncodedVideoFrame out = backend.encode(frame, forceIdr);
            if (out == null) {
                return null;
            }
            gop.onEncoded(out.ptsUs(), out.keyframe());
            List<byte[]> seiNals = sei.takeFor(out.keyframe());
            return seiNals.isEmpty() ? out : withSei(out, seiNals);
        }
    }

    /** Inserts the SEI NAL units right before the first slice (NAL types 1..5). */
    static EncodedVideoFrame withSei(EncodedVideoFrame au, List<byte[]> seiNals) {
        List<byte[]> nals = au.nalUnits();
        int at = nals.size();
        for (int i = 0; i < nals.size(); i++) {
            int type = nals.get(i)[0] & 0x1F;
            if (type >= 1 && type <= 5) {
                at = i;
                break;
            }
        }
        List<byte[]> out = new ArrayList<>(nals.size() + seiNals.size());
        out.addAll(nals.subList(0, at));
        out.addAll(seiNals);
        out.addAll(nals.subList(at, nals.size()));
        return new EncodedVideoFrame(out, au.ptsUs(), au.dtsUs(), au.keyframe());
    }

    @Override
    public void setBitrate(int bps) {
        VideoEncoderConfig.requireBitrate(bps);
        if (closed) {
            throw new IllegalStateException("encoder " + name + " is closed");
        }
        targetBps = bps;
        pendingBps.set(bps);
    }

    @Override
    public int bitrateBps() {
        return targetBps;
    }

    @Override
    public void requestKeyframe() {
        gop.requestKeyframe();
    }

    @Override
    public boolean isKeyframeDue(long ptsUs) {
        return gop.isKeyframeDue(ptsUs);
    }

    @Override
    public void sendSei(byte[] payload, SeiRepeat repeat) {
        sei.submit(payload, repeat);
    }

    /**
     * Attaches an SEI message with any UUID to upcoming frames.
     *
     * @throws IllegalArgumentException for a null message or repeat; nothing is queued
     * @throws IllegalStateException when {@link SeiScheduler#capacity()} messages are already waiting
     */
    public void sendSei(SeiUserDataUnregistered message, SeiRepeat repeat) {
        sei.submit(message, repeat);
    }

    /** @return SEI messages still waiting for frames */
    public int pendingSeiCount() {
        return sei.pendingCount();
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            backend.close();
        }
    }

    @Override
    public String toString() {
        return "PinnedGopVideoEncoder[" + name + ", " + config + "]";
    }
}
