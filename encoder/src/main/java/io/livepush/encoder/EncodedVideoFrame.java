package io.livepush.encoder;

import java.util.List;

/**
 * One encoded H.264 access unit: the NAL units of one picture, each without a start code or length
 * prefix, in decoding order (for an IDR: SPS, PPS, then any SEI, then the slices).
 *
 * <p>Immutable: the byte arrays are owned by this object and must not be modified.
 *
 * @param nalUnits the NAL units, each starting with its NAL header byte
 * @param ptsUs presentation time in microseconds (of the raw frame that was encoded)
 * @param dtsUs decoding time in microseconds (equal to {@code ptsUs} without B-frames)
 * @param keyframe true for an IDR access unit
 */
public record EncodedVideoFrame(List<byte[]> nalUnits, long ptsUs, long dtsUs, boolean keyframe) {
    /**
     * Copies the list so the record stays immutable.
     *
     * @param nalUnits the NAL units, each starting with its NAL header byte; copied, never null
     * @param ptsUs presentation time in microseconds
     * @param dtsUs decoding time in microseconds
     * @param keyframe true for an IDR access unit
     */
    public EncodedVideoFrame {
        nalUnits = List.copyOf(nalUnits);
    }

    /** @return the total size of the NAL units in bytes, without start codes or length prefixes */
    public int payloadSize() {
        int n = 0;
        for (byte[] nal : nalUnits) {
            n += nal.length;
        }
        return n;
    }

    /**
     * @param nalType the {@code nal_unit_type}, 0..31 (5 = IDR slice, 6 = SEI, 7 = SPS, 8 = PPS)
     * @return the first NAL unit of the given type (5 bits), or {@code null}
     */
    public byte[] firstNal(int nalType) {
        for (byte[] nal : nalUnits) {
            if ((nal[0] & 0x1F) == nalType) {
                return nal;
            }
        }
        return null;
    }
}
