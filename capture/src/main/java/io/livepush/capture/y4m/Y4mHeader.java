package io.livepush.capture.y4m;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.source.FrameRate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The YUV4MPEG2 stream header: the line {@code YUV4MPEG2 W<width> H<height> F<num>:<den>
 * [I<interlace>] [A<num>:<den>] [C<colour space>] [X<extension>]...} that opens a Y4M file. Tags are
 * separated by single spaces and the line ends with a newline; W, H and F are required.
 *
 * <p>Only the 8-bit 4:2:0 colour spaces are supported, whose frames are exactly the I420 planes
 * of a {@link VideoFrame} (they differ only in chroma siting): {@code 420}, {@code 420jpeg} (the
 * default when C is absent), {@code 420paldv} and {@code 420mpeg2}. Unknown tags are ignored, as
 * the format asks.
 *
 * @param width luma width, even, 2..16384
 * @param height luma height, even, 2..16384
 * @param frameRate the F tag
 * @param interlace the I tag: {@code p} progressive, {@code t} top field first, {@code b} bottom
 *     field first, {@code m} mixed, {@code ?} unknown
 * @param aspectNumerator pixel aspect numerator (0 with 0 denominator = unknown)
 * @param aspectDenominator pixel aspect denominator
 * @param colourSpace the C tag value without the C, e.g. {@code 420jpeg}
 * @param extensions the X tags in order, each without the X
 */
