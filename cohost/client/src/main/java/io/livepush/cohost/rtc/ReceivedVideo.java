package io.livepush.cohost.rtc;

import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.webrtc.WebrtcFrameCopier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The video sink of a {@link ReceivingLeg}: copies each decoded frame into a pooled LivePush
 * I420 frame stamped with the arrival time on the runtime's clock, releases webrtc's frame at once,
 * and hands the copy on. The pool follows the decoded size (odd sizes are cropped to even); a new
 * pool is made when the sender changes resolution.
 *
 * <p>Called on webrtc's decoder thread only; the consumer runs there and must not block.
 */
final class ReceivedVideo implements VideoTrackSink {
    private static final Logger LOG = LoggerFactory.getLogger(ReceivedVideo.class);
    private static final int POOL_CAPACITY = 6;

    private final String owner;
    private final MediaClock clock;
    private final Consumer<VideoFrame> out;
    private WebrtcFrameCopier copier;
    private VideoFramePool pool;
    private volatile long frames;

    ReceivedVideo(String owner, MediaClock clock, Consumer<VideoFrame> out) {
        this.owner = owner;
        this.clock = clock;
        this.out = out;
    }

    @Override
    public void onVideoFrame(dev.onvoid.webrtc.media.video.VideoFrame frame) {
        VideoFrame copy;
        try {
            VideoFrameBuffer b = frame.buffer;
            int w = b.getWidth() & ~1;
            int h = b.getHeight() & ~1;
            if (w < 2 || h < 2) {
                return;
            }
            if (pool == null || pool.width() != w || pool.height() != h) {
                pool = new VideoFramePool(w, h, POOL_CAPACITY);
                copier = new WebrtcFrameCopier(pool);
            }
            copy = copier.copy(frame, clock.nowUs());
        } catch (RuntimeException e) {
            LOG.warn("{}: a decoded frame could not be copied", owner, e);
            return;
        } finally {
            frame.release();
        }
        frames++;
        try {
            out.accept(copy);
        } catch (RuntimeException e) {
            LOG.warn("{}: the video listener failed", owner, e);
        }
    }

    /** @return decoded frames delivered so far */
    long frames() {
        return frames;
    }
}
