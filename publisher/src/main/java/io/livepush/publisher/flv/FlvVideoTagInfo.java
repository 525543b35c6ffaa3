package io.livepush.publisher.flv;

import java.util.List;

/**
 * The fields of a legacy AVC VIDEODATA tag body (FLV v10.1 spec, E.4.3.1 "VIDEODATA" and
 * "AVCVIDEOPACKET"), as parsed by {@link FlvVideoTagBody#parse}.
 *
 * @param frameType FrameType: 1 keyframe, 2 inter frame (3..5 are not used for AVC)
 * @param codecId CodecID: always 7 (AVC) here
 * @param avcPacketType 0 sequence header, 1 NAL units, 2 end of sequence
 * @param compositionTimeMs the SI24 CompositionTime offset (PTS - DTS) in milliseconds; 0 unless NAL units
 * @param decoderConfigurationRecord the AVCDecoderConfigurationRecord of a sequence header, else {@code null}
 * @param nalUnits the NAL units (without length prefixes) of a NAL-units packet, else empty
 */
public record FlvVideoTagInfo(int frameType, int codecId, int avcPacketType, int compositionTimeMs,
        byte[] decoderConfigurationRecord, List<byte[]> nalUnits) {
    /** FrameType 1: a keyframe (for AVC, a seekable frame). */
    public static final int FRAME_TYPE_KEY = 1;
    /** FrameType 2: an inter frame. */
    public static final int FRAME_TYPE_INTER = 2;
    /** CodecID 7: AVC. */
    public static final int CODEC_AVC = 7;
    /** AVCPacketType 0: AVC sequence header. */
    public static final int AVC_SEQUENCE_HEADER = 0;
    /** AVCPacketType 1: AVC NALU. */
    public static final int AVC_NALU = 1;
    /** AVCPacketType 2: AVC end of sequence. */
    public static final int AVC_END_OF_SEQUENCE = 2;

    /**
     * Copies the NAL unit list so the record stays immutable.
     *
     * @param frameType FrameType: 1 keyframe, 2 inter frame (3..5 are not used for AVC)
     * @param codecId CodecID: always 7 (AVC) here
     * @param avcPacketType 0 sequence header, 1 NAL units, 2 end of sequence
     * @param compositionTimeMs the SI24 CompositionTime offset (PTS - DTS) in milliseconds; 0 unless NAL units
     * @param decoderConfigurationRecord the AVCDecoderConfigurationRecord of a sequence header, else {@code null}
     * @param nalUnits the NAL units (without length prefixes) of a NAL-units packet, else empty
     */
    public FlvVideoTagInfo {
        nalUnits = List.copyOf(nalUnits);
    }

    /** @return true when FrameType is 1 (keyframe) */
    public boolean keyframe() {
        return frameType == FRAME_TYPE_KEY;
    }
}
