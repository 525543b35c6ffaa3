package io.livepush.encoder.javaaac;

/**
 * Encodes one 1024-sample frame of PCM into one {@code raw_data_block} (ISO/IEC 14496-3 4.4.2.1):
 * an SCE for mono or a CPE with a common window (and per-band M/S) for stereo, a fill element when
 * the bit reservoir overflows, and the END element.
 *
 * <p>Per frame: block switching on the look-ahead's transients, MDCT, psychoacoustic thresholds,
 * M/S decision, then a rate loop (a binary search over one scalefactor offset shared by all bands)
 * that spends the budget the {@link BitReservoir} grants. Allocates only the output byte array.
 */
final class AacFrameEncoder {
    private static final int ID_SCE = 0;
    private static final int ID_CPE = 1;
    private static final int ID_FIL = 6;
    private static final int ID_END = 7;
    private static final int MIN_OFFSET = -60;
    private static final int MAX_OFFSET = 120;

    private final int channels;
    private final int sampleRate;
    private final ChannelAnalysis[] analysis;
    private final ChannelStream[] streams;
    private final PsychoModel psycho;
    private final BitReservoir reservoir;
    private final BitWriter writer;
    private final IcsInfo info = new IcsInfo();
    private final StereoDecision stereo = new StereoDecision();
    private final BandLayout longLayout;
    private final int cutoffLine;
    private WindowSequence previousSequence = WindowSequence.ONLY_LONG;
    private int previousShape = Windows.SINE;
    private int attackHere = -1;
    /** The rate loop's offset of the previous frame, where the next search starts. */
    private int previousOffset;
    /** max_sfb of the last {@link #count} call. */
    private int maxSfb;

