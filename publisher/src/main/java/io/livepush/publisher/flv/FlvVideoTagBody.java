package io.livepush.publisher.flv;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Legacy AVC VIDEODATA tag bodies (FLV v10.1 spec, E.4.3.1 "VIDEODATA" and "AVCVIDEOPACKET"): the
 * body of an FLV video tag and of an RTMP video message (type 9).
 *
 * <pre>
 * byte 0     FrameType (4 bits: 1 key, 2 inter) | CodecID (4 bits: 7 AVC)  -> 0x17 or 0x27
 * byte 1     AVCPacketType: 0 sequence header, 1 NAL units, 2 end of sequence
 * bytes 2-4  CompositionTime: SI24, PTS - DTS in milliseconds (0 unless AVCPacketType 1)
 * bytes 5-   packet 0: AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3.1)
 *            packet 1: each NAL unit as a u32 big-endian length, then its bytes (never Annex B start codes)
 *            packet 2: nothing
 * </pre>
 *
 * <p>The builders compute the exact size and allocate once from the given allocator; the caller
 * owns (and must release) the returned buffer. Stateless and thread-safe.
 */
public final class FlvVideoTagBody {
    /** Largest body that fits the 24-bit DataSize of an FLV tag and the length of an RTMP message. */
    public static final int MAX_BODY_SIZE = 0xFFFFFF;
    private static final int HEADER_SIZE = 5;
    private static final int MIN_CTS = -(1 << 23);
    private static final int MAX_CTS = (1 << 23) - 1;

    private FlvVideoTagBody() {
    }

    /**
     * @param alloc where to allocate the body
     * @param avcDecoderConfigurationRecord the record (starts with configurationVersion 0x01)
     * @return {@code 17 00 000000} + the record
     * @throws IllegalArgumentException if the record is empty or does not start with version 1
     */
    public static ByteBuf avcSequenceHeader(ByteBufAllocator alloc, byte[] avcDecoderConfigurationRecord) {
        byte[] record = Objects.requireNonNull(avcDecoderConfigurationRecord, "avcDecoderConfigurationRecord");
        if (record.length < 7 || record[0] != 1) {
            throw new IllegalArgumentException("AVCDecoderConfigurationRecord is " + record.length
                    + " bytes starting with " + (record.length == 0 ? "nothing" : String.format("0x%02X", record[0]))
                    + " (expected at least 7 bytes starting with configurationVersion 0x01)");
        }
        checkSize(HEADER_SIZE + (long) record.length);
        ByteBuf body = alloc.buffer(HEADER_SIZE + record.length);
        body.writeByte(FlvVideoTagInfo.FRAME_TYPE_KEY << 4 | FlvVideoTagInfo.CODEC_AVC);
        body.writeByte(FlvVideoTagInfo.AVC_SEQUENCE_HEADER);
        body.writeMedium(0); // CompositionTime: 0 for a sequence header
        body.writeBytes(record);
        return body;
    }

    /**
     * @param alloc where to allocate the body
     * @param keyframe true for an IDR access unit (FrameType 1), false otherwise (FrameType 2)
     * @param compositionTimeMs PTS - DTS in milliseconds, -8388608..8388607 (0 without B-frames)
     * @param nalUnits the NAL units of one access unit, each starting with its NAL header byte, no start codes
     * @return {@code 17|27 01 cts} + each NAL unit as u32 length + bytes
     * @throws IllegalArgumentException if there are no NAL units, one is empty, the offset does not fit
     *     SI24, or the body would exceed {@link #MAX_BODY_SIZE}
     */
    public static ByteBuf avcNalUnits(ByteBufAllocator alloc, boolean keyframe, int compositionTimeMs,
            List<byte[]> nalUnits) {
        if (compositionTimeMs < MIN_CTS || compositionTimeMs > MAX_CTS) {
            throw new IllegalArgumentException("composition time offset is " + compositionTimeMs
                    + " ms (expected " + MIN_CTS + ".." + MAX_CTS + ", a signed 24-bit value)");
        }
        if (nalUnits.isEmpty()) {
            throw new IllegalArgumentException("access unit has 0 NAL units (expected at least 1)");
        }
        long size = HEADER_SIZE;
        for (int i = 0; i < nalUnits.size(); i++) {
            byte[] nal = nalUnits.get(i);
            if (nal == null || nal.length == 0) {
                throw new IllegalArgumentException("NAL unit " + i + " is " + (nal == null ? "null" : "empty")
                        + " (expected at least the 1-byte NAL header)");
            }
            size += 4 + nal.length;
        }
        checkSize(size);
        ByteBuf body = alloc.buffer((int) size);
        int frameType = keyframe ? FlvVideoTagInfo.FRAME_TYPE_KEY : FlvVideoTagInfo.FRAME_TYPE_INTER;
        body.writeByte(frameType << 4 | FlvVideoTagInfo.CODEC_AVC);
        body.writeByte(FlvVideoTagInfo.AVC_NALU);
        body.writeMedium(compositionTimeMs); // SI24, two's complement in 24 bits
        for (byte[] nal : nalUnits) {
            body.writeInt(nal.length);
            body.writeBytes(nal);
        }
        return body;
    }

