/**
 * Fast pixel conversion into {@link io.livepush.capture.VideoFrame}'s I420: packed RGB (BGRA, RGBA,
 * as X11 and most desktop APIs deliver), packed YUYV and semi-planar NV12 (as cameras deliver),
 * strided I420 copies, and I420 scaling.
 *
 * <h2>Colour rule</h2>
 * RGB is converted with the ITU-R BT.601 matrix into <b>limited ("TV") range</b>, Y 16..235 and
 * U/V 16..240, in 8-bit fixed point (the coefficients scaled by 256, rounded; the same integers
 * libyuv and swscale's default use):
 * <pre>
 *   Y = (( 66 R + 129 G +  25 B + 128) >> 8) + 16
 *   U = ((-38 R -  74 G + 112 B + 128) >> 8) + 128
 *   V = ((112 R -  94 G -  18 B + 128) >> 8) + 128
 * </pre>
 * Chroma is taken from the average of each 2x2 block's R, G and B (the sum of four, scaled by
 * {@code >> 10}), i.e. chroma sited at the centre of the block. YUYV's and NV12's chroma keep their
 * values: YUYV (4:2:2) averages each vertical pair of chroma rows.
 *
 * <h2>Sizes</h2>
 * Every destination is an I420 {@link io.livepush.capture.VideoFrame}, whose width and height are
 * even; sources of an odd size are cropped by their producer (e.g. a screen region is rounded down to
 * even). Converters take the source geometry (offset, row stride) explicitly and check that it lies
 * inside the source buffer.
 *
 * <h2>Speed</h2>
 * Each converter works a row pair at a time on {@code byte[]} scratch rows it owns (bulk
 * {@link java.nio.ByteBuffer} gets and puts, int arithmetic, no allocation per frame). A converter
 * instance is owned by one thread. {@link io.livepush.capture.convert.RgbToI420} also has a kernel on
 * the JDK's Vector API, giving the same bytes several times faster, used when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} (see its class documentation).
 */
package io.livepush.capture.convert;
