package io.livepush.examples.cli;

import java.util.HexFormat;

/** Parses a binary SEI payload given as hex digits ({@code --sei-hex 00ff10}); spaces and colons are ignored. */
final class HexArg {
    private HexArg() {
    }

    static byte[] parse(String hex) {
        String clean = hex == null ? "" : hex.replaceAll("[\\s:]", "");
        if (clean.startsWith("0x") || clean.startsWith("0X")) {
            clean = clean.substring(2);
        }
        if (clean.isEmpty() || clean.length() % 2 != 0 || !clean.matches("[0-9a-fA-F]+")) {
            throw new IllegalArgumentException("SEI hex '" + hex + "' is not valid (expected an even number of hex digits, e.g. 00ff10)");
        }
        return HexFormat.of().parseHex(clean);
    }
}
