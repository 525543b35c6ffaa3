package io.livepush.capture.stamp;

/**
 * What a {@link FrameStamp} carries: the frame number and the wall-clock time the frame was
 * captured at.
 *
 * @param frameNumber the source's frame number, an unsigned 32-bit value (0..4294967295)
 * @param wallClockUs the capture time in Unix epoch microseconds, 0 or later
 */
public record Stamp(long frameNumber, long wallClockUs) {
    /** The largest frame number a stamp can carry (2^32 - 1). */
    public static final long MAX_FRAME_NUMBER = 0xFFFF_FFFFL;

    /**
     * Validates at once.
     *
     * @param frameNumber the source's frame number, an unsigned 32-bit value (0..4294967295)
     * @param wallClockUs the capture time in Unix epoch microseconds, 0 or later
     * @throws IllegalArgumentException outside those ranges
     */
    public Stamp {
        if (frameNumber < 0 || frameNumber > MAX_FRAME_NUMBER) {
            throw new IllegalArgumentException("stamp frame number " + frameNumber
                    + " is not allowed (expected 0.." + MAX_FRAME_NUMBER + ")");
        }
        if (wallClockUs < 0) {
            throw new IllegalArgumentException("stamp wall-clock time " + wallClockUs
                    + " us is not allowed (expected Unix epoch microseconds >= 0)");
        }
    }
}
