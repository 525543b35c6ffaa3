package io.livepush.capture;

/**
 * The shape of a video stream: I420 frame size and nominal frame rate.
 *
 * @param width luma width, even, 2..16384
 * @param height luma height, even, 2..16384
 * @param fps nominal frames per second, greater than 0 and at most 240 (a source may deliver
 *     variable frame rate; timestamps are what count)
 */
public record VideoFormat(int width, int height, double fps) {
    /**
     * Validates at once.
     *
     * @param width luma width, even, 2..16384
     * @param height luma height, even, 2..16384
     * @param fps nominal frames per second, greater than 0 and at most 240 (a source may deliver variable frame rate;
     *     timestamps are what count)
     * @throws IllegalArgumentException for an odd or out-of-range size or a frame rate outside (0, 240]
     */
    public VideoFormat {
        VideoFrame.requireValidSize(width, height);
        if (!(fps > 0 && fps <= 240)) {
            throw new IllegalArgumentException("frame rate " + fps + " is not allowed (expected > 0 and <= 240)");
        }
    }

    /** @return the nominal frame interval in microseconds */
    public long frameIntervalUs() {
        return Math.round(1_000_000.0 / fps);
    }
}
