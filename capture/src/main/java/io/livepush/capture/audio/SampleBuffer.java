package io.livepush.capture.audio;

/** A bounded FIFO of interleaved samples, counted in sample frames. Not thread-safe. */
final class SampleBuffer {
    private final int channels;
    private final short[] data;
    private int start;
    private int size;

    SampleBuffer(int channels, int capacityFrames) {
        this.channels = channels;
        this.data = new short[capacityFrames * channels];
    }

    /** @return sample frames held */
    int frames() {
        return size / channels;
    }

    /**
     * Appends {@code frames} frames from {@code src[offset..]}; when they do not fit, the oldest are dropped.
     *
     * @return false when older samples had to be dropped
     */
    boolean put(short[] src, int offset, int frames) {
        int n = frames * channels;
        boolean fits = size + n <= data.length;
        if (n >= data.length) {
            offset += n - data.length;
            n = data.length;
        }
        if (size + n > data.length) {
            skip((size + n - data.length) / channels);
        }
        for (int i = 0; i < n; i++) {
            data[(start + size + i) % data.length] = src[offset + i];
        }
        size += n;
        return fits;
    }

    /** Removes up to {@code frames} frames into {@code out}; returns how many were there. */
    int take(short[] out, int frames) {
        int n = Math.min(frames * channels, size);
        for (int i = 0; i < n; i++) {
            out[i] = data[(start + i) % data.length];
        }
        start = (start + n) % data.length;
        size -= n;
        return n / channels;
    }

    /** Drops the oldest {@code frames} frames. */
    void skip(int frames) {
        int n = Math.min(frames * channels, size);
        start = (start + n) % data.length;
        size -= n;
    }
}