    /**
     * @param sampleRate 44100 or 48000
     * @param channels 1 or 2
     * @param bitrate target bits per second
     */
    AacFrameEncoder(int sampleRate, int channels, int bitrate) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        Mdct longMdct = new Mdct(2048);
        Mdct shortMdct = new Mdct(256);
        Windows windows = new Windows();
        analysis = new ChannelAnalysis[channels];
        streams = new ChannelStream[channels];
        for (int c = 0; c < channels; c++) {
            analysis[c] = new ChannelAnalysis(longMdct, shortMdct, windows);
            streams[c] = new ChannelStream();
        }
        psycho = new PsychoModel(sampleRate);
        reservoir = new BitReservoir(bitrate, sampleRate, channels);
        writer = new BitWriter(6144 * channels / 8 + 64);
        longLayout = BandLayout.longBlock(sampleRate);
        double perChannel = bitrate / (double) channels;
        double cutoffHz = Math.min(20_000, 8_000 + perChannel * 0.16);
        cutoffLine = (int) Math.min(1024, cutoffHz / (sampleRate / 2.0) * 1024);
    }

    /** @return the bandwidth the encoder codes, in Hz */
    double cutoffHz() {
        return cutoffLine * sampleRate / 2048.0;
    }

    /**
     * @param interleaved exactly 1024 samples per channel
     * @return the encoded raw data block
     */
    byte[] encode(short[] interleaved) {
        int attackNext = -1;
        for (int c = 0; c < channels; c++) {
            int a = analysis[c].push(interleaved, c, channels);
            if (a >= 0 && (attackNext < 0 || a < attackNext)) {
                attackNext = a;
            }
        }
        WindowSequence sequence = WindowSequence.next(previousSequence, attackHere >= 0, attackNext >= 0);
        int shape = sequence == WindowSequence.EIGHT_SHORT ? Windows.KBD : Windows.SINE;
        BandLayout layout = sequence == WindowSequence.EIGHT_SHORT
                ? BandLayout.shortBlock(sampleRate, attackHere >= 0 ? attackHere : 0) : longLayout;
        info.sequence = sequence;
        info.shape = shape;
        info.layout = layout;
        int lineCut = layout.isShort() ? cutoffLine / 8 : cutoffLine;
        for (int c = 0; c < channels; c++) {
            ChannelAnalysis a = analysis[c];
            a.transform(sequence, previousShape, shape);
            if (layout.isShort()) {
                for (int w = 0; w < 8; w++) {
                    java.util.Arrays.fill(a.natural, w * 128 + lineCut, w * 128 + 128, 0);
                }
            } else {
                java.util.Arrays.fill(a.natural, lineCut, 1024, 0);
            }
            ChannelStream s = streams[c];
            layout.interleave(a.natural, s.spectrum);
            psycho.analyze(s.spectrum, layout, s.energy, s.threshold);
        }
        if (channels == 2) {
            stereo.decide(streams[0], streams[1], layout);
        }
        for (ChannelStream s : streams) {
            s.prepare(layout);
        }
        byte[] frame = rateLoop(layout.isShort());
        previousSequence = sequence;
        previousShape = shape;
        attackHere = attackNext;
        return frame;
    }

    /**
     * Finds the smallest scalefactor offset (the finest quantization) whose frame fits the budget:
     * starting from the previous frame's offset, it steps by 4 until the answer is bracketed, then
     * bisects, so a steady signal needs few trial quantizations.
     */
    private byte[] rateLoop(boolean attack) {
        double pe = 0;
        for (ChannelStream s : streams) {
            pe += s.perceptualEntropy();
        }
        int budget = reservoir.budget(attack, pe);
        int guess = Math.max(MIN_OFFSET, Math.min(MAX_OFFSET, previousOffset));
        int fits;
        int fails;
        if (count(guess) <= budget) {
            fits = guess;
            fails = guess - 4;
            while (fails > MIN_OFFSET && count(fails) <= budget) {
                fits = fails;
                fails -= 4;
            }
            if (fails <= MIN_OFFSET) {
                fails = MIN_OFFSET;
                if (count(fails) <= budget) {
                    fits = fails;
                }
            }
        } else {
            fails = guess;
            fits = guess + 4;
            while (fits < MAX_OFFSET && count(fits) > budget) {
                fails = fits;
                fits += 4;
            }
            fits = Math.min(fits, MAX_OFFSET);
        }
        while (fits - fails > 1) {
            int mid = (fits + fails) >> 1;
            if (count(mid) <= budget) {
                fits = mid;
            } else {
                fails = mid;
            }
        }
        int offset = fits;
        int bits = count(offset);
        // Never exceed 6144 bits per channel, whatever the budget estimate said.
        while (bits > 6144 * channels - 64 && offset < 255) {
            offset += 4;
            bits = count(offset);
        }
        previousOffset = offset;
        return write();
    }

    /** Quantizes every channel with {@code offset} and returns the frame's bits before fill. */
    private int count(int offset) {
        maxSfb = 0;
        for (ChannelStream s : streams) {
            maxSfb = Math.max(maxSfb, s.quantize(offset));
        }
        int bits = 3 + 4;
        if (channels == 1) {
            bits += streams[0].chooseBooksAndCount(maxSfb, true);
        } else {
            bits += 1 + (info.layout.isShort() ? 15 : 11) + 2 + stereo.maskBits(info.layout, maxSfb);
            bits += streams[0].chooseBooksAndCount(maxSfb, false);
            bits += streams[1].chooseBooksAndCount(maxSfb, false);
        }
        bits += 3;
        return (bits + 7) & ~7;
    }

    private byte[] write() {
        writer.reset();
        if (channels == 1) {
            writer.write(ID_SCE, 3);
            writer.write(0, 4);
            streams[0].write(writer, info, maxSfb);
        } else {
            writer.write(ID_CPE, 3);
            writer.write(0, 4);
            writer.write(1, 1); // common_window
            info.write(writer, maxSfb);
            stereo.writeMask(writer, info.layout, maxSfb);
            streams[0].write(writer, null, maxSfb);
            streams[1].write(writer, null, maxSfb);
        }
        int before = (writer.bitCount() + 3 + 7) & ~7;
        int fill = reservoir.fillAfter(before);
        writeFill(fill);
        writer.write(ID_END, 3);
        writer.byteAlign();
        reservoir.commit(writer.bitCount());
        return writer.toByteArray();
    }

    /**
     * Writes fill elements of about {@code bits} bits: {@code ID_FIL}, a count (with escape) and
     * that many bytes of {@code EXT_FILL} payload (ISO/IEC 14496-3 4.4.2.7, Table 4.57).
     */
    private void writeFill(int bits) {
        while (bits >= 7 + 8) {
            int bytes = Math.min(269, (bits - 7) / 8);
            if (bytes >= 15) {
                bytes = Math.min(bytes, Math.max(15, (bits - 15) / 8));
            }
            writer.write(ID_FIL, 3);
            if (bytes >= 15) {
                writer.write(15, 4);
                writer.write(bytes - 15 + 1, 8);
                bits -= 15;
            } else {
                writer.write(bytes, 4);
                bits -= 7;
            }
            writer.write(0, 4); // extension_type EXT_FILL
            writer.write(0, 4); // fill_nibble
            for (int i = 1; i < bytes; i++) {
                writer.write(0xA5, 8);
            }
            bits -= 8 * bytes;
        }
    }
}
