package io.livepush.capture;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of same-size {@link VideoFrame}s, so the capture path allocates no frame-sized buffer per
 * frame. {@link #acquire(long)} hands out a frame holding one reference; the frame returns here when
 * its last reference is released.
 *
 * <p>Thread-safe: frames can be acquired on a source thread and released on an encoder thread. The
 * pool keeps at most {@code capacity} idle frames; when more are in flight (a slow consumer), new ones
 * are allocated and the surplus is dropped on return, so memory stays bounded by what is in flight.
 */
public final class VideoFramePool {
    private final int width;
    private final int height;
    private final BlockingQueue<VideoFrame> idle;
    private final AtomicInteger allocated = new AtomicInteger();

    /**
     * @param width frame width, even, 2..16384
     * @param height frame height, even, 2..16384
     * @param capacity idle frames kept for reuse, 1..256
     */
    public VideoFramePool(int width, int height, int capacity) {
        VideoFrame.requireValidSize(width, height);
        if (capacity < 1 || capacity > 256) {
            throw new IllegalArgumentException("pool capacity " + capacity + " is not allowed (expected 1..256)");
        }
        this.width = width;
        this.height = height;
        this.idle = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * @param ptsUs the presentation time in microseconds
     * @return a frame of this pool's size with one reference and the given timestamp; pixels are stale
     */
    public VideoFrame acquire(long ptsUs) {
        VideoFrame f = idle.poll();
        if (f == null) {
            f = new VideoFrame(width, height, this);
            allocated.incrementAndGet();
        }
        f.reset(ptsUs);
        return f;
    }

    void giveBack(VideoFrame frame) {
        idle.offer(frame);
    }

    /** @return how many frames this pool has allocated in all, for leak and reuse checks */
    public int allocatedCount() {
        return allocated.get();
    }

    /** @return the width of this pool's frames */
    public int width() {
        return width;
    }

    /** @return the height of this pool's frames */
    public int height() {
        return height;
    }
}
