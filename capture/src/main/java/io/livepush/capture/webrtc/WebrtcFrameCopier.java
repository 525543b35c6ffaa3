package io.livepush.capture.webrtc;

import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.convert.I420Copy;
import io.livepush.capture.convert.I420Scaler;

/**
 * Copies webrtc-java frames ({@code NativeI420Buffer} or any buffer converted with {@code toI420()})
 * into pooled LivePush I420 frames of a fixed output size. Odd source sizes are cropped to even (the
 * last column/row is dropped, as screen regions are); a source of another size is scaled with
 * {@link I420Scaler}, rebuilt when the source size changes (a camera switching modes, a desktop
 * resized). The caller keeps ownership of the webrtc frame and releases it.
 *
 * <p>Owned by one thread (the capture callback's).
 */
public final class WebrtcFrameCopier {
    private final VideoFramePool pool;
    private I420Scaler scaler;
    private VideoFrame scratch;

    /** @param pool where output frames come from; its size is the output size */
    public WebrtcFrameCopier(VideoFramePool pool) {
        this.pool = java.util.Objects.requireNonNull(pool, "pool");
    }

    /**
     * @param frame a webrtc frame (not released here)
     * @param ptsUs the presentation time to stamp
     * @return a new pooled frame holding one reference
     * @throws IllegalArgumentException when the frame is smaller than 2x2
     */
    public VideoFrame copy(dev.onvoid.webrtc.media.video.VideoFrame frame, long ptsUs) {
        VideoFrameBuffer buf = frame.buffer;
        I420Buffer i420 = buf instanceof I420Buffer b ? b : buf.toI420();
        try {
            int w = buf.getWidth() & ~1;
            int h = buf.getHeight() & ~1;
            if (w < 2 || h < 2) {
                throw new IllegalArgumentException("webrtc frame of " + buf.getWidth() + "x" + buf.getHeight()
                        + " is too small (expected at least 2x2)");
            }
            VideoFrame out = pool.acquire(ptsUs);
            try {
                if (w == pool.width() && h == pool.height()) {
                    copyInto(i420, out);
                } else {
                    if (scratch == null || scratch.width() != w || scratch.height() != h) {
                        scratch = VideoFrame.allocate(w, h, 0);
                        scaler = new I420Scaler(w, h, pool.width(), pool.height());
                    }
                    copyInto(i420, scratch);
                    scratch.setPtsUs(ptsUs);
                    scaler.scale(scratch, out);
                }
                return out;
            } catch (RuntimeException e) {
                out.release();
                throw e;
            }
        } finally {
            if (i420 != buf) {
                i420.release();
            }
        }
    }

    private static void copyInto(I420Buffer b, VideoFrame dst) {
        I420Copy.copy(b.getDataY(), b.getStrideY(), b.getDataU(), b.getStrideU(), b.getDataV(), b.getStrideV(), dst);
    }
}
