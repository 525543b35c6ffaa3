package io.livepush.publisher.rtmp.message;

import io.netty.buffer.ByteBuf;

/**
 * Video Message, message type 9 (Adobe RTMP 1.0, §7.1.5): the body is an FLV video tag body
 * (FLV v10.1 §E.4.3), timestamps in milliseconds. This class names the spec concept and builds
 * the {@link RtmpMessage}; the buffer itself is the payload, so no copy is made.
 */
public final class VideoMessage {

    private VideoMessage() {
    }

    /**
     * @param timestamp       milliseconds (the video DTS)
     * @param messageStreamId the publish stream id
     * @param flvVideoBody    the FLV video tag body; ownership moves to the returned message
     * @return the message on {@link ChunkStreamIds#VIDEO}
     */
    public static RtmpMessage create(long timestamp, int messageStreamId, ByteBuf flvVideoBody) {
        return new RtmpMessage(ChunkStreamIds.VIDEO, RtmpMessageType.VIDEO.id(), timestamp, messageStreamId,
                flvVideoBody);
    }

    /**
     * @param message any message
     * @return whether it is a video message
     */
    public static boolean is(RtmpMessage message) {
        return message.typeId() == RtmpMessageType.VIDEO.id();
    }
}
