package io.livepush.encoder.h264;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code AVCDecoderConfigurationRecord} (ISO/IEC 14496-15 §5.3.3.1): the AVC sequence header that
 * FLV (AVCPacketType 0) and MP4 ({@code avcC}) carry. Layout:
 *
 * <pre>
 * 01                       configurationVersion
 * PP CC LL                 AVCProfileIndication, profile_compatibility, AVCLevelIndication (SPS bytes 1..3)
 * FF                       reserved '111111' + lengthSizeMinusOne (3: 4-byte NAL lengths)
 * E1                       reserved '111' + numOfSequenceParameterSets (1)
 * u16 length, SPS ...      each SPS NAL unit, header byte included
 * 01                       numOfPictureParameterSets
 * u16 length, PPS ...      each PPS NAL unit
 * for profile_idc 100, 110, 122, 144 only:
 * FC|chroma_format  F8|bit_depth_luma_minus8  F8|bit_depth_chroma_minus8  00 (numOfSequenceParameterSetExt)
 * </pre>
 *
 * Immutable; arrays are copied in and out.
 */
public final class AvcDecoderConfigurationRecord {
    private final int profileIdc;
    private final int profileCompatibility;
    private final int levelIdc;
    private final int nalLengthSize;
    private final List<byte[]> sps;
    private final List<byte[]> pps;
    private final boolean highProfileExtension;
    private final int chromaFormat;
    private final int bitDepthLumaMinus8;
    private final int bitDepthChromaMinus8;

    private AvcDecoderConfigurationRecord(int profileIdc, int profileCompatibility, int levelIdc, int nalLengthSize,
            List<byte[]> sps, List<byte[]> pps, boolean highProfileExtension, int chromaFormat,
            int bitDepthLumaMinus8, int bitDepthChromaMinus8) {
        this.profileIdc = profileIdc;
        this.profileCompatibility = profileCompatibility;
        this.levelIdc = levelIdc;
        this.nalLengthSize = nalLengthSize;
        this.sps = copy(sps);
        this.pps = copy(pps);
        this.highProfileExtension = highProfileExtension;
        this.chromaFormat = chromaFormat;
        this.bitDepthLumaMinus8 = bitDepthLumaMinus8;
        this.bitDepthChromaMinus8 = bitDepthChromaMinus8;
    }

    /**
     * @param sps one SPS NAL unit (type 7) without start code, at most 65535 bytes
     * @param pps one PPS NAL unit (type 8) without start code, at most 65535 bytes
     * @return a record for one SPS and one PPS, with 4-byte NAL lengths
     * @throws IllegalArgumentException as for {@link #of(List, List)}
     */
    public static AvcDecoderConfigurationRecord of(byte[] sps, byte[] pps) {
        return of(List.of(sps), List.of(pps));
    }

    /**
     * Builds a record with 4-byte NAL lengths; profile, compatibility and level come from the first
     * SPS, and for the High profiles (100, 110, 122, 144) chroma format and bit depths too.
     *
     * @param spsList 1..31 SPS NAL units (type 7), each at most 65535 bytes
     * @param ppsList 1..255 PPS NAL units (type 8), each at most 65535 bytes
     * @return the record, holding copies of the lists
     * @throws IllegalArgumentException for wrong NAL types, counts or sizes, or an SPS that does not parse
     */
    public static AvcDecoderConfigurationRecord of(List<byte[]> spsList, List<byte[]> ppsList) {
        requireSets(spsList, 7, 31, "SPS");
        requireSets(ppsList, 8, 255, "PPS");
        SpsInfo info = SpsParser.parse(spsList.get(0));
        boolean ext = hasHighProfileExtension(info.profileIdc());
        return new AvcDecoderConfigurationRecord(info.profileIdc(), info.constraintFlags(), info.levelIdc(), 4, spsList,
                ppsList, ext, info.chromaFormatIdc(), info.bitDepthLuma() - 8, info.bitDepthChroma() - 8);
    }

    /** The profiles whose record carries the chroma/bit-depth extension (§5.3.3.1.2). */
    static boolean hasHighProfileExtension(int profileIdc) {
        return profileIdc == 100 || profileIdc == 110 || profileIdc == 122 || profileIdc == 144;
    }

