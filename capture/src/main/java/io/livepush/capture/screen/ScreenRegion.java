package io.livepush.capture.screen;

/**
 * A rectangle of a screen to capture, in screen pixels.
 *
 * <p>Odd sizes follow one rule: I420 frames need even dimensions, so {@link #evenSize()} rounds the
 * width and height <b>down</b> to even (the rightmost column / bottom row of an odd region is left
 * out); the top-left corner stays where it was asked.
 *
 * @param x left edge, 0 or more
 * @param y top edge, 0 or more
 * @param width width, 2 or more
 * @param height height, 2 or more
 */
public record ScreenRegion(int x, int y, int width, int height) {
    /**
     * Validates at once.
     *
     * @param x left edge, 0 or more
     * @param y top edge, 0 or more
     * @param width width, 2 or more
     * @param height height, 2 or more
     * @throws IllegalArgumentException for a negative corner or a size outside 2..16384
     */
    public ScreenRegion {
        if (x < 0 || y < 0 || width < 2 || height < 2 || width > 16384 || height > 16384) {
            throw new IllegalArgumentException("screen region " + width + "x" + height + "+" + x + "+" + y
                    + " is not allowed (expected x, y >= 0 and width, height 2..16384)");
        }
    }

    /** @return this region with width and height rounded down to even */
    public ScreenRegion evenSize() {
        return new ScreenRegion(x, y, width & ~1, height & ~1);
    }

    /**
     * @param screenWidth the screen's width in pixels
     * @param screenHeight the screen's height in pixels
     * @return whether the region lies inside a screen of the given size
     */
    public boolean fitsIn(int screenWidth, int screenHeight) {
        return (long) x + width <= screenWidth && (long) y + height <= screenHeight;
    }

    /**
     * Parses {@code WxH+X+Y} (X11 geometry), e.g. {@code 640x360+100+50}.
     *
     * @param geometry the text, e.g. {@code 640x360+100+50}; surrounding spaces are ignored
     * @return the region
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static ScreenRegion parse(String geometry) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,5})x(\\d{1,5})\\+(\\d{1,5})\\+(\\d{1,5})")
                .matcher(geometry == null ? "" : geometry.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("screen region '" + geometry + "' is not understood (expected WxH+X+Y,"
                    + " e.g. 640x360+100+50)");
        }
        return new ScreenRegion(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return width + "x" + height + "+" + x + "+" + y;
    }
}
