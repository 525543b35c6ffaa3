package io.livepush.publisher.rtmp.handshake;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The packets of the simple RTMP handshake (Adobe RTMP 1.0, §5.2.2-5.2.6):
 * <pre>
 *  C0/S0: 1 byte, the RTMP version, 3
 *  C1/S1: 1536 bytes: time (4), zero (4), random bytes (1528)
 *  C2/S2: 1536 bytes: time (4) and random (1528) echoed from S1/C1, time2 (4) = when S1/C1 was read
 * </pre>
 */
final class HandshakePackets {

    /** The only RTMP version this implementation speaks (§5.2.2). */
    static final int VERSION = 3;
    /** Length of C1/S1/C2/S2. */
    static final int BLOCK_LENGTH = 1536;

    private HandshakePackets() {
    }

    /**
     * @param alloc allocator
     * @param time  the time field, ms
     * @return C0+C1 (or S0+S1): version 3, time, zero, 1528 random bytes
     */
    static ByteBuf versionAndFirstBlock(ByteBufAllocator alloc, long time) {
        ByteBuf out = alloc.buffer(1 + BLOCK_LENGTH, 1 + BLOCK_LENGTH);
        out.writeByte(VERSION);
        out.writeInt((int) time);
        out.writeInt(0);
        byte[] random = new byte[BLOCK_LENGTH - 8];
        ThreadLocalRandom.current().nextBytes(random);
        out.writeBytes(random);
        return out;
    }

    /**
     * @param out       buffer to append the echo to
     * @param peerBlock the peer's C1 or S1 (1536 readable bytes, not consumed)
     * @param readTime  when it was read, ms (time2)
     */
    static void writeEcho(ByteBuf out, ByteBuf peerBlock, long readTime) {
        int start = peerBlock.readerIndex();
        out.writeBytes(peerBlock, start, 4);
        out.writeInt((int) readTime);
        out.writeBytes(peerBlock, start + 8, BLOCK_LENGTH - 8);
    }
}
