package io.livepush.encoder;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Paints reproducible moving content into I420 frames for encoder tests: diagonal gradients that
 * scroll a few pixels per frame plus seeded noise, so every frame differs from the last and rate
 * control has real work to do. Same seed and index, same pixels.
 */
public final class MovingContent {
    private final long seed;
    private final int noise;

    /**
     * @param seed the noise seed
     * @param noise the noise amplitude in luma levels, 0..128 (0: gradients only)
     */
    public MovingContent(long seed, int noise) {
        if (noise < 0 || noise > 128) {
            throw new IllegalArgumentException("noise " + noise + " is not allowed (expected 0..128)");
        }
        this.seed = seed;
        this.noise = noise;
    }

    /** @return a frame from the pool holding picture {@code index}, stamped {@code ptsUs} */
    public VideoFrame frame(VideoFramePool pool, int index, long ptsUs) {
        VideoFrame f = pool.acquire(ptsUs);
        paint(f, index);
        return f;
    }

    /** Paints picture {@code index} into the frame (all three planes). */
    public void paint(VideoFrame frame, int index) {
        ByteBuffer data = frame.data();
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        for (int plane = 0; plane < 3; plane++) {
            int w = frame.planeWidth(plane);
            int h = frame.planeHeight(plane);
            int stride = frame.stride(plane);
            int base = frame.planeOffset(plane);
            int shift = plane == 0 ? index * 3 : index;
            int amp = plane == 0 ? noise : noise / 2;
            for (int y = 0; y < h; y++) {
                int row = base + y * stride;
                for (int x = 0; x < w; x++) {
                    int v = plane == 0 ? ((x + y + shift) * 2) & 0xFF : (plane == 1 ? (x * 3 + shift) : (y * 3 - shift)) & 0xFF;
                    if (amp > 0) {
                        v += random.nextInt(2 * amp + 1) - amp;
                    }
                    data.put(row + x, (byte) Math.max(16, Math.min(235, v)));
                }
            }
        }
    }
}
