package io.livepush.publisher.rtmp.chunk;

import io.netty.buffer.ByteBuf;

/**
 * The chunk headers of one outgoing message (Adobe RTMP 1.0, §5.3.1): the first chunk's basic header, message
 * header of type {@code fmt} and extended timestamp, then for each continuation chunk a type-3 basic header and
 * the repeated extended timestamp. A value object made per message by {@link RtmpChunkEncoder}.
 *
 * @param fmt             the first chunk's type 0..3
 * @param chunkStreamId   2..65599
 * @param field           the timestamp (type 0) or delta (types 1..3) to send
 * @param extended        whether the field goes in a 4-byte extended timestamp
 * @param length          the message length
 * @param typeId          the message type id
 * @param messageStreamId the message stream id
 */
record ChunkHeaders(int fmt, int chunkStreamId, long field, boolean extended, int length, int typeId,
                    int messageStreamId) {

    /**
     * @param chunk 0 for the first chunk, else a continuation
     * @return the header length of that chunk in bytes
     */
    int length(int chunk) {
        int basicAndExtended = ChunkBasicHeader.length(chunkStreamId) + (extended ? 4 : 0);
        return chunk == 0 ? basicAndExtended + ChunkMessageHeader.length(fmt) : basicAndExtended;
    }

    /**
     * @param chunks how many chunks the message has
     * @return the length of all its chunk headers together
     */
    int totalLength(int chunks) {
        return length(0) + (chunks - 1) * length(1);
    }

    /**
     * Writes the header of one chunk.
     *
     * @param out   where to write
     * @param chunk 0 for the first chunk, else a continuation
     */
    void write(ByteBuf out, int chunk) {
        if (chunk > 0) {
            ChunkBasicHeader.write(out, 3, chunkStreamId);
        } else {
            ChunkBasicHeader.write(out, fmt, chunkStreamId);
            if (fmt <= 2) {
                out.writeMedium(extended ? ChunkMessageHeader.EXTENDED_MARKER : (int) field);
            }
            if (fmt <= 1) {
                out.writeMedium(length);
                out.writeByte(typeId);
            }
            if (fmt == 0) {
                out.writeIntLE(messageStreamId);
            }
        }
        if (extended) {
            out.writeInt((int) field);
        }
    }
}
