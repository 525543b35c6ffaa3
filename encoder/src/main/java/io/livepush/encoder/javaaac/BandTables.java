package io.livepush.encoder.javaaac;

/**
 * Scalefactor band offsets for 1024-line (long) and 128-line (short) windows at 44.1 and 48 kHz,
 * which share one table each (ISO/IEC 14496-3 4.5.4, Tables 4.129 (long, 49 bands) and 4.130
 * (short, 14 bands), swb_offset_long_window / swb_offset_short_window for sampling frequency
 * indices 3 and 4).
 */
final class BandTables {
    /** swb_offset_long_window, 49 bands plus the end at 1024. */
    static final int[] LONG_48K = {
        0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 48, 56, 64, 72, 80, 88, 96, 108, 120,
        132, 144, 160, 176, 196, 216, 240, 264, 292, 320, 352, 384, 416, 448, 480, 512, 544, 576, 608, 640,
        672, 704, 736, 768, 800, 832, 864, 896, 928, 1024};
    /** swb_offset_short_window, 14 bands plus the end at 128. */
    static final int[] SHORT_48K = {0, 4, 8, 12, 16, 20, 28, 36, 44, 56, 68, 80, 96, 112, 128};

    private BandTables() {
    }

    /**
     * @param sampleRate 44100 or 48000
     * @param shortWindows whether the table for 128-line windows is wanted
     * @return band offsets, one more than the band count
     */
    static int[] offsets(int sampleRate, boolean shortWindows) {
        if (sampleRate != 44_100 && sampleRate != 48_000) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz has no band table here (expected 44100 or 48000)");
        }
        return shortWindows ? SHORT_48K : LONG_48K;
    }
}
