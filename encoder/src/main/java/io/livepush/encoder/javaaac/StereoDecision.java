package io.livepush.encoder.javaaac;

/**
 * Per-band mid/side stereo (ISO/IEC 14496-3 4.6.8.1): a band is coded as {@code M = (L + R) / 2},
 * {@code S = (L - R) / 2} when that lowers its perceptual entropy estimate
 * {@code sum log(1 + energy / threshold)}, or when one of M and S is nearly empty. The decoder rebuilds {@code L = M + S}, {@code R = M - S},
 * so the noise of both M and S reaches each output: M and S may each carry half the lower of the L
 * and R thresholds.
 */
final class StereoDecision {
    private final boolean[] used = new boolean[8 * 49];
    private boolean any;

    /** Decides every band entry and rewrites the chosen bands of both streams to M/S in place. */
    void decide(ChannelStream left, ChannelStream right, BandLayout layout) {
        int entries = layout.groups() * layout.bands();
        any = false;
        for (int gb = 0; gb < entries; gb++) {
            int start = layout.start(gb);
            int width = layout.width(gb);
            double em = 0;
            double es = 0;
            for (int i = start; i < start + width; i++) {
                double m = (left.spectrum[i] + right.spectrum[i]) * 0.5;
                double s = (left.spectrum[i] - right.spectrum[i]) * 0.5;
                em += m * m;
                es += s * s;
            }
            double tl = left.threshold[gb];
            double tr = right.threshold[gb];
            // L = M + S and R = M - S: the noise of M and of S both reach each output channel.
            double tms = Math.min(tl, tr) / 2;
            double peLr = pe(left.energy[gb], tl) + pe(right.energy[gb], tr);
            double peMs = pe(em, tms) + pe(es, tms);
            // Nearly identical (or opposite) channels leave S (or M) almost empty: always worth it.
            boolean oneSided = em + es > 0 && Math.min(em, es) < 0.05 * Math.max(em, es);
            used[gb] = peMs < peLr * 0.95 || oneSided;
            if (!used[gb]) {
                continue;
            }
            any = true;
            for (int i = start; i < start + width; i++) {
                double l = left.spectrum[i];
                double r = right.spectrum[i];
                left.spectrum[i] = (l + r) * 0.5;
                right.spectrum[i] = (l - r) * 0.5;
            }
            left.energy[gb] = em;
            right.energy[gb] = es;
            left.threshold[gb] = tms;
            right.threshold[gb] = tms;
        }
    }

    private static double pe(double energy, double threshold) {
        return Math.log(1 + energy / threshold);
    }

    /** @return bits of the per-band {@code ms_used} flags (the 2-bit mask field not included) */
    int maskBits(BandLayout layout, int maxSfb) {
        return any ? layout.groups() * maxSfb : 0;
    }

    /** Writes {@code ms_mask_present} and, when 1, one {@code ms_used} flag per band entry. */
    void writeMask(BitWriter out, BandLayout layout, int maxSfb) {
        out.write(any ? 1 : 0, 2);
        if (!any) {
            return;
        }
        for (int g = 0; g < layout.groups(); g++) {
            for (int b = 0; b < maxSfb; b++) {
                out.write(used[g * layout.bands() + b] ? 1 : 0, 1);
            }
        }
    }
}
