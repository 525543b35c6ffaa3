package io.livepush.encoder.audio;

/**
 * Cuts interleaved s16 PCM arriving in blocks of any size into codec frames of exactly
 * {@code frameSamples} samples per channel (1024 for AAC-LC), in one reused array.
 *
 * <p>Not thread-safe: owned by the encoder thread.
 */
public final class PcmFrameAssembler {
    /** Receives each complete frame. */
    @FunctionalInterface
    public interface FrameSink {
        /**
         * @param interleaved exactly {@code frameSamples * channels} samples; the array is reused
         *     for the next frame, so copy what must be kept before returning
         */
        void accept(short[] interleaved);
    }

    private final int channels;
    private final int frameSamples;
    private final short[] frame;
    private int filled;

    /**
     * @param channels 1 or 2
     * @param frameSamples samples per channel in one frame, at least 1
     */
    public PcmFrameAssembler(int channels, int frameSamples) {
        if (channels < 1 || channels > 2) {
            throw new IllegalArgumentException("channel count " + channels + " is not allowed (expected 1 or 2)");
        }
        if (frameSamples < 1) {
            throw new IllegalArgumentException("frame size " + frameSamples + " samples is not allowed (expected at least 1)");
        }
        this.channels = channels;
        this.frameSamples = frameSamples;
        this.frame = new short[frameSamples * channels];
    }

    /**
     * Appends interleaved samples and hands every frame they complete to {@code sink}.
     *
     * @param samples interleaved samples, a whole number of sample frames
     * @param sink receives each complete frame, in order
     * @return how many frames were completed
     */
    public int append(short[] samples, FrameSink sink) {
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(samples.length + " samples do not divide into " + channels + " channels");
        }
        int completed = 0;
        int pos = 0;
        while (pos < samples.length) {
            int n = Math.min(frame.length - filled, samples.length - pos);
            System.arraycopy(samples, pos, frame, filled, n);
            filled += n;
            pos += n;
            if (filled == frame.length) {
                filled = 0;
                sink.accept(frame);
                completed++;
            }
        }
        return completed;
    }

    /**
     * Completes a partial frame with silence and hands it to {@code sink}.
     *
     * @param sink receives the padded frame
     * @return true when there was a partial frame, false when nothing was buffered
     */
    public boolean padAndEmit(FrameSink sink) {
        if (filled == 0) {
            return false;
        }
        java.util.Arrays.fill(frame, filled, frame.length, (short) 0);
        filled = 0;
        sink.accept(frame);
        return true;
    }

    /** @return samples per channel buffered towards the next frame */
    public int bufferedSamples() {
        return filled / channels;
    }

    /** @return samples per channel in one frame */
    public int frameSamples() {
        return frameSamples;
    }
}
