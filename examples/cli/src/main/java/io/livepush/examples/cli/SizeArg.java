package io.livepush.examples.cli;

import io.livepush.capture.VideoFrame;
import picocli.CommandLine.ITypeConverter;

/** Parses a frame size {@code WxH}, e.g. {@code 1280x720}; both even, 2..16384. */
record SizeArg(int width, int height) {
    static SizeArg parse(String value) {
        String[] parts = value == null ? new String[0] : value.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("size '" + value + "' is not understood (expected WxH, e.g. 1280x720)");
        }
        try {
            int w = Integer.parseInt(parts[0]);
            int h = Integer.parseInt(parts[1]);
            VideoFrame.requireValidSize(w, h);
            return new SizeArg(w, h);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size '" + value + "' is not understood (expected WxH, e.g. 1280x720)");
        }
    }

    /** The picocli converter. */
    static final class Converter implements ITypeConverter<SizeArg> {
        @Override
        public SizeArg convert(String value) {
            return parse(value);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
