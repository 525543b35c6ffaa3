package io.livepush.cohost.server.mixer;

import java.util.Objects;

/**
 * Where one participant's picture goes on the mixer's canvas: a rectangle in canvas pixels and a
 * stacking order (higher {@code zOrder} is drawn later, so on top). The picture is scaled to fit
 * the rectangle with its aspect ratio kept; the uncovered part of the rectangle keeps whatever lies
 * beneath (the background, or a region with a lower {@code zOrder}).
 *
 * @param userId the participant shown
 * @param x left edge, even, from 0
 * @param y top edge, even, from 0
 * @param width even, from 2
 * @param height even, from 2
 * @param zOrder stacking order; equal values are drawn in list order
 */
public record Region(String userId, int x, int y, int width, int height, int zOrder) {
    /**
     * Validates at once: even coordinates and sizes (I420 chroma is subsampled by two).
     *
     * @param userId the participant shown, not empty
     * @param x left edge, even, from 0
     * @param y top edge, even, from 0
     * @param width even, from 2
     * @param height even, from 2
     * @param zOrder stacking order; equal values are drawn in list order
     * @throws IllegalArgumentException when {@code userId} is empty, or a coordinate or size is odd or
     *     out of range
     * @throws NullPointerException when {@code userId} is null
     */
    public Region {
        Objects.requireNonNull(userId, "userId");
        if (userId.isEmpty()) {
            throw new IllegalArgumentException("region userId is empty (expected a participant's user id)");
        }
        if (x < 0 || y < 0 || (x & 1) != 0 || (y & 1) != 0) {
            throw new IllegalArgumentException("region of " + userId + " starts at (" + x + ", " + y
                    + ") (expected even, non-negative coordinates)");
        }
        if (width < 2 || height < 2 || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("region of " + userId + " is " + width + "x" + height
                    + " (expected even width and height, each at least 2)");
        }
    }

    /**
     * @throws IllegalArgumentException when this region does not lie inside a canvas of the given size
     */
    void requireInside(int canvasWidth, int canvasHeight) {
        if ((long) x + width > canvasWidth || (long) y + height > canvasHeight) {
            throw new IllegalArgumentException("region of " + userId + " (" + x + "," + y + " " + width + "x" + height
                    + ") does not fit in the " + canvasWidth + "x" + canvasHeight + " canvas");
        }
    }

    /** @return a copy moved and sized to whole even pixels, for layouts that compute fractions */
    static Region even(String userId, double x, double y, double width, double height, int zOrder) {
        int ex = (int) Math.round(x) & ~1;
        int ey = (int) Math.round(y) & ~1;
        int ew = Math.max(2, (int) Math.round(width) & ~1);
        int eh = Math.max(2, (int) Math.round(height) & ~1);
        return new Region(userId, ex, ey, ew, eh, zOrder);
    }
}
