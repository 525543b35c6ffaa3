package io.livepush.encoder.javaaac;

/**
 * The block's {@code ics_info} (ISO/IEC 14496-3 4.4.2.7, Table 4.6): window sequence and shape,
 * {@code max_sfb}, and for EIGHT_SHORT blocks the window grouping; no prediction (AAC-LC).
 */
final class IcsInfo {
    WindowSequence sequence = WindowSequence.ONLY_LONG;
    int shape = Windows.SINE;
    BandLayout layout;

    /** Writes the fields with the given {@code max_sfb}. */
    void write(BitWriter out, int maxSfb) {
        out.write(0, 1); // ics_reserved_bit
        out.write(sequence.code, 2);
        out.write(shape, 1);
        if (sequence == WindowSequence.EIGHT_SHORT) {
            out.write(maxSfb, 4);
            out.write(layout.grouping(), 7);
        } else {
            out.write(maxSfb, 6);
            out.write(0, 1); // predictor_data_present
        }
    }
}
