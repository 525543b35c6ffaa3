package io.livepush.capture.stamp;

import io.livepush.capture.VideoFrame;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * A machine-readable stamp drawn into a picture's luma: the frame number and the capture
 * wall-clock time, readable again from the decoded picture after lossy H.264 coding and after the
 * picture was scaled into a region of a co-host mix. This is how latency and frame identity are
 * measured end to end without trusting any timestamp a codec or transport may have rewritten.
 *
 * <h2>Picture format</h2>
 * A grid of 16 x 8 square cells (layout in {@link StampCode}: a sync row, 32-bit frame number,
 * 64-bit time, CRC-16). A cell is {@code cellSize} pixels square (default 16, one H.264 macroblock,
 * so at the default position each cell is one flat macroblock) and is solid luma
 * {@value #BLACK} (bit 0) or {@value #WHITE} (bit 1), the limits of video-range luma. The chroma
 * under the stamp is set to 128 so the stamp stays grey-scale through colour conversions. At the
 * default cell size the stamp covers 256 x 128 pixels.
 *
 * <h2>Reading</h2>
 * A reader averages the middle half of each cell (so edge ringing and a position error of up to a
 * quarter cell do no harm), takes its black/white threshold halfway between the sync row's white
 * and black cells (so brightness and contrast changes do no harm), and accepts the stamp only if
 * the sync row matches and the CRC checks; anything else gives {@link Optional#empty()}, never a
 * wrong number. After scaling, pass the scaled cell size (e.g. 8.0 for a half-size picture); cells
 * below about 6 pixels rarely survive lossy coding.
 *
 * <p>Stateless and thread-safe.
 */
public final class FrameStamp {
    /** The default cell size in pixels: one H.264 macroblock. */
    public static final int DEFAULT_CELL_SIZE = 16;
    /** The luma of a 0 cell (video-range black). */
    public static final int BLACK = 16;
    /** The luma of a 1 cell (video-range white). */
    public static final int WHITE = 235;
    /** Minimum difference between the sync row's darkest white and brightest black cell for a read. */
    static final double MIN_CONTRAST = 48;

    private static final int MIN_READ_CELL = 2;

    private FrameStamp() {
    }

    /**
     * @param cellSize the cell size in pixels
     * @return the stamp's width in pixels at {@code cellSize}
     */
    public static int width(int cellSize) {
        return StampCode.COLUMNS * cellSize;
    }

    /**
     * @param cellSize the cell size in pixels
     * @return the stamp's height in pixels at {@code cellSize}
     */
    public static int height(int cellSize) {
        return StampCode.ROWS * cellSize;
    }

    /**
     * Draws a stamp with the default cell size, its top-left corner at ({@code x}, {@code y}).
     *
     * @param frame the frame to draw into (its Y, U and V planes), held by the caller, never null
     * @param x the stamp's left edge in pixels
     * @param y the stamp's top edge in pixels
     * @param frameNumber the frame number to carry, 0..2^32-1
     * @param wallClockUs the capture time to carry, Unix epoch microseconds, 0 or later
     * @throws IllegalArgumentException when the frame number is outside 0..2^32-1, the time is
     *     negative, or the stamp does not fit in the frame at that position
     */
    public static void write(VideoFrame frame, int x, int y, long frameNumber, long wallClockUs) {
        write(frame, x, y, DEFAULT_CELL_SIZE, new Stamp(frameNumber, wallClockUs));
    }

    /**
     * Draws {@code stamp} with cells of {@code cellSize} pixels, its top-left corner at
     * ({@code x}, {@code y}). Even {@code x}, {@code y} and {@code cellSize} keep the chroma
     * under the stamp exactly aligned.
     *
     * @param frame the frame to draw into (its Y, U and V planes), held by the caller, never null
     * @param x the stamp's left edge in pixels
     * @param y the stamp's top edge in pixels
     * @param cellSize the cell size in pixels, 1..256
     * @param stamp what to carry, never null
     * @throws IllegalArgumentException when the cell size is below 1 or the stamp does not fit
     */
    public static void write(VideoFrame frame, int x, int y, int cellSize, Stamp stamp) {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(stamp, "stamp");
        if (cellSize < 1 || cellSize > 256) {
            throw new IllegalArgumentException("stamp cell size " + cellSize + " is not allowed (expected 1..256)");
        }
        int w = width(cellSize);
        int h = height(cellSize);
        requireFits(x, y, w, h, frame.width(), frame.height());
        boolean[] cells = StampCode.encode(stamp);
        ByteBuffer data = frame.data();
        int lumaOffset = frame.planeOffset(0);
        int stride = frame.stride(0);
        byte[] row = new byte[w];
        for (int r = 0; r < StampCode.ROWS; r++) {
            for (int c = 0; c < StampCode.COLUMNS; c++) {
                byte v = (byte) (cells[r * StampCode.COLUMNS + c] ? WHITE : BLACK);
                for (int i = 0; i < cellSize; i++) {
                    row[c * cellSize + i] = v;
                }
            }
            for (int line = 0; line < cellSize; line++) {
                data.put(lumaOffset + (y + r * cellSize + line) * stride + x, row, 0, w);
            }
        }
        int cx0 = x / 2;
        int cx1 = Math.min(frame.planeWidth(1), (x + w + 1) / 2);
        int cy0 = y / 2;
        int cy1 = Math.min(frame.planeHeight(1), (y + h + 1) / 2);
        java.util.Arrays.fill(row, (byte) 128);
        for (int plane = 1; plane <= 2; plane++) {
            int off = frame.planeOffset(plane);
            int cs = frame.stride(plane);
            for (int cy = cy0; cy < cy1; cy++) {
                data.put(off + cy * cs + cx0, row, 0, cx1 - cx0);
            }
        }
    }

    /**
     * Reads a default-size stamp whose top-left corner is at ({@code x}, {@code y}) of a luma
     * plane starting at index 0 of {@code luma} (position and limit are ignored).
     *
     * @param luma the luma samples, row after row, never null
     * @param stride bytes from one row to the next, at least {@code width}
     * @param width the plane's width in pixels, 1 or more
     * @param height the plane's height in rows, 1 or more
     * @param x the stamp's left edge in pixels
     * @param y the stamp's top edge in pixels
     * @return the stamp, or empty when there is none or it was damaged
     * @throws IllegalArgumentException when the plane geometry is inconsistent or the stamp area
     *     lies outside the plane
     */
    public static Optional<Stamp> read(ByteBuffer luma, int stride, int width, int height, int x, int y) {
        return read(LumaPlane.of(luma, stride, width, height), x, y, DEFAULT_CELL_SIZE);
    }

    /**
     * Same as {@link #read(ByteBuffer, int, int, int, int, int)} for a luma plane in an array.
     *
     * @param luma the luma samples, row after row, never null
     * @param stride bytes from one row to the next, at least {@code width}
     * @param width the plane's width in pixels, 1 or more
     * @param height the plane's height in rows, 1 or more
     * @param x the stamp's left edge in pixels
     * @param y the stamp's top edge in pixels
     * @return the stamp, or empty when there is none or it was damaged
     * @throws IllegalArgumentException when the plane geometry is inconsistent or the stamp area lies outside the plane
     */
    public static Optional<Stamp> read(byte[] luma, int stride, int width, int height, int x, int y) {
        return read(LumaPlane.of(luma, stride, width, height), x, y, DEFAULT_CELL_SIZE);
    }

    /**
     * Reads a stamp whose top-left corner is at ({@code x}, {@code y}) with cells of
     * {@code cellSize} pixels; position and cell size may be fractional (a scaled picture).
     *
     * @param luma the plane to read, never null
     * @param x the stamp's left edge in pixels, may be fractional
     * @param y the stamp's top edge in pixels, may be fractional
     * @param cellSize the cell size in pixels, 2 or more, may be fractional
     * @return the stamp, or empty when there is none or it was damaged
     * @throws IllegalArgumentException when the cell size is below 2 or the stamp area lies
     *     outside the plane
     */
    public static Optional<Stamp> read(LumaPlane luma, double x, double y, double cellSize) {
        Objects.requireNonNull(luma, "luma");
        requireReadableCell(cellSize);
        requireFits(x, y, StampCode.COLUMNS * cellSize, StampCode.ROWS * cellSize, luma.width(), luma.height());
        double[] means = new double[StampCode.CELLS];
        for (int i = 0; i < StampCode.CELLS; i++) {
            means[i] = cellMean(luma, x, y, cellSize, i % StampCode.COLUMNS, i / StampCode.COLUMNS);
        }
        double threshold = syncThreshold(means);
        if (Double.isNaN(threshold)) {
            return Optional.empty();
        }
        boolean[] cells = new boolean[StampCode.CELLS];
        for (int i = 0; i < StampCode.CELLS; i++) {
            cells[i] = means[i] > threshold;
        }
        return StampCode.decode(cells);
    }

    /**
     * Finds a stamp anywhere in the plane at a known cell size, for pictures that were scaled or
     * moved into a region of a larger one (a co-host mix). Scans the plane in steps of a quarter
     * cell, refines each position whose sync row looks right to the best-aligned one, and returns
     * the first stamp that decodes, scanning top to bottom, left to right.
     *
     * @param cellSize the cell size in this picture, e.g. 16 x the scale factor
     * @param luma the plane to search, never null
     * @return the stamp and its position, or empty when none decodes
     * @throws IllegalArgumentException when the cell size is below 2
     */
    public static Optional<StampMatch> search(LumaPlane luma, double cellSize) {
        Objects.requireNonNull(luma, "luma");
        requireReadableCell(cellSize);
        int maxX = (int) Math.floor(luma.width() - StampCode.COLUMNS * cellSize);
        int maxY = (int) Math.floor(luma.height() - StampCode.ROWS * cellSize);
        int step = Math.max(1, (int) (cellSize / 4));
        for (int y = 0; y <= maxY; y += step) {
            for (int x = 0; x <= maxX; x += step) {
                if (!syncLooksRight(luma, x, y, cellSize)) {
                    continue;
                }
                int[] best = bestAligned(luma, x, y, step, maxX, maxY, cellSize);
                Optional<Stamp> stamp = read(luma, best[0], best[1], cellSize);
                if (stamp.isPresent()) {
                    return Optional.of(new StampMatch(stamp.get(), best[0], best[1]));
                }
            }
        }
        return Optional.empty();
    }

    /** Screening with one pixel per sync cell: the whites must all be clearly above the blacks. */
    private static boolean syncLooksRight(LumaPlane luma, int x, int y, double cellSize) {
        int cy = (int) (y + cellSize / 2);
        int minWhite = 255;
        int maxBlack = 0;
        for (int c = 0; c < StampCode.COLUMNS; c++) {
            int v = luma.at((int) (x + (c + 0.5) * cellSize), cy);
            if (StampCode.SYNC[c]) {
                minWhite = Math.min(minWhite, v);
            } else {
                maxBlack = Math.max(maxBlack, v);
            }
            if (c >= 2 && minWhite - maxBlack < MIN_CONTRAST) {
                return false;
            }
        }
        return true;
    }

    /** @return the position within {@code radius} of (x, y) whose sync row has the highest contrast */
    private static int[] bestAligned(LumaPlane luma, int x, int y, int radius, int maxX, int maxY, double cellSize) {
        int[] best = {x, y};
        double bestContrast = Double.NEGATIVE_INFINITY;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                int px = x + dx;
                int py = y + dy;
                if (px < 0 || py < 0 || px > maxX || py > maxY) {
                    continue;
                }
                double minWhite = Double.MAX_VALUE;
                double maxBlack = -1;
                for (int c = 0; c < StampCode.COLUMNS; c++) {
                    double m = cellMean(luma, px, py, cellSize, c, 0);
                    if (StampCode.SYNC[c]) {
                        minWhite = Math.min(minWhite, m);
                    } else {
                        maxBlack = Math.max(maxBlack, m);
                    }
                }
                if (minWhite - maxBlack > bestContrast) {
                    bestContrast = minWhite - maxBlack;
                    best = new int[] {px, py};
                }
            }
        }
        return best;
    }

    /** @return the threshold halfway between the sync row's white and black means, or NaN if unreadable */
    private static double syncThreshold(double[] means) {
        double white = 0;
        double black = 0;
        double minWhite = Double.MAX_VALUE;
        double maxBlack = -1;
        int whites = 0;
        for (int c = 0; c < StampCode.COLUMNS; c++) {
            if (StampCode.SYNC[c]) {
                white += means[c];
                minWhite = Math.min(minWhite, means[c]);
                whites++;
            } else {
                black += means[c];
                maxBlack = Math.max(maxBlack, means[c]);
            }
        }
        if (minWhite - maxBlack < MIN_CONTRAST) {
            return Double.NaN;
        }
        return (white / whites + black / (StampCode.COLUMNS - whites)) / 2;
    }

    /** @return the mean luma of the middle half (in each direction) of cell (col, row) */
    private static double cellMean(LumaPlane luma, double x, double y, double cellSize, int col, int row) {
        double left = x + col * cellSize;
        double top = y + row * cellSize;
        int x0 = (int) Math.round(left + cellSize / 4);
        int x1 = Math.max(x0 + 1, (int) Math.round(left + 3 * cellSize / 4));
        int y0 = (int) Math.round(top + cellSize / 4);
        int y1 = Math.max(y0 + 1, (int) Math.round(top + 3 * cellSize / 4));
        return luma.mean(x0, y0, Math.min(x1, luma.width()), Math.min(y1, luma.height()));
    }

    private static void requireReadableCell(double cellSize) {
        if (!(cellSize >= MIN_READ_CELL && cellSize <= 256)) {
            throw new IllegalArgumentException("stamp cell size " + cellSize + " is not readable (expected 2..256 pixels)");
        }
    }

    private static void requireFits(double x, double y, double w, double h, int width, int height) {
        if (!(x >= 0 && y >= 0 && x + w <= width && y + h <= height)) {
            throw new IllegalArgumentException("a " + fmt(w) + "x" + fmt(h) + " stamp at (" + fmt(x) + ", " + fmt(y)
                    + ") does not fit in a " + width + "x" + height + " picture");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