    /** @return the record's bytes */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1); // configurationVersion
        out.write(profileIdc); // AVCProfileIndication
        out.write(profileCompatibility); // profile_compatibility
        out.write(levelIdc); // AVCLevelIndication
        out.write(0xFC | (nalLengthSize - 1)); // reserved 111111, lengthSizeMinusOne
        out.write(0xE0 | sps.size()); // reserved 111, numOfSequenceParameterSets
        for (byte[] s : sps) {
            writeU16(out, s.length);
            out.writeBytes(s);
        }
        out.write(pps.size()); // numOfPictureParameterSets
        for (byte[] p : pps) {
            writeU16(out, p.length);
            out.writeBytes(p);
        }
        if (highProfileExtension) {
            out.write(0xFC | chromaFormat); // reserved 111111, chroma_format
            out.write(0xF8 | bitDepthLumaMinus8); // reserved 11111, bit_depth_luma_minus8
            out.write(0xF8 | bitDepthChromaMinus8); // reserved 11111, bit_depth_chroma_minus8
            out.write(0); // numOfSequenceParameterSetExt
        }
        return out.toByteArray();
    }

    /**
     * Reads a record. The High-profile extension is optional on input (older writers omit it);
     * {@link #hasHighProfileExtension()} says whether it was there.
     *
     * @param data the record's bytes, e.g. an FLV AVC sequence header's payload or an MP4 {@code avcC} box body
     * @return the record with the NAL length size, parameter sets and High-profile fields it holds
     * @throws IllegalArgumentException when the bytes are not a valid record
     */
    public static AvcDecoderConfigurationRecord parse(byte[] data) {
        if (data == null || data.length < 7) {
            throw new IllegalArgumentException("AVCDecoderConfigurationRecord is "
                    + (data == null ? "null" : data.length + " bytes") + " (expected at least 7)");
        }
        if (data[0] != 1) {
            throw new IllegalArgumentException("AVCDecoderConfigurationRecord configurationVersion is " + (data[0] & 0xFF)
                    + " (expected 1)");
        }
        int lengthSize = (data[4] & 0x03) + 1;
        if (lengthSize == 3) {
            throw new IllegalArgumentException("AVCDecoderConfigurationRecord lengthSizeMinusOne is 2 (expected 0, 1 or 3)");
        }
        int[] pos = {5};
        int numSps = data[pos[0]++] & 0x1F;
        List<byte[]> spsList = readSets(data, pos, numSps, "SPS");
        if (pos[0] >= data.length) {
            throw new IllegalArgumentException("AVCDecoderConfigurationRecord ends before numOfPictureParameterSets");
        }
        int numPps = data[pos[0]++] & 0xFF;
        List<byte[]> ppsList = readSets(data, pos, numPps, "PPS");
        int profile = data[1] & 0xFF;
        boolean ext = false;
        int chroma = 1;
        int lumaDepth = 0;
        int chromaDepth = 0;
        if (hasHighProfileExtension(profile) && data.length - pos[0] >= 4) {
            ext = true;
            chroma = data[pos[0]++] & 0x03;
            lumaDepth = data[pos[0]++] & 0x07;
            chromaDepth = data[pos[0]++] & 0x07;
        }
        return new AvcDecoderConfigurationRecord(profile, data[2] & 0xFF, data[3] & 0xFF, lengthSize, spsList, ppsList,
                ext, chroma, lumaDepth, chromaDepth);
    }

    /** @return AVCProfileIndication (profile_idc) */
    public int profileIdc() {
        return profileIdc;
    }

    /** @return profile_compatibility (the SPS constraint flag byte) */
    public int profileCompatibility() {
        return profileCompatibility;
    }

    /** @return AVCLevelIndication (level_idc) */
    public int levelIdc() {
        return levelIdc;
    }

    /** @return bytes per NAL length prefix in samples: lengthSizeMinusOne + 1 */
    public int nalLengthSize() {
        return nalLengthSize;
    }

    /** @return copies of the SPS NAL units */
    public List<byte[]> spsList() {
        return copy(sps);
    }

    /** @return copies of the PPS NAL units */
    public List<byte[]> ppsList() {
        return copy(pps);
    }

    /** @return whether the record carries the High-profile chroma/bit-depth bytes */
    public boolean hasHighProfileExtension() {
        return highProfileExtension;
    }

    /** @return chroma_format of the extension (1 = 4:2:0 when absent) */
    public int chromaFormat() {
        return chromaFormat;
    }

    /** @return bit_depth_luma_minus8 of the extension (0 when absent) */
    public int bitDepthLumaMinus8() {
        return bitDepthLumaMinus8;
    }

    /** @return bit_depth_chroma_minus8 of the extension (0 when absent) */
    public int bitDepthChromaMinus8() {
        return bitDepthChromaMinus8;
    }

    private static void requireSets(List<byte[]> sets, int type, int max, String what) {
        if (sets == null || sets.isEmpty() || sets.size() > max) {
            throw new IllegalArgumentException(what + " count is " + (sets == null ? 0 : sets.size())
                    + " (expected 1.." + max + ")");
        }
        for (byte[] s : sets) {
            int t = NalUnitType.typeValue(s);
            if (t != type) {
                throw new IllegalArgumentException(what + " NAL unit has type " + t + " (expected " + type + ")");
            }
            if (s.length > 0xFFFF) {
                throw new IllegalArgumentException(what + " is " + s.length + " bytes (expected at most 65535)");
            }
        }
    }

    private static List<byte[]> readSets(byte[] data, int[] pos, int count, String what) {
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int p = pos[0];
            if (data.length - p < 2) {
                throw new IllegalArgumentException("AVCDecoderConfigurationRecord ends inside the length of " + what + " " + i);
            }
            int len = ((data[p] & 0xFF) << 8) | (data[p + 1] & 0xFF);
            if (len == 0 || len > data.length - p - 2) {
                throw new IllegalArgumentException("AVCDecoderConfigurationRecord " + what + " " + i + " claims " + len
                        + " bytes but " + (data.length - p - 2) + " remain");
            }
            byte[] nal = new byte[len];
            System.arraycopy(data, p + 2, nal, 0, len);
            out.add(nal);
            pos[0] = p + 2 + len;
        }
        return out;
    }

    private static void writeU16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static List<byte[]> copy(List<byte[]> in) {
        List<byte[]> out = new ArrayList<>(in.size());
        for (byte[] b : in) {
            out.add(b.clone());
        }
        return List.copyOf(out);
    }
}
