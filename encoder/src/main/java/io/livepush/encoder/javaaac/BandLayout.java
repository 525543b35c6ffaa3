package io.livepush.encoder.javaaac;

/**
 * Where each coded band lies in a block's spectrum, in the order the bitstream carries it. A long
 * block is one group of 49 bands of one window. An EIGHT_SHORT block is split into window groups
 * (ISO/IEC 14496-3 4.5.2.3.4, {@code scale_factor_grouping}); within a group the coefficients are
 * interleaved band by band: for each band, that band of every window in the group (4.6.3.3). A
 * band of group {@code g} is entry {@code g * bands() + b}.
 */
final class BandLayout {
    private final boolean shortBlock;
    private final int[] swb;
    private final int[] groupLength;
    private final int[] start;
    private final int[] width;
    private final int grouping;

    private BandLayout(boolean shortBlock, int[] swb, int[] groupLength, int grouping) {
        this.shortBlock = shortBlock;
        this.swb = swb;
        this.groupLength = groupLength;
        this.grouping = grouping;
        int bands = swb.length - 1;
        start = new int[groupLength.length * bands];
        width = new int[groupLength.length * bands];
        int pos = 0;
        for (int g = 0; g < groupLength.length; g++) {
            for (int b = 0; b < bands; b++) {
                start[g * bands + b] = pos;
                width[g * bands + b] = (swb[b + 1] - swb[b]) * groupLength[g];
                pos += width[g * bands + b];
            }
        }
    }

    /** @return the layout of a long block (ONLY_LONG, LONG_START, LONG_STOP) */
    static BandLayout longBlock(int sampleRate) {
        return new BandLayout(false, BandTables.offsets(sampleRate, false), new int[] {1}, 0);
    }

    /**
     * @param sampleRate 44100 or 48000
     * @param attackWindow the window (0..7) holding the transient, which gets a group of its own
     * @return the layout of an EIGHT_SHORT block grouped as windows before, at and after the attack
     */
    static BandLayout shortBlock(int sampleRate, int attackWindow) {
        int a = Math.max(0, Math.min(7, attackWindow));
        int[] lengths = a == 0 ? new int[] {1, 7} : a == 7 ? new int[] {7, 1} : new int[] {a, 1, 7 - a};
        int grouping = 0;
        int window = 0;
        for (int len : lengths) {
            for (int i = 0; i < len; i++) {
                if (window > 0) {
                    grouping = grouping << 1 | (i > 0 ? 1 : 0);
                }
                window++;
            }
        }
        return new BandLayout(true, BandTables.offsets(sampleRate, true), lengths, grouping);
    }

    /** @return whether this is an EIGHT_SHORT layout */
    boolean isShort() {
        return shortBlock;
    }

    /** @return scalefactor bands per window (49 long, 14 short) */
    int bands() {
        return swb.length - 1;
    }

    /** @return window groups (1 for long blocks) */
    int groups() {
        return groupLength.length;
    }

    /** @return windows in group {@code g} */
    int groupLength(int g) {
        return groupLength[g];
    }

    /** @return the 7-bit {@code scale_factor_grouping} (0 for long blocks) */
    int grouping() {
        return grouping;
    }

    /** @return first coefficient of band entry {@code gb} in the interleaved spectrum */
    int start(int gb) {
        return start[gb];
    }

    /** @return coefficients in band entry {@code gb} (all windows of its group) */
    int width(int gb) {
        return width[gb];
    }

    /** @return the band offsets of one window */
    int[] swb() {
        return swb;
    }

    /**
     * Copies a block's spectrum from window order ({@code window * 128 + line} for short blocks)
     * into the interleaved order of this layout.
     */
    void interleave(double[] natural, double[] out) {
        if (!shortBlock) {
            System.arraycopy(natural, 0, out, 0, 1024);
            return;
        }
        int pos = 0;
        int firstWindow = 0;
        for (int g = 0; g < groupLength.length; g++) {
            for (int b = 0; b < bands(); b++) {
                for (int w = firstWindow; w < firstWindow + groupLength[g]; w++) {
                    int n = swb[b + 1] - swb[b];
                    System.arraycopy(natural, w * 128 + swb[b], out, pos, n);
                    pos += n;
                }
            }
            firstWindow += groupLength[g];
        }
    }

    /** @return the centre frequency in Hz of band {@code b} */
    double centreHz(int b, int sampleRate) {
        double lineHz = sampleRate / (shortBlock ? 256.0 : 2048.0);
        return (swb[b] + swb[b + 1]) * 0.5 * lineHz;
    }
}
