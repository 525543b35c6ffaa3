package io.livepush.publisher.flv;

/**
 * The fields of an AAC AUDIODATA tag body (FLV v10.1 spec, E.4.2.1 "AUDIODATA" and
 * "AACAUDIODATA"), as parsed by {@link FlvAudioTagBody#parse}.
 *
 * @param soundFormat SoundFormat, 10 for AAC
 * @param aacPacketType 0 AudioSpecificConfig, 1 raw AAC frame
 * @param data the AudioSpecificConfig or the raw frame
 */
public record FlvAudioTagInfo(int soundFormat, int aacPacketType, byte[] data) {
    /** SoundFormat 10: AAC. */
    public static final int SOUND_FORMAT_AAC = 10;
    /** AACPacketType 0: AAC sequence header (AudioSpecificConfig). */
    public static final int AAC_SEQUENCE_HEADER = 0;
    /** AACPacketType 1: AAC raw frame. */
    public static final int AAC_RAW = 1;
}
