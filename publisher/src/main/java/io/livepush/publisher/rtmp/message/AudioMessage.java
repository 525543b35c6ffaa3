package io.livepush.publisher.rtmp.message;

import io.netty.buffer.ByteBuf;

/**
 * Audio Message, message type 8 (Adobe RTMP 1.0, §7.1.5): the body is an FLV audio tag body
 * (FLV v10.1 §E.4.2), timestamps in milliseconds. This class names the spec concept and builds
 * the {@link RtmpMessage}; the buffer itself is the payload, so no copy is made.
 */
public final class AudioMessage {

    private AudioMessage() {
    }

    /**
     * @param timestamp       milliseconds (the audio DTS)
     * @param messageStreamId the publish stream id
     * @param flvAudioBody    the FLV audio tag body; ownership moves to the returned message
     * @return the message on {@link ChunkStreamIds#AUDIO}
     */
    public static RtmpMessage create(long timestamp, int messageStreamId, ByteBuf flvAudioBody) {
        return new RtmpMessage(ChunkStreamIds.AUDIO, RtmpMessageType.AUDIO.id(), timestamp, messageStreamId,
                flvAudioBody);
    }

    /**
     * @param message any message
     * @return whether it is a audio message
     */
    public static boolean is(RtmpMessage message) {
        return message.typeId() == RtmpMessageType.AUDIO.id();
    }
}
