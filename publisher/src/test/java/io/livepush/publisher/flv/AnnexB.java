package io.livepush.publisher.flv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test helper: splits an H.264 Annex B byte stream (ISO/IEC 14496-10 Annex B) into NAL units and
 * groups them into access units (section 7.4.1.2.3), for building FLV files from an ffmpeg-made stream.
 */
final class AnnexB {
    private AnnexB() {
    }

    /** @return the NAL units between start codes (00 00 01 or 00 00 00 01), without the start codes */
    static List<byte[]> nalUnits(byte[] stream) {
        List<byte[]> nals = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < stream.length) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                if (start >= 0) {
                    nals.add(trimTrailingZeros(stream, start, i));
                }
                start = i + 3;
                i += 3;
            } else {
                i++;
            }
        }
        if (start >= 0 && start < stream.length) {
            nals.add(trimTrailingZeros(stream, start, stream.length));
        }
        return nals;
    }

    /** The zero before 00 00 01 of a 4-byte start code (and trailing_zero_8bits) is not part of the NAL. */
    private static byte[] trimTrailingZeros(byte[] s, int from, int to) {
        while (to > from && s[to - 1] == 0) {
            to--;
        }
        return Arrays.copyOfRange(s, from, to);
    }

    /**
     * Groups NAL units into access units: a new one starts at a non-VCL NAL (SEI, SPS, PPS, AUD) or at
     * a slice with first_mb_in_slice = 0, once the current one holds a slice.
     */
    static List<List<byte[]>> accessUnits(List<byte[]> nals) {
        List<List<byte[]>> units = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        boolean hasSlice = false;
        for (byte[] nal : nals) {
            int type = nal[0] & 0x1F;
            boolean vcl = type == 1 || type == 5;
            boolean firstSlice = vcl && (nal[1] & 0x80) != 0; // ue(v) first_mb_in_slice == 0 is the bit '1'
            boolean startsNew = hasSlice && ((!vcl && (type == 6 || type == 7 || type == 8 || type == 9)) || firstSlice);
            if (startsNew) {
                units.add(current);
                current = new ArrayList<>();
                hasSlice = false;
            }
            current.add(nal);
            hasSlice |= vcl;
        }
        if (!current.isEmpty()) {
            units.add(current);
        }
        return units;
    }
}
