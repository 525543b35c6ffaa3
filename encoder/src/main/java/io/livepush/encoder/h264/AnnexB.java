package io.livepush.encoder.h264;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The H.264 byte stream format (ISO/IEC 14496-10 Annex B): NAL units separated by start codes
 * {@code 00 00 01}, optionally preceded by a {@code zero_byte} (the 4-byte form {@code 00 00 00 01}),
 * with {@code trailing_zero_8bits} allowed after a NAL unit. Stateless and thread-safe.
 */
public final class AnnexB {
    /** The 4-byte start code {@link #join} writes before every NAL unit. */
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private AnnexB() {
    }

    /**
     * Splits a byte stream into NAL units, recognising 3- and 4-byte start codes; trailing zero
     * bytes after a NAL unit are dropped, empty NAL units are skipped.
     *
     * @param stream an Annex B byte stream
     * @return the NAL units, each starting with its header byte, without start codes
     * @throws IllegalArgumentException when non-zero bytes come before the first start code
     */
    public static List<byte[]> split(byte[] stream) {
        if (stream == null) {
            throw new IllegalArgumentException("byte stream is null (expected Annex B bytes)");
        }
        List<byte[]> out = new ArrayList<>();
        int start = findStartCode(stream, 0);
        if (start < 0) {
            if (stream.length > 0 && !allZero(stream, 0, stream.length)) {
                throw new IllegalArgumentException("byte stream of " + stream.length
                        + " bytes holds no start code (expected 00 00 01 or 00 00 00 01 before each NAL unit)");
            }
            return out;
        }
        if (!allZero(stream, 0, start)) {
            throw new IllegalArgumentException("byte stream has " + start
                    + " bytes before its first start code (expected only zero bytes there)");
        }
        int nalStart = start + 3;
        while (nalStart <= stream.length) {
            int next = findStartCode(stream, nalStart);
            int end = next < 0 ? stream.length : next;
            while (end > nalStart && stream[end - 1] == 0) {
                end--; // zero_byte of a 4-byte start code, or trailing_zero_8bits
            }
            if (end > nalStart) {
                out.add(Arrays.copyOfRange(stream, nalStart, end));
            }
            if (next < 0) {
                break;
            }
            nalStart = next + 3;
        }
        return out;
    }

    /**
     * Joins NAL units into a byte stream, each preceded by a 4-byte start code.
     *
     * @param nalUnits NAL units without start codes
     * @return a new array: start code, NAL unit, start code, NAL unit, ...
     * @throws IllegalArgumentException when a NAL unit is null or empty
     */
    public static byte[] join(List<byte[]> nalUnits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < nalUnits.size(); i++) {
            byte[] nal = nalUnits.get(i);
            if (nal == null || nal.length == 0) {
                throw new IllegalArgumentException("NAL unit " + i + " is " + (nal == null ? "null" : "empty")
                        + " (expected at least the header byte)");
            }
            out.writeBytes(START_CODE);
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }

    /** @return the index of the next {@code 00 00 01} at or after {@code from}, or -1 */
    private static int findStartCode(byte[] b, int from) {
        for (int i = from; i + 2 < b.length; i++) {
            if ((b[i + 2] & 0xFF) > 1) {
                i += 2; // b[i+2] cannot be part of 00 00 01 as a zero or as the one
                continue;
            }
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1) {
                return i;
            }
        }
        return -1;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
