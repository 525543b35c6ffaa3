package io.livepush.publisher.rtmp.chunk;

import io.netty.buffer.ByteBuf;

/**
 * The chunk basic header (Adobe RTMP 1.0, §5.3.1.1): 2 bits chunk type {@code fmt}, then the chunk stream id in
 * one of three forms:
 * <pre>
 *  1 byte : fmt(2) | csid(6)              csid 2..63
 *  2 bytes: fmt(2) | 0, csid - 64          csid 64..319
 *  3 bytes: fmt(2) | 1, (csid - 64) &amp; 0xFF, (csid - 64) &gt;&gt; 8   csid 64..65599 (low byte first)
 * </pre>
 * The 2-byte form is used wherever it fits.
 */
public final class ChunkBasicHeader {

    private ChunkBasicHeader() {
    }

    /**
     * @param chunkStreamId 2..65599
     * @return the basic header length in bytes: 1, 2 or 3
     */
    public static int length(int chunkStreamId) {
        return chunkStreamId <= 63 ? 1 : chunkStreamId <= 319 ? 2 : 3;
    }

    /**
     * @param out           the buffer to write to
     * @param fmt           the chunk type 0..3 (message header type)
     * @param chunkStreamId 2..65599
     */
    public static void write(ByteBuf out, int fmt, int chunkStreamId) {
        if (chunkStreamId <= 63) {
            out.writeByte(fmt << 6 | chunkStreamId);
        } else if (chunkStreamId <= 319) {
            out.writeByte(fmt << 6);
            out.writeByte(chunkStreamId - 64);
        } else {
            int v = chunkStreamId - 64;
            out.writeByte(fmt << 6 | 1);
            out.writeByte(v & 0xFF);
            out.writeByte(v >>> 8);
        }
    }

    /**
     * @param firstByte the first byte of a basic header
     * @return how many bytes the whole basic header has: 1, 2 or 3
     */
    static int lengthFromFirstByte(int firstByte) {
        int low = firstByte & 0x3F;
        return low == 0 ? 2 : low == 1 ? 3 : 1;
    }

    /**
     * Reads a basic header whose bytes are all readable.
     *
     * @param in the buffer, positioned at the header
     * @return {@code fmt << 24 | csid}
     */
    static int read(ByteBuf in) {
        int first = in.readUnsignedByte();
        int fmt = first >>> 6;
        int low = first & 0x3F;
        int csid;
        if (low == 0) {
            csid = in.readUnsignedByte() + 64;
        } else if (low == 1) {
            int b2 = in.readUnsignedByte();
            int b3 = in.readUnsignedByte();
            csid = b3 * 256 + b2 + 64;
        } else {
            csid = low;
        }
        return fmt << 24 | csid;
    }
}
