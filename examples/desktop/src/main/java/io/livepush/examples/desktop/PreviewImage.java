package io.livepush.examples.desktop;

/**
 * A small RGB picture of one source frame for the preview: {@code width x height} pixels, packed
 * {@code 0xRRGGBB}, row by row. Immutable once published (the array is not touched again).
 *
 * @param width pixels per row
 * @param height rows
 * @param rgb the pixels, {@code width * height} of them
 * @param ptsUs the frame's presentation time
 */
public record PreviewImage(int width, int height, int[] rgb, long ptsUs) {
    /**
     * Validates at once.
     *
     * @param width pixels per row, 1 or more
     * @param height rows, 1 or more
     * @param rgb the pixels, exactly {@code width * height} of them; kept, not copied
     * @param ptsUs the frame's presentation time in microseconds
     * @throws IllegalArgumentException when a size is below 1 or the pixel count does not match
     */
    public PreviewImage {
        if (width < 1 || height < 1 || rgb == null || rgb.length != width * height) {
            throw new IllegalArgumentException("preview image " + width + "x" + height + " with "
                    + (rgb == null ? "no" : String.valueOf(rgb.length)) + " pixels (expected width*height pixels)");
        }
    }
}
