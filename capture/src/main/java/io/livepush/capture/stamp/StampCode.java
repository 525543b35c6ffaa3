package io.livepush.capture.stamp;

import java.util.Optional;

/**
 * The bit layout of a {@link FrameStamp}: a grid of {@value #COLUMNS} x {@value #ROWS} cells, each
 * one bit, read left to right and top to bottom.
 *
 * <pre>
 * row 0      sync pattern, 16 fixed bits: 1101 0110 0011 1001 (1 = white cell)
 * rows 1..2  frame number, unsigned 32 bits, most significant bit first
 * rows 3..6  wall-clock time, Unix epoch microseconds, 64 bits, most significant bit first
 * row 7      CRC-16/CCITT-FALSE over the 12 payload bytes (frame number then time, big-endian)
 * </pre>
 *
 * <p>The sync row gives a reader both levels to set its black/white threshold from and lets a
 * search find the grid; the CRC turns a misread cell into "no stamp" instead of a wrong number.
 */
final class StampCode {
    /** Cells per grid row. */
    static final int COLUMNS = 16;
    /** Grid rows. */
    static final int ROWS = 8;
    /** All cells of the grid. */
    static final int CELLS = COLUMNS * ROWS;
    /** The sync row, cell 0 first; both colours appear in the first two cells. */
    static final boolean[] SYNC = bits(0b1101_0110_0011_1001, COLUMNS);

    private static final int PAYLOAD_BYTES = 12;

    private StampCode() {
    }

    /** @return the {@value #CELLS} cells of {@code stamp}, true = white */
    static boolean[] encode(Stamp stamp) {
        byte[] payload = payload(stamp);
        int crc = Crc16.of(payload, PAYLOAD_BYTES);
        boolean[] cells = new boolean[CELLS];
        System.arraycopy(SYNC, 0, cells, 0, COLUMNS);
        int i = COLUMNS;
        for (byte b : payload) {
            for (int bit = 7; bit >= 0; bit--) {
                cells[i++] = ((b >> bit) & 1) != 0;
            }
        }
        for (int bit = 15; bit >= 0; bit--) {
            cells[i++] = ((crc >> bit) & 1) != 0;
        }
        return cells;
    }

    /**
     * @param cells the {@value #CELLS} cells as read, true = white
     * @return the stamp, or empty when the sync row or the CRC does not match
     */
    static Optional<Stamp> decode(boolean[] cells) {
        for (int i = 0; i < COLUMNS; i++) {
            if (cells[i] != SYNC[i]) {
                return Optional.empty();
            }
        }
        byte[] payload = new byte[PAYLOAD_BYTES];
        int i = COLUMNS;
        for (int n = 0; n < PAYLOAD_BYTES; n++) {
            int b = 0;
            for (int bit = 0; bit < 8; bit++) {
                b = (b << 1) | (cells[i++] ? 1 : 0);
            }
            payload[n] = (byte) b;
        }
        int crc = 0;
        for (int bit = 0; bit < 16; bit++) {
            crc = (crc << 1) | (cells[i++] ? 1 : 0);
        }
        if (crc != Crc16.of(payload, PAYLOAD_BYTES)) {
            return Optional.empty();
        }
        long frameNumber = readLong(payload, 0, 4);
        long wallClockUs = readLong(payload, 4, 8);
        if (wallClockUs < 0) {
            return Optional.empty();
        }
        return Optional.of(new Stamp(frameNumber, wallClockUs));
    }

    private static byte[] payload(Stamp stamp) {
        byte[] p = new byte[PAYLOAD_BYTES];
        for (int n = 0; n < 4; n++) {
            p[n] = (byte) (stamp.frameNumber() >>> (24 - 8 * n));
        }
        for (int n = 0; n < 8; n++) {
            p[4 + n] = (byte) (stamp.wallClockUs() >>> (56 - 8 * n));
        }
        return p;
    }

    private static long readLong(byte[] p, int from, int count) {
        long v = 0;
        for (int n = 0; n < count; n++) {
            v = (v << 8) | (p[from + n] & 0xFF);
        }
        return v;
    }

    private static boolean[] bits(int value, int count) {
        boolean[] b = new boolean[count];
        for (int i = 0; i < count; i++) {
            b[i] = ((value >> (count - 1 - i)) & 1) != 0;
        }
        return b;
    }
}