public record Y4mHeader(int width, int height, FrameRate frameRate, char interlace, int aspectNumerator,
        int aspectDenominator, String colourSpace, List<String> extensions) {
    /** The magic word that starts the file. */
    public static final String MAGIC = "YUV4MPEG2";
    /** The colour spaces this package reads and writes. */
    public static final Set<String> SUPPORTED_COLOUR_SPACES = Set.of("420", "420jpeg", "420paldv", "420mpeg2");
    private static final String SUPPORTED_LIST = "C420, C420jpeg, C420paldv, C420mpeg2";

    /**
     * Validates at once.
     *
     * @param width luma width, even, 2..16384
     * @param height luma height, even, 2..16384
     * @param frameRate the F tag
     * @param interlace the I tag: {@code p} progressive, {@code t} top field first, {@code b} bottom field first,
     *     {@code m} mixed, {@code ?} unknown
     * @param aspectNumerator pixel aspect numerator (0 with 0 denominator = unknown)
     * @param aspectDenominator pixel aspect denominator
     * @param colourSpace the C tag value without the C, e.g. {@code 420jpeg}
     * @param extensions the X tags in order, each without the X
     * @throws IllegalArgumentException for a bad size, interlace, aspect, unsupported colour space or extension
     * @throws NullPointerException for a null frame rate, colour space or extension list
     */
    public Y4mHeader {
        VideoFrame.requireValidSize(width, height);
        Objects.requireNonNull(frameRate, "frameRate");
        if ("ptbm?".indexOf(interlace) < 0) {
            throw new IllegalArgumentException("Y4M interlace I" + interlace + " is not allowed (expected Ip, It, Ib, Im or I?)");
        }
        if (aspectNumerator < 0 || aspectDenominator < 0) {
            throw new IllegalArgumentException("Y4M pixel aspect A" + aspectNumerator + ":" + aspectDenominator
                    + " is not allowed (expected non-negative numbers)");
        }
        if (!SUPPORTED_COLOUR_SPACES.contains(colourSpace)) {
            throw new IllegalArgumentException("Y4M colour space C" + colourSpace + " is not supported (supported: "
                    + SUPPORTED_LIST + ")");
        }
        for (String x : extensions) {
            if (x.isEmpty() || x.indexOf(' ') >= 0 || x.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Y4M extension \"" + x + "\" is not allowed (expected a non-empty word)");
            }
        }
        extensions = List.copyOf(extensions);
    }

    /**
     * @param width luma width: even, 2..16384
     * @param height luma height: even, 2..16384
     * @param frameRate the exact frame rate, never null
     * @return a progressive, square-pixel, {@code C420jpeg} header (what ffmpeg writes for yuv420p)
     * @throws IllegalArgumentException for an odd or out-of-range size
     */
    public static Y4mHeader of(int width, int height, FrameRate frameRate) {
        return new Y4mHeader(width, height, frameRate, 'p', 1, 1, "420jpeg", List.of());
    }

    /**
     * Parses a header line (with or without its newline).
     *
     * @param line the header line, e.g. {@code YUV4MPEG2 W640 H360 F30:1 Ip A1:1 C420jpeg}, never null
     * @return the header
     * @throws Y4mFormatException naming the offending tag and what is allowed
     */
    public static Y4mHeader parse(String line) throws Y4mFormatException {
        String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        String[] tokens = text.split(" ", -1);
        if (!tokens[0].equals(MAGIC)) {
            throw new Y4mFormatException("not a Y4M stream: it starts with \"" + abbreviate(tokens[0])
                    + "\" (expected \"" + MAGIC + " \")");
        }
        Integer width = null;
        Integer height = null;
        FrameRate rate = null;
        char interlace = '?';
        int[] aspect = {0, 0};
        String colour = "420jpeg";
        List<String> extensions = new ArrayList<>();
        for (int i = 1; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.isEmpty()) {
                continue;
            }
            String v = t.substring(1);
            switch (t.charAt(0)) {
                case 'W' -> width = positive(v, "W (width)");
                case 'H' -> height = positive(v, "H (height)");
                case 'F' -> rate = frameRate(v);
                case 'I' -> {
                    if (v.length() != 1) {
                        throw new Y4mFormatException("Y4M interlace I" + abbreviate(v)
                                + " is not allowed (expected Ip, It, Ib, Im or I?)");
                    }
                    interlace = v.charAt(0);
                }
                case 'A' -> aspect = ratio(v, "A (pixel aspect)");
                case 'C' -> colour = v;
                case 'X' -> extensions.add(v);
                default -> {
                    // Unknown tags are ignored (YUV4MPEG2 convention).
                }
            }
        }
        if (width == null || height == null || rate == null) {
            throw new Y4mFormatException("Y4M header \"" + abbreviate(text) + "\" lacks "
                    + (width == null ? "W (width)" : height == null ? "H (height)" : "F (frame rate)")
                    + " (W, H and F are required)");
        }
        try {
            return new Y4mHeader(width, height, rate, interlace, aspect[0], aspect[1], colour, extensions);
        } catch (IllegalArgumentException e) {
            throw new Y4mFormatException(e.getMessage());
        }
    }

    /** @return the header line including its newline */
    public String toLine() {
        StringBuilder sb = new StringBuilder(MAGIC).append(" W").append(width).append(" H").append(height)
                .append(" F").append(frameRate.numerator()).append(':').append(frameRate.denominator())
                .append(" I").append(interlace).append(" A").append(aspectNumerator).append(':').append(aspectDenominator)
                .append(" C").append(colourSpace);
        for (String x : extensions) {
            sb.append(" X").append(x);
        }
        return sb.append('\n').toString();
    }

    /** @return the header line as the ASCII bytes written to a file */
    public byte[] toBytes() {
        return toLine().getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the size in bytes of one frame's pixels (Y, U and V planes), without its FRAME line */
    public int frameBytes() {
        int cw = (width + 1) / 2;
        int ch = (height + 1) / 2;
        return width * height + 2 * cw * ch;
    }

    private static int positive(String v, String what) throws Y4mFormatException {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Y4mFormatException("Y4M " + what + " \"" + abbreviate(v) + "\" is not allowed (expected a positive integer)");
    }

    private static FrameRate frameRate(String v) throws Y4mFormatException {
        int[] r = ratio(v, "F (frame rate)");
        try {
            return new FrameRate(r[0], r[1]);
        } catch (IllegalArgumentException e) {
            throw new Y4mFormatException("Y4M F" + v + ": " + e.getMessage());
        }
    }

    private static int[] ratio(String v, String what) throws Y4mFormatException {
        int colon = v.indexOf(':');
        try {
            if (colon > 0) {
                return new int[] {Integer.parseInt(v.substring(0, colon)), Integer.parseInt(v.substring(colon + 1))};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Y4mFormatException("Y4M " + what + " \"" + abbreviate(v) + "\" is not allowed (expected two integers as N:D)");
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
