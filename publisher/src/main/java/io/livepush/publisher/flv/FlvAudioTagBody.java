package io.livepush.publisher.flv;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Objects;

/**
 * AAC AUDIODATA tag bodies (FLV v10.1 spec, E.4.2.1 "AUDIODATA" and "AACAUDIODATA"): the body of an
 * FLV audio tag and of an RTMP audio message (type 8).
 *
 * <pre>
 * byte 0   SoundFormat 10 (AAC) &lt;&lt; 4 | SoundRate 3 (44 kHz) &lt;&lt; 2 | SoundSize 1 (16-bit) &lt;&lt; 1 | SoundType 1 (stereo)
 *          = 0xAF; the spec says AAC always uses these values, the real ones are in the AudioSpecificConfig
 * byte 1   AACPacketType: 0 AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1), 1 raw AAC frame (no ADTS header)
 * bytes 2- the AudioSpecificConfig or the raw frame
 * </pre>
 *
 * <p>The builders allocate exactly once from the given allocator; the caller owns (and must
 * release) the returned buffer. Stateless and thread-safe.
 */
public final class FlvAudioTagBody {
    /** The fixed first byte of every AAC audio tag body. */
    public static final int AAC_HEADER_BYTE = FlvAudioTagInfo.SOUND_FORMAT_AAC << 4 | 3 << 2 | 1 << 1 | 1;
    private static final int HEADER_SIZE = 2;

    private FlvAudioTagBody() {
    }

    /**
     * @param alloc where to allocate the body
     * @param audioSpecificConfig the AudioSpecificConfig, at least 2 bytes (2 for AAC-LC)
     * @return {@code AF 00} + the AudioSpecificConfig
     * @throws IllegalArgumentException if the config is shorter than 2 bytes
     */
    public static ByteBuf aacSequenceHeader(ByteBufAllocator alloc, byte[] audioSpecificConfig) {
        Objects.requireNonNull(audioSpecificConfig, "audioSpecificConfig");
        if (audioSpecificConfig.length < 2) {
            throw new IllegalArgumentException("AudioSpecificConfig is " + audioSpecificConfig.length
                    + " bytes (expected at least 2)");
        }
        return body(alloc, FlvAudioTagInfo.AAC_SEQUENCE_HEADER, audioSpecificConfig);
    }

    /**
     * @param alloc where to allocate the body
     * @param rawAacFrame one raw AAC frame (an access unit without an ADTS header), not empty
     * @return {@code AF 01} + the frame
     * @throws IllegalArgumentException if the frame is empty or too large for an FLV tag
     */
    public static ByteBuf aacRaw(ByteBufAllocator alloc, byte[] rawAacFrame) {
        Objects.requireNonNull(rawAacFrame, "rawAacFrame");
        if (rawAacFrame.length == 0 || rawAacFrame.length > FlvVideoTagBody.MAX_BODY_SIZE - HEADER_SIZE) {
            throw new IllegalArgumentException("raw AAC frame is " + rawAacFrame.length + " bytes (expected 1.."
                    + (FlvVideoTagBody.MAX_BODY_SIZE - HEADER_SIZE) + ")");
        }
        return body(alloc, FlvAudioTagInfo.AAC_RAW, rawAacFrame);
    }

    private static ByteBuf body(ByteBufAllocator alloc, int packetType, byte[] data) {
        ByteBuf body = alloc.buffer(HEADER_SIZE + data.length);
        body.writeByte(AAC_HEADER_BYTE);
        body.writeByte(packetType);
        body.writeBytes(data);
        return body;
    }

    /**
     * Parses an AAC audio tag body. Reads the readable bytes without moving the reader index.
     *
     * @param body an AUDIODATA body
     * @return its SoundFormat, AACPacketType and data
     * @throws FlvFormatException if the body is shorter than 2 bytes, not AAC, or has an unknown packet type
     */
    public static FlvAudioTagInfo parse(ByteBuf body) throws FlvFormatException {
        int start = body.readerIndex();
        if (body.readableBytes() < HEADER_SIZE) {
            throw new FlvFormatException("audio tag body is " + body.readableBytes() + " bytes (expected at least 2 for AAC)");
        }
        int soundFormat = body.getUnsignedByte(start) >> 4;
        if (soundFormat != FlvAudioTagInfo.SOUND_FORMAT_AAC) {
            throw new FlvFormatException("audio SoundFormat is " + soundFormat + " (expected 10, AAC)");
        }
        int packetType = body.getUnsignedByte(start + 1);
        if (packetType > FlvAudioTagInfo.AAC_RAW) {
            throw new FlvFormatException("AACPacketType is " + packetType + " (expected 0 or 1)");
        }
        byte[] data = new byte[body.readableBytes() - HEADER_SIZE];
        body.getBytes(start + HEADER_SIZE, data);
        return new FlvAudioTagInfo(soundFormat, packetType, data);
    }
}
