package io.livepush.publisher.rtmp.chunk;

/**
 * The chunk message header (Adobe RTMP 1.0, §5.3.1.2) and extended timestamp (§5.3.1.3) layout:
 * <pre>
 *  type 0 (11 bytes): timestamp(3) message length(3) message type id(1) message stream id(4, little-endian)
 *  type 1 (7 bytes) : timestamp delta(3) message length(3) message type id(1)
 *  type 2 (3 bytes) : timestamp delta(3)
 *  type 3 (0 bytes) : everything from the previous chunk on the same chunk stream
 * </pre>
 * A timestamp or delta of 0xFFFFFF or more is written as 0xFFFFFF followed by a 4-byte extended timestamp after
 * the message header; type-3 chunks of a chunk stream whose last header used it repeat the extended timestamp.
 */
final class ChunkMessageHeader {

    /** The 3-byte field value that announces an extended timestamp. */
    static final int EXTENDED_MARKER = 0xFFFFFF;

    private static final int[] LENGTHS = {11, 7, 3, 0};

    private ChunkMessageHeader() {
    }

    /**
     * @param fmt chunk type 0..3
     * @return the message header length in bytes
     */
    static int length(int fmt) {
        return LENGTHS[fmt];
    }

    /**
     * @param timestampField the timestamp or delta to send
     * @return whether it needs the 4-byte extended timestamp
     */
    static boolean needsExtended(long timestampField) {
        return timestampField >= EXTENDED_MARKER;
    }
}
