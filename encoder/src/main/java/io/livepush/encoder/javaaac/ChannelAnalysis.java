package io.livepush.encoder.javaaac;

/**
 * One channel's input history and filter bank. The signal is delayed by {@value #LOOKAHEAD}
 * samples so that, when a block is transformed, the centres of the next block's short windows are
 * already known to the {@link TransientDetector} (the decoder's output therefore lags the input by
 * 1024 + {@value #LOOKAHEAD} = 1600 samples, like vo-aacenc).
 */
final class ChannelAnalysis {
    /** Look-ahead of the block switching decision, in samples. */
    static final int LOOKAHEAD = 576;
    private static final int HISTORY = 2048 + LOOKAHEAD;
    private final double[] history = new double[HISTORY];
    private final double[] windowed = new double[2048];
    private final double[] window = new double[2048];
    private final double[] shortWindow = new double[256];
    final double[] natural = new double[1024];
    private final TransientDetector detector = new TransientDetector();
    private final Mdct longMdct;
    private final Mdct shortMdct;
    private final Windows windows;

    ChannelAnalysis(Mdct longMdct, Mdct shortMdct, Windows windows) {
        this.longMdct = longMdct;
        this.shortMdct = shortMdct;
        this.windows = windows;
    }

    /**
     * Appends one frame of this channel's samples.
     *
     * @param interleaved the frame's interleaved samples
     * @param channel which channel to take
     * @param channels channels in the frame
     * @return the first short window (0..7) of the next block holding an attack, or -1
     */
    int push(short[] interleaved, int channel, int channels) {
        System.arraycopy(history, 1024, history, 0, HISTORY - 1024);
        for (int i = 0; i < 1024; i++) {
            history[HISTORY - 1024 + i] = interleaved[i * channels + channel];
        }
        // The next block starts 1024 samples later; its short window w is centred on 1600 + 128 w
        // from this block's start.
        return detector.analyze(history, 1024 + 512);
    }

    /**
     * Windows and transforms the current block (the first 2048 samples of the history) into
     * {@link #natural}: 1024 lines, or 8 x 128 lines in window order for EIGHT_SHORT.
     */
    void transform(WindowSequence sequence, int previousShape, int shape) {
        if (sequence != WindowSequence.EIGHT_SHORT) {
            windows.longBlock(sequence, previousShape, shape, window);
            for (int i = 0; i < 2048; i++) {
                windowed[i] = history[i] * window[i];
            }
            longMdct.forward(windowed, 0, natural, 0);
            return;
        }
        for (int w = 0; w < 8; w++) {
            windows.shortWindow(w, previousShape, shape, shortWindow);
            int from = 448 + 128 * w;
            for (int i = 0; i < 256; i++) {
                windowed[i] = history[from + i] * shortWindow[i];
            }
            shortMdct.forward(windowed, 0, natural, w * 128);
        }
    }
}
