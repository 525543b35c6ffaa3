package io.livepush.encoder;

import java.util.HexFormat;

/** Hex helpers for byte-exact test vectors: spaces, newlines and {@code |} separators are ignored. */
public final class TestBytes {
    private TestBytes() {
    }

    /** @return the bytes of a hex string such as {@code "06 05 | 11"} */
    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[\\s|]", ""));
    }

    /** @return lower-case hex with a space between bytes, for readable assertion messages */
    public static String toHex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    /** @return the concatenation of the arrays */
    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** @return {@code n} copies of {@code b} */
    public static byte[] repeat(int b, int n) {
        byte[] out = new byte[n];
        java.util.Arrays.fill(out, (byte) b);
        return out;
    }
}
