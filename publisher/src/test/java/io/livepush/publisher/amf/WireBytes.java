package io.livepush.publisher.amf;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds expected wire bytes field by field in tests, so each field can carry its own comment:
 * {@code new WireBytes().hex("02").hex("0007").ascii("connect")}. Independent of the code under test.
 */
public final class WireBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Appends hex digits; spaces are ignored. */
    public WireBytes hex(String hex) {
        String h = hex.replace(" ", "");
        if (h.length() % 2 != 0) {
            throw new IllegalArgumentException("odd hex: " + hex);
        }
        for (int i = 0; i < h.length(); i += 2) {
            out.write(Integer.parseInt(h.substring(i, i + 2), 16));
        }
        return this;
    }

    /** Appends the ASCII/UTF-8 bytes of {@code s}. */
    public WireBytes ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Appends raw bytes. */
    public WireBytes bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** @return the bytes appended so far */
    public byte[] toArray() {
        return out.toByteArray();
    }

    /** @return the readable bytes of {@code buf} as an array, without moving its indexes */
    public static byte[] of(ByteBuf buf) {
        return ByteBufUtil.getBytes(buf);
    }

    /** @return {@code bytes} as lower-case hex with a space between bytes, for failure messages */
    public static String hexOf(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }
}
