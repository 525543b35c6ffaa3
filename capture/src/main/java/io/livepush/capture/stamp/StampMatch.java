package io.livepush.capture.stamp;

/**
 * A stamp found by {@link FrameStamp#search}: what it says and where its top-left corner is.
 *
 * @param stamp the decoded, checksum-verified stamp
 * @param x column of the stamp's top-left pixel in the searched picture
 * @param y row of the stamp's top-left pixel in the searched picture
 */
public record StampMatch(Stamp stamp, int x, int y) {
}
