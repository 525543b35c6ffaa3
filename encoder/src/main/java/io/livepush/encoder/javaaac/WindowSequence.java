package io.livepush.encoder.javaaac;

/**
 * The four window sequences of AAC (ISO/IEC 14496-3 4.6.11, Table 4.109), with their
 * {@code window_sequence} code. A LONG_START prepares the switch to EIGHT_SHORT, a LONG_STOP
 * returns to ONLY_LONG.
 */
enum WindowSequence {
    /** One 2048-sample window. */
    ONLY_LONG(0),
    /** Long left half, short right slope: the block before eight short ones. */
    LONG_START(1),
    /** Eight 256-sample windows. */
    EIGHT_SHORT(2),
    /** Short left slope, long right half: the block after eight short ones. */
    LONG_STOP(3);

    /** The 2-bit {@code window_sequence} value. */
    final int code;

    WindowSequence(int code) {
        this.code = code;
    }

    /**
     * Chooses this block's sequence from the previous one and the transient decisions.
     *
     * @param previous the previous block's sequence
     * @param shortHere whether this block holds a transient
     * @param shortNext whether the next block holds one
     * @return the sequence that keeps every transition legal
     */
    static WindowSequence next(WindowSequence previous, boolean shortHere, boolean shortNext) {
        boolean previousShortRight = previous == LONG_START || previous == EIGHT_SHORT;
        if (shortHere || previous == LONG_START) {
            return EIGHT_SHORT;
        }
        if (shortNext) {
            // A short block cannot be followed by a start block: stay short one more block.
            return previousShortRight ? EIGHT_SHORT : LONG_START;
        }
        return previousShortRight ? LONG_STOP : ONLY_LONG;
    }
}
