package io.livepush.encoder.javaaac;

/**
 * One channel's {@code individual_channel_stream} for one block (ISO/IEC 14496-3 4.4.2.7): turns
 * the interleaved spectrum and the allowed noise per band into scalefactors and quantized values
 * (the 3/4 power law, ISO/IEC 14496-3 4.6.1.3 inverted, rounding offset {@value #ROUNDING}),
 * chooses sections and codebooks, counts the bits and writes them.
 *
 * <p>Scalefactors: a band's noise from quantizing with step {@code 2^((sf - 100) / 4)} is about
 * {@code 4/27 * step^1.5 * sum(sqrt|x|)}; solving for the allowed noise gives each band's base
 * scalefactor, and the rate loop moves all bands by one common offset. Bands whose energy is below
 * their allowed noise (scaled by that offset) are not coded (zero codebook).
 */
final class ChannelStream {
    /** Rounding offset of the quantizer (ISO/IEC 13818-7 reference encoder value). */
    static final double ROUNDING = 0.4054;
    private static final int MAX_ENTRIES = 8 * 49;
    private static final int NOT_CODED = Integer.MIN_VALUE;

    final double[] spectrum = new double[1024];
    private final double[] magnitude34 = new double[1024];
    final int[] quantized = new int[1024];
    final double[] energy = new double[MAX_ENTRIES];
    final double[] threshold = new double[MAX_ENTRIES];
    private final int[] baseSf = new int[MAX_ENTRIES];
    private final int[] minSf = new int[MAX_ENTRIES];
    final int[] sf = new int[MAX_ENTRIES];
    final int[] book = new int[MAX_ENTRIES];
    private final int[] largest = new int[MAX_ENTRIES];
    private final int[][] cost = new int[MAX_ENTRIES][12];
    private final long[] dp = new long[12];
    private final long[] dpNext = new long[12];
    private final int[][] from = new int[MAX_ENTRIES][12];
    private BandLayout layout;
    private int globalGain;

    /**
     * Derives each band's base scalefactor; call after filling {@link #spectrum}, {@link #energy}
     * and {@link #threshold}.
     */
    void prepare(BandLayout layout) {
        this.layout = layout;
        int entries = layout.groups() * layout.bands();
        for (int i = 0; i < 1024; i++) {
            magnitude34[i] = Math.pow(Math.abs(spectrum[i]), 0.75);
        }
        for (int gb = 0; gb < entries; gb++) {
            int start = layout.start(gb);
            int width = layout.width(gb);
            double sqrtSum = 0;
            double max = 0;
            for (int i = start; i < start + width; i++) {
                double a = Math.abs(spectrum[i]);
                sqrtSum += Math.sqrt(a);
                max = Math.max(max, a);
            }
            if (max < 1) {
                baseSf[gb] = NOT_CODED;
                continue;
            }
            double step15 = 27 * threshold[gb] / (4 * sqrtSum);
            baseSf[gb] = (int) Math.floor(100 + 4 * Math.log(step15) / Math.log(2) / 1.5);
            // The largest value must stay within 8191: (max / step)^0.75 + 0.4054 <= 8191.
            minSf[gb] = (int) Math.ceil(100 + 4 * Math.log(max / Math.pow(8191 - ROUNDING, 4.0 / 3)) / Math.log(2));
        }
    }

    /**
     * Quantizes every band with its base scalefactor moved by {@code offset}, keeping consecutive
     * coded scalefactors within 60 of each other.
     *
     * @return the highest coded band per window plus one (0 when nothing is coded)
     */
    int quantize(int offset) {
        int bands = layout.bands();
        int entries = layout.groups() * bands;
        int last = NOT_CODED;
        int maxSfb = 0;
        for (int gb = 0; gb < entries; gb++) {
            int start = layout.start(gb);
            int width = layout.width(gb);
            // Moving every scalefactor by the offset scales the noise by 2^(0.375 offset): a band
            // quieter than that noise is left out.
            if (baseSf[gb] == NOT_CODED || energy[gb] <= threshold[gb] * Math.pow(2, 0.375 * offset)) {
                clear(gb, start, width);
                continue;
            }
            int s = Math.min(255, Math.max(Math.max(0, minSf[gb]), baseSf[gb] + offset));
            if (last != NOT_CODED) {
                s = Math.max(last - 60, Math.min(last + 60, s));
            }
            if (s < minSf[gb]) {
                clear(gb, start, width);
                continue;
            }
            double scale = Math.pow(2, -0.1875 * (s - 100));
            int max = 0;
            for (int i = start; i < start + width; i++) {
                int q = (int) (magnitude34[i] * scale + ROUNDING);
                max = Math.max(max, q);
                quantized[i] = spectrum[i] < 0 ? -q : q;
            }
            largest[gb] = max;
            if (max == 0) {
                book[gb] = SpectrumCoder.ZERO_BOOK;
                sf[gb] = 0;
                continue;
            }
            sf[gb] = s;
            last = s;
            maxSfb = Math.max(maxSfb, gb % bands + 1);
        }
        return maxSfb;
    }

