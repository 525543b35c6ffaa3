package io.livepush.publisher.rtmp.message;

import io.livepush.publisher.rtmp.RtmpProtocolException;
import io.netty.buffer.ByteBufAllocator;

/**
 * Set Peer Bandwidth, message type 6 (Adobe RTMP 1.0, §5.4.5): limits the receiver's output bandwidth by limiting
 * its unacknowledged data to the window size. Payload: 4-byte window size, then a 1-byte limit type
 * (0 hard, 1 soft, 2 dynamic).
 *
 * @param windowSize the window in bytes, 1..0xFFFFFFFF
 * @param limitType  how to apply it
 */
public record SetPeerBandwidth(long windowSize, LimitType limitType) {

    /** The limit type byte of Set Peer Bandwidth (§5.4.5). */
    public enum LimitType {
        /** 0: limit output to this window size. */
        HARD,
        /** 1: limit to this window or the one in effect, whichever is smaller. */
        SOFT,
        /** 2: hard if the previous limit was hard, else ignore. */
        DYNAMIC
    }

    /**
     * Validates both fields.
     *
     * @param windowSize the window in bytes, 1..0xFFFFFFFF
     * @param limitType  how to apply it, never null
     * @throws IllegalArgumentException when the size is not 1..0xFFFFFFFF or the type is null
     */
    public SetPeerBandwidth {
        if (windowSize < 1 || windowSize > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("peer bandwidth window is " + windowSize
                    + " bytes (expected 1..4294967295)");
        }
        if (limitType == null) {
            throw new IllegalArgumentException("limit type is null (expected HARD, SOFT or DYNAMIC)");
        }
    }

    /**
     * @param alloc the allocator for the payload
     * @return the message on chunk stream 2
     */
    public RtmpMessage toMessage(ByteBufAllocator alloc) {
        return ProtocolControlMessages.message(alloc, RtmpMessageType.SET_PEER_BANDWIDTH, 5, b -> {
            b.writeInt((int) windowSize);
            b.writeByte(limitType.ordinal());
        });
    }

    /**
     * @param message a type-6 message (not released)
     * @return its value
     * @throws RtmpProtocolException when the payload is short or a field is out of range
     */
    public static SetPeerBandwidth fromMessage(RtmpMessage message) throws RtmpProtocolException {
        var p = ProtocolControlMessages.payload(message, RtmpMessageType.SET_PEER_BANDWIDTH, 5);
        long size = p.getUnsignedInt(p.readerIndex());
        int type = p.getUnsignedByte(p.readerIndex() + 4);
        if (size == 0 || type > 2) {
            throw new RtmpProtocolException("Set Peer Bandwidth is window " + size + ", limit type " + type
                    + " (expected window 1..4294967295, limit type 0..2)");
        }
        return new SetPeerBandwidth(size, LimitType.values()[type]);
    }
}
