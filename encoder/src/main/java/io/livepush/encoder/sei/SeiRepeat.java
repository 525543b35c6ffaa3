package io.livepush.encoder.sei;

/**
 * Which frames carry an SEI payload sent with {@link io.livepush.encoder.VideoEncoder#sendSei}.
 * Use {@link #once()}, {@link #frames(int)} or {@link #keyframes(int)}.
 *
 * @param keyframesOnly true to attach only to IDR frames
 * @param count how many frames (or keyframes) carry it, 1..10_000
 */
public record SeiRepeat(boolean keyframesOnly, int count) {
    /**
     * Validates at once.
     *
     * @param keyframesOnly true to attach only to IDR frames
     * @param count how many frames (or keyframes) carry it, 1..10_000
     * @throws IllegalArgumentException for a count outside 1..10_000
     */
    public SeiRepeat {
        if (count < 1 || count > 10_000) {
            throw new IllegalArgumentException("SEI repeat count " + count + " is not allowed (expected 1..10000)");
        }
    }

    /** @return on the next encoded frame only */
    public static SeiRepeat once() {
        return new SeiRepeat(false, 1);
    }

    /**
     * @param n how many frames, 1..10_000
     * @return on each of the next {@code n} encoded frames
     * @throws IllegalArgumentException for {@code n} outside 1..10_000
     */
    public static SeiRepeat frames(int n) {
        return new SeiRepeat(false, n);
    }

    /**
     * @param n how many keyframes, 1..10_000
     * @return on each of the next {@code n} keyframes
     * @throws IllegalArgumentException for {@code n} outside 1..10_000
     */
    public static SeiRepeat keyframes(int n) {
        return new SeiRepeat(true, n);
    }
}