    private void clear(int gb, int start, int width) {
        java.util.Arrays.fill(quantized, start, start + width, 0);
        largest[gb] = 0;
        book[gb] = SpectrumCoder.ZERO_BOOK;
        sf[gb] = 0;
    }

    /**
     * Chooses sections and codebooks for the bands below {@code maxSfb} (a dynamic programme over
     * the books per band, a new section costing its header) and counts the stream's bits.
     *
     * @param maxSfb coded bands per window (shared by both channels of a CPE)
     * @param withInfo whether this stream carries its own {@code ics_info}
     * @return bits of the whole {@code individual_channel_stream}
     */
    int chooseBooksAndCount(int maxSfb, boolean withInfo) {
        int bands = layout.bands();
        int header = 4 + (layout.isShort() ? 3 : 5);
        int bits = 8 + 3;
        if (withInfo) {
            bits += layout.isShort() ? 1 + 2 + 1 + 4 + 7 : 1 + 2 + 1 + 6 + 1;
        }
        for (int g = 0; g < layout.groups(); g++) {
            if (maxSfb == 0) {
                break;
            }
            for (int b = 0; b < maxSfb; b++) {
                int gb = g * bands + b;
                int first = SpectrumCoder.firstBook(largest[gb]);
                int[] costs = cost[gb];
                java.util.Arrays.fill(costs, Integer.MAX_VALUE);
                if (first == SpectrumCoder.ZERO_BOOK) {
                    // An all-zero band takes the zero book (no scalefactor is sent for it).
                    costs[0] = 0;
                    continue;
                }
                // The first book able to code the band, its twin, the next pair and (for large values) the
                // escape book.
                int pair = first == SpectrumCoder.ESCAPE_BOOK ? 0 : first - (first + 1) % 2;
                int start = layout.start(gb);
                int width = layout.width(gb);
                if (pair > 0) {
                    SpectrumCoder.bitsOfPair(pair, quantized, start, width, costs);
                    if (pair + 2 < SpectrumCoder.ESCAPE_BOOK) {
                        SpectrumCoder.bitsOfPair(pair + 2, quantized, start, width, costs);
                    }
                }
                if (first >= 7) {
                    costs[SpectrumCoder.ESCAPE_BOOK] = SpectrumCoder.bits(SpectrumCoder.ESCAPE_BOOK, quantized, start, width);
                }
            }
            for (int c = 0; c < 12; c++) {
                int c0 = cost[g * bands][c];
                dp[c] = c0 == Integer.MAX_VALUE ? Long.MAX_VALUE : header + c0;
            }
            for (int b = 1; b < maxSfb; b++) {
                int gb = g * bands + b;
                int bestPrev = 0;
                for (int c = 1; c < 12; c++) {
                    if (dp[c] < dp[bestPrev]) {
                        bestPrev = c;
                    }
                }
                for (int c = 0; c < 12; c++) {
                    if (cost[gb][c] == Integer.MAX_VALUE) {
                        dpNext[c] = Long.MAX_VALUE;
                        continue;
                    }
                    long stay = dp[c] == Long.MAX_VALUE ? Long.MAX_VALUE : dp[c];
                    long change = dp[bestPrev] + header;
                    if (stay <= change) {
                        dpNext[c] = stay + cost[gb][c];
                        from[gb][c] = c;
                    } else {
                        dpNext[c] = change + cost[gb][c];
                        from[gb][c] = bestPrev;
                    }
                }
                System.arraycopy(dpNext, 0, dp, 0, 12);
            }
            int c = 0;
            for (int k = 1; k < 12; k++) {
                if (dp[k] < dp[c]) {
                    c = k;
                }
            }
            for (int b = maxSfb - 1; b >= 0; b--) {
                book[g * bands + b] = c;
                if (b > 0) {
                    c = from[g * bands + b][c];
                }
            }
            bits += sectionBits(g, maxSfb);
            for (int b = 0; b < maxSfb; b++) {
                int gb = g * bands + b;
                bits += cost[gb][book[gb]];
            }
        }
        bits += scalefactorBits(maxSfb);
        return bits;
    }

