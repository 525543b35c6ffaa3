package io.livepush.encoder.gop;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pins the GOP by timestamp (design, "Encoding"): a frame is forced to be an IDR when it is the
 * first frame, when its timestamp is at least {@code gopUs} after the last IDR's, or when a
 * keyframe was requested. So keyframes are never further apart than the GOP, also at variable
 * frame rate, and each one is the first frame at or past the GOP boundary.
 *
 * <p>The GOP restarts at every IDR the encoder actually produced ({@link #onEncoded}), whether it
 * was forced here or made by the backend on its own. A frame that was to be forced but got skipped
 * leaves the state untouched, so the next frame is forced instead.
 *
 * <p>Threads: {@link #shouldForceIdr} and {@link #onEncoded} belong to the encoder thread;
 * {@link #requestKeyframe()} may be called from any thread.
 */
public final class GopController {
    private final long gopUs;
    private final AtomicBoolean keyframeRequested = new AtomicBoolean();
    private boolean requestInFlight;
    private boolean haveIdr;
    private long lastIdrPtsUs;
    /** The last IDR's timestamp as other threads may read it; {@link Long#MIN_VALUE} before the first. */
    private volatile long publishedLastIdrPtsUs = Long.MIN_VALUE;

    /**
     * @param gopUs the longest IDR distance in microseconds, at least 1
     * @throws IllegalArgumentException for a GOP below 1 us
     */
    public GopController(long gopUs) {
        if (gopUs < 1) {
            throw new IllegalArgumentException("GOP of " + gopUs + " us is not allowed (expected at least 1 us)");
        }
        this.gopUs = gopUs;
    }

    /**
     * Decides whether the frame about to be encoded must be an IDR. Call it once per frame, right
     * before encoding: it takes over a pending keyframe request, which then stays in force until
     * an IDR comes out (a request made while this frame encodes applies to the next one).
     *
     * @param ptsUs the frame's presentation time in microseconds
     * @return true for the first frame, for a frame {@code >= gopUs} after the last IDR, for a
     *     frame whose timestamp went back before the last IDR (a clock restart would otherwise hold
     *     the GOP open for as long as the jump), and while a keyframe request is pending
     */
    public boolean shouldForceIdr(long ptsUs) {
        if (keyframeRequested.getAndSet(false)) {
            requestInFlight = true;
        }
        if (!haveIdr || requestInFlight) {
            return true;
        }
        return ptsUs < lastIdrPtsUs || ptsUs - lastIdrPtsUs >= gopUs;
    }

    /**
     * Records what the encoder produced for a frame; an IDR restarts the GOP and satisfies a pending
     * keyframe request. Not called for skipped frames.
     *
     * @param ptsUs the encoded frame's presentation time
     * @param keyframe whether it is an IDR
     */
    public void onEncoded(long ptsUs, boolean keyframe) {
        if (keyframe) {
            haveIdr = true;
            lastIdrPtsUs = ptsUs;
            publishedLastIdrPtsUs = ptsUs;
            requestInFlight = false;
        }
    }

    /**
     * Tells, from any thread, whether a frame with this timestamp starts a new GOP by the time rule
     * (the first frame, or {@code >= gopUs} after the last IDR, or a timestamp before it). A capture
     * thread that must drop frames uses it to never drop the one frame the GOP needs. Pending
     * keyframe requests are not counted: any frame satisfies those.
     *
     * @param ptsUs the frame's presentation time in microseconds
     * @return true when an IDR is due for that frame by the time rule
     */
    public boolean isKeyframeDue(long ptsUs) {
        long last = publishedLastIdrPtsUs;
        return last == Long.MIN_VALUE || ptsUs < last || ptsUs - last >= gopUs;
    }

    /** Asks for the next encoded frame to be an IDR; thread-safe. */
    public void requestKeyframe() {
        keyframeRequested.set(true);
    }

    /** @return the GOP length in microseconds */
    public long gopUs() {
        return gopUs;
    }

    /** @return the timestamp of the last IDR produced, or {@link Long#MIN_VALUE} before the first */
    public long lastIdrPtsUs() {
        return haveIdr ? lastIdrPtsUs : Long.MIN_VALUE;
    }
}