    /**
     * @param alloc where to allocate the body
     * @return {@code 17 02 000000}: tells the reader the AVC sequence has ended
     */
    public static ByteBuf avcEndOfSequence(ByteBufAllocator alloc) {
        ByteBuf body = alloc.buffer(HEADER_SIZE);
        body.writeByte(FlvVideoTagInfo.FRAME_TYPE_KEY << 4 | FlvVideoTagInfo.CODEC_AVC);
        body.writeByte(FlvVideoTagInfo.AVC_END_OF_SEQUENCE);
        body.writeMedium(0);
        return body;
    }

    /**
     * Parses a legacy AVC video tag body. Reads the readable bytes without moving the reader index.
     *
     * @param body a VIDEODATA body
     * @return its fields and payload
     * @throws FlvFormatException if the body is not a well-formed legacy AVC packet (too short, another
     *     codec, an Enhanced RTMP ExHeader, an unknown packet type, or NAL unit lengths past its end)
     */
    public static FlvVideoTagInfo parse(ByteBuf body) throws FlvFormatException {
        int start = body.readerIndex();
        int length = body.readableBytes();
        if (length < 1) {
            throw new FlvFormatException("video tag body is empty (expected at least 5 bytes for AVC)");
        }
        int b0 = body.getUnsignedByte(start);
        if ((b0 & 0x80) != 0) {
            throw new FlvFormatException(String.format(
                    "video tag byte 0 is 0x%02X: an Enhanced RTMP ExHeader, not parsed here (expected legacy AVC 0x17/0x27)", b0));
        }
        int frameType = b0 >> 4;
        int codecId = b0 & 0x0F;
        if (codecId != FlvVideoTagInfo.CODEC_AVC) {
            throw new FlvFormatException("video CodecID is " + codecId + " (expected 7, AVC)");
        }
        if (length < HEADER_SIZE) {
            throw new FlvFormatException("AVC video tag body is " + length + " bytes (expected at least 5)");
        }
        int packetType = body.getUnsignedByte(start + 1);
        int cts = body.getMedium(start + 2); // sign-extended SI24
        switch (packetType) {
            case FlvVideoTagInfo.AVC_SEQUENCE_HEADER: {
                byte[] record = new byte[length - HEADER_SIZE];
                body.getBytes(start + HEADER_SIZE, record);
                return new FlvVideoTagInfo(frameType, codecId, packetType, cts, record, List.of());
            }
            case FlvVideoTagInfo.AVC_NALU:
                return new FlvVideoTagInfo(frameType, codecId, packetType, cts, null,
                        nalUnits(body, start + HEADER_SIZE, start + length));
            case FlvVideoTagInfo.AVC_END_OF_SEQUENCE:
                return new FlvVideoTagInfo(frameType, codecId, packetType, cts, null, List.of());
            default:
                throw new FlvFormatException("AVCPacketType is " + packetType + " (expected 0, 1 or 2)");
        }
    }

    private static List<byte[]> nalUnits(ByteBuf body, int from, int end) throws FlvFormatException {
        List<byte[]> nals = new ArrayList<>();
        int i = from;
        while (i < end) {
            if (end - i < 4) {
                throw new FlvFormatException("NAL unit length at body offset " + (i - from + HEADER_SIZE)
                        + " is cut off: " + (end - i) + " bytes remain (expected 4)");
            }
            long n = body.getUnsignedInt(i);
            i += 4;
            if (n > end - i) {
                throw new FlvFormatException("NAL unit at body offset " + (i - from + HEADER_SIZE) + " declares " + n
                        + " bytes but " + (end - i) + " remain");
            }
            byte[] nal = new byte[(int) n];
            body.getBytes(i, nal);
            nals.add(nal);
            i += (int) n;
        }
        return nals;
    }

    private static void checkSize(long size) {
        if (size > MAX_BODY_SIZE) {
            throw new IllegalArgumentException("video tag body would be " + size + " bytes (expected at most "
                    + MAX_BODY_SIZE + ", the 24-bit FLV DataSize)");
        }
    }
}
