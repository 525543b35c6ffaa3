package io.livepush.encoder.javaaac;

/**
 * Keeps frames averaging the target bitrate while letting hard frames borrow (ISO/IEC 14496-3
 * 4.5.3.2): the reservoir holds the bits saved by earlier frames, at most
 * {@code 6144 * channels - mean} bits. Each frame's share of the mean follows its perceptual
 * entropy against the recent average (0.6 to 2 times the mean); long blocks then steer the
 * reservoir towards half full, short (transient) blocks may spend most of it. Bits beyond the
 * maximum are written as fill so the average stays on target.
 */
final class BitReservoir {
    private final double meanBits;
    private final int maxFrameBits;
    private final double capacity;
    private double fullness;

    /**
     * @param bitrate target bits per second
     * @param sampleRate samples per second
     * @param channels 1 or 2
     */
    BitReservoir(int bitrate, int sampleRate, int channels) {
        this.meanBits = bitrate * 1024.0 / sampleRate;
        this.maxFrameBits = 6144 * channels;
        this.capacity = Math.max(0, maxFrameBits - meanBits);
    }

    private double averagePe = -1;

    /**
     * @param attack whether the frame is a short (transient) block
     * @param pe the frame's perceptual entropy estimate
     * @return the bits the frame may use, everything included
     */
    int budget(boolean attack, double pe) {
        if (averagePe < 0) {
            averagePe = pe;
        }
        double factor = Math.max(0.6, Math.min(2.0, (pe + 1) / (averagePe + 1)));
        averagePe = 0.9 * averagePe + 0.1 * pe;
        double base = meanBits * factor;
        double wanted = attack ? base + 0.6 * fullness : base + 0.3 * (fullness - capacity / 2);
        double allowed = Math.min(meanBits + fullness, maxFrameBits - 8);
        return (int) Math.max(meanBits * 0.5, Math.min(wanted, allowed));
    }

    /**
     * Records a frame's size before fill.
     *
     * @param bits bits the frame used
     * @return fill bits to add to the frame so the reservoir does not overflow (0 when none)
     */
    int fillAfter(int bits) {
        double after = fullness + meanBits - bits;
        int fill = 0;
        if (after > capacity) {
            fill = (int) Math.ceil(after - capacity);
            fill = Math.min(fill, maxFrameBits - bits);
        }
        return Math.max(0, fill);
    }

    /** Books the frame's final size, fill included. */
    void commit(int bits) {
        fullness = Math.max(0, Math.min(capacity, fullness + meanBits - bits));
    }

    /** @return the mean bits per frame of the target bitrate */
    double meanBits() {
        return meanBits;
    }
}