    private int sectionBits(int g, int maxSfb) {
        int lenBits = layout.isShort() ? 3 : 5;
        int escape = (1 << lenBits) - 1;
        int bits = 0;
        int bands = layout.bands();
        int b = 0;
        while (b < maxSfb) {
            int c = book[g * bands + b];
            int end = b;
            while (end < maxSfb && book[g * bands + end] == c) {
                end++;
            }
            bits += 4 + lenBits * ((end - b) / escape + 1);
            b = end;
        }
        return bits;
    }

    private int scalefactorBits(int maxSfb) {
        int bands = layout.bands();
        int bits = 0;
        int last = NOT_CODED;
        for (int g = 0; g < layout.groups(); g++) {
            for (int b = 0; b < maxSfb; b++) {
                int gb = g * bands + b;
                if (book[gb] == SpectrumCoder.ZERO_BOOK) {
                    continue;
                }
                if (last == NOT_CODED) {
                    globalGain = sf[gb];
                    last = sf[gb];
                }
                bits += AacHuffmanTables.SCALEFACTOR_LENGTHS[sf[gb] - last + 60];
                last = sf[gb];
            }
        }
        if (last == NOT_CODED) {
            globalGain = 100;
        }
        return bits;
    }

    /**
     * Writes the stream as counted by the last {@link #chooseBooksAndCount} call.
     *
     * @param out the frame
     * @param info the block's {@code ics_info} writer, or null inside a common-window CPE
     * @param maxSfb coded bands per window
     */
    void write(BitWriter out, IcsInfo info, int maxSfb) {
        out.write(globalGain, 8);
        if (info != null) {
            info.write(out, maxSfb);
        }
        int bands = layout.bands();
        int lenBits = layout.isShort() ? 3 : 5;
        int escape = (1 << lenBits) - 1;
        for (int g = 0; g < layout.groups(); g++) {
            int b = 0;
            while (b < maxSfb) {
                int c = book[g * bands + b];
                int end = b;
                while (end < maxSfb && book[g * bands + end] == c) {
                    end++;
                }
                out.write(c, 4);
                int len = end - b;
                while (len >= escape) {
                    out.write(escape, lenBits);
                    len -= escape;
                }
                out.write(len, lenBits);
                b = end;
            }
        }
        int last = globalGain;
        for (int g = 0; g < layout.groups(); g++) {
            for (int b = 0; b < maxSfb; b++) {
                int gb = g * bands + b;
                if (book[gb] != SpectrumCoder.ZERO_BOOK) {
                    int diff = sf[gb] - last + 60;
                    out.write(AacHuffmanTables.SCALEFACTOR_CODES[diff], AacHuffmanTables.SCALEFACTOR_LENGTHS[diff]);
                    last = sf[gb];
                }
            }
        }
        out.write(0, 3); // pulse_data_present, tns_data_present, gain_control_data_present
        for (int g = 0; g < layout.groups(); g++) {
            for (int b = 0; b < maxSfb; b++) {
                int gb = g * bands + b;
                SpectrumCoder.write(out, book[gb], quantized, layout.start(gb), layout.width(gb));
            }
        }
    }

    /** @return an estimate of the bits the block needs: half a bit per line and per doubling of energy over threshold */
    double perceptualEntropy() {
        double pe = 0;
        int entries = layout.groups() * layout.bands();
        for (int gb = 0; gb < entries; gb++) {
            if (energy[gb] > threshold[gb]) {
                pe += 0.5 * layout.width(gb) * Math.log(energy[gb] / threshold[gb]) / Math.log(2);
            }
        }
        return pe;
    }

    /** @return the current band layout */
    BandLayout layout() {
        return layout;
    }
}
