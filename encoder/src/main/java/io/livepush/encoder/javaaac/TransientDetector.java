package io.livepush.encoder.javaaac;

/**
 * Finds attacks that need short windows: the high-passed signal's energy in each of the eight
 * 128-sample segments at the centres of the next block's short windows is compared with the mean
 * energy of the eight segments before it. A segment more than {@value #ATTACK_RATIO} times louder
 * than that, and above an absolute floor, is an attack. Keeps its own history between blocks.
 */
final class TransientDetector {
    /** Energy ratio over the recent mean that counts as an attack (about 10 dB). */
    static final double ATTACK_RATIO = 10;
    /** Mean squared high-passed amplitude below which nothing is an attack (about -50 dBFS). */
    private static final double FLOOR = 128 * 100.0 * 100.0;
    private final double[] recent = new double[8];
    private int next;
    private double previousSample;

    /**
     * @param samples the channel history; the segments start at {@code from}
     * @param from index of the first sample of segment 0; eight segments of 128 follow
     * @return the first segment (0..7) with an attack, or -1
     */
    int analyze(double[] samples, int from) {
        int attack = -1;
        double prev = previousSample;
        for (int s = 0; s < 8; s++) {
            double energy = 0;
            for (int i = from + s * 128; i < from + s * 128 + 128; i++) {
                double hp = samples[i] - prev;
                prev = samples[i];
                energy += hp * hp;
            }
            double mean = 0;
            for (double e : recent) {
                mean += e;
            }
            mean /= recent.length;
            if (attack < 0 && energy > FLOOR && energy > ATTACK_RATIO * mean) {
                attack = s;
            }
            recent[next] = energy;
            next = (next + 1) % recent.length;
        }
        previousSample = prev;
        return attack;
    }
}
