package io.livepush.publisher.rtmp.chunk;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** Hex helpers for byte-exact vectors: spaces and line breaks in hex strings are ignored. */
final class Bytes {

    private Bytes() {
    }

    static byte[] hex(String hex) {
        return ByteBufUtil.decodeHexDump(norm(hex));
    }

    static ByteBuf buf(String hex) {
        return Unpooled.wrappedBuffer(hex(hex));
    }

    static String hexOf(ByteBuf buf) {
        return ByteBufUtil.hexDump(buf);
    }

    /**
     * Hex from an annotated vector: on each line, whatever follows a run of two or more spaces is a comment.
     */
    static String norm(String annotated) {
        StringBuilder sb = new StringBuilder();
        for (String line : annotated.split("\n")) {
            sb.append(line.strip().split("\\s{2,}")[0].replace(" ", ""));
        }
        return sb.toString().toLowerCase();
    }

    /** n bytes 0, 1, 2, ... (mod 256) */
    static ByteBuf counting(int n) {
        ByteBuf b = Unpooled.buffer(n);
        for (int i = 0; i < n; i++) {
            b.writeByte(i);
        }
        return b;
    }

    static String countingHex(int from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + n; i++) {
            sb.append(String.format("%02x", i & 0xFF));
        }
        return sb.toString();
    }
}
