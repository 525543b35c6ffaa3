package io.livepush.capture;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One raw video picture in I420 (YUV 4:2:0 planar: a full-size Y plane, then quarter-size U and V
 * planes), with the presentation time it was captured at.
 *
 * <p>The three planes live in one direct {@link ByteBuffer} so native encoders read them without a
 * copy. Plane {@code i} starts at {@link #planeOffset(int)} and each of its rows is {@link #stride(int)}
 * bytes apart. Chroma planes are {@code (width + 1) / 2} by {@code (height + 1) / 2}.
 *
 * <p>Frames are reference counted: a new frame holds one reference; {@link #retain()} adds one, and
 * {@link #release()} drops one. When the last one is dropped the frame goes back to its
 * {@link VideoFramePool} (or is simply forgotten when it has none) and must never be touched again:
 * every accessor then throws {@link IllegalStateException}. A frame may be handed between threads;
 * only the thread that holds a reference may read or write its pixels.
 */
public final class VideoFrame {
    private final int width;
    private final int height;
    private final int[] strides;
    private final int[] offsets;
    private final ByteBuffer data;
    private final VideoFramePool pool;
    private final AtomicInteger refCount = new AtomicInteger();
    private volatile long ptsUs;

    VideoFrame(int width, int height, VideoFramePool pool) {
        requireValidSize(width, height);
        this.width = width;
        this.height = height;
        this.pool = pool;
        int cw = (width + 1) / 2;
        int ch = (height + 1) / 2;
        this.strides = new int[] {width, cw, cw};
        this.offsets = new int[] {0, width * height, width * height + cw * ch};
        this.data = ByteBuffer.allocateDirect(width * height + 2 * cw * ch);
    }

    /**
     * Allocates a stand-alone frame (not pooled) holding one reference.
     *
     * @param width luma width in pixels, 2..16384 and even
     * @param height luma height in pixels, 2..16384 and even
     * @param ptsUs presentation time in microseconds on the {@link MediaClock}
     * @return the new frame, its pixels zeroed
     */
    public static VideoFrame allocate(int width, int height, long ptsUs) {
        VideoFrame f = new VideoFrame(width, height, null);
        f.reset(ptsUs);
        return f;
    }

    /**
     * Checks a frame size against the one rule every LivePush component follows: I420 needs even
     * dimensions, from 2 to 16384 pixels each.
     *
     * @param width luma width in pixels
     * @param height luma height in pixels
     * @throws IllegalArgumentException naming the size given and the allowed range
     */
    public static void requireValidSize(int width, int height) {
        if (width < 2 || height < 2 || width > 16384 || height > 16384 || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("frame size " + width + "x" + height
                    + " is not allowed (expected even width and height, each 2..16384)");
        }
    }

    void reset(long ptsUs) {
        this.ptsUs = ptsUs;
        refCount.set(1);
    }

    /** @return luma width in pixels */
    public int width() {
        return width;
    }

    /** @return luma height in pixels */
    public int height() {
        return height;
    }

    /** @return presentation time in microseconds on the shared {@link MediaClock} */
    public long ptsUs() {
        checkLive();
        return ptsUs;
    }

    /**
     * Sets the presentation time, for sources that stamp a frame after filling it.
     *
     * @param ptsUs presentation time in microseconds on the shared {@link MediaClock}
     * @throws IllegalStateException when the frame was already released
     */
    public void setPtsUs(long ptsUs) {
        checkLive();
        this.ptsUs = ptsUs;
    }

    /**
     * @param plane 0 (Y), 1 (U) or 2 (V)
     * @return the row pitch in bytes of plane 0 (Y), 1 (U) or 2 (V)
     */
    public int stride(int plane) {
        return strides[plane];
    }

    /**
     * @param plane 0 (Y), 1 (U) or 2 (V)
     * @return the byte offset of plane 0 (Y), 1 (U) or 2 (V) inside {@link #data()}
     */
    public int planeOffset(int plane) {
        return offsets[plane];
    }

    /**
     * @param plane 0 (Y), 1 (U) or 2 (V)
     * @return the width in pixels of plane 0 (Y), 1 (U) or 2 (V)
     */
    public int planeWidth(int plane) {
        return plane == 0 ? width : (width + 1) / 2;
    }

    /**
     * @param plane 0 (Y), 1 (U) or 2 (V)
     * @return the height in rows of plane 0 (Y), 1 (U) or 2 (V)
     */
    public int planeHeight(int plane) {
        return plane == 0 ? height : (height + 1) / 2;
    }

    /**
     * The whole pixel buffer (Y, then U, then V). The returned buffer is the frame's own: position
     * and limit are undefined, use absolute gets and puts.
     *
     * @return the frame's direct buffer, {@link #byteSize()} bytes
     * @throws IllegalStateException when the frame was already released
     */
    public ByteBuffer data() {
        checkLive();
        return data;
    }

    /**
     * @param plane 0 (Y), 1 (U) or 2 (V)
     * @return a view of one plane, position 0, limit at the plane's end
     * @throws IllegalStateException when the frame was already released
     */
    public ByteBuffer plane(int plane) {
        checkLive();
        int start = offsets[plane];
        int len = strides[plane] * planeHeight(plane);
        return data.slice(start, len);
    }

    /** @return the total size of the three planes in bytes */
    public int byteSize() {
        return data.capacity();
    }

    /**
     * Copies the pixels and the timestamp of {@code other}, which must have the same size.
     *
     * @param other a live frame of the same size, never null
     * @throws IllegalArgumentException when the sizes differ
     * @throws IllegalStateException when either frame was already released
     */
    public void copyFrom(VideoFrame other) {
        Objects.requireNonNull(other, "other");
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("cannot copy a " + other.width + "x" + other.height
                    + " frame into a " + width + "x" + height + " frame");
        }
        data().put(0, other.data(), 0, data.capacity());
        ptsUs = other.ptsUs();
    }

    /**
     * Adds a reference; the frame stays alive until each reference is released.
     *
     * @return this frame
     * @throws IllegalStateException when the frame was already released
     */
    public VideoFrame retain() {
        int prev;
        do {
            prev = refCount.get();
            if (prev <= 0) {
                throw new IllegalStateException("frame was already released");
            }
        } while (!refCount.compareAndSet(prev, prev + 1));
        return this;
    }

    /** Drops one reference; the last one returns the frame to its pool. */
    public void release() {
        int now = refCount.decrementAndGet();
        if (now < 0) {
            refCount.set(0);
            throw new IllegalStateException("frame was released more often than it was retained");
        }
        if (now == 0 && pool != null) {
            pool.giveBack(this);
        }
    }

    /** @return true while at least one reference is held */
    public boolean isLive() {
        return refCount.get() > 0;
    }

    private void checkLive() {
        if (refCount.get() <= 0) {
            throw new IllegalStateException("frame was already released; a released frame must not be touched");
        }
    }

    @Override
    public String toString() {
        return "VideoFrame[" + width + "x" + height + " I420, pts=" + ptsUs + "us]";
    }
}
