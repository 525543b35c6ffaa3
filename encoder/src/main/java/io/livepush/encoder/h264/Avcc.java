package io.livepush.encoder.h264;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Length-prefixed NAL units, the sample format of ISO/IEC 14496-15 §5.3.4.2 (the "AVCC" form that
 * FLV and MP4 carry): each NAL unit preceded by its length, big-endian, in {@code lengthSize} bytes
 * (LivePush writes 4, the {@code lengthSizeMinusOne = 3} of its
 * {@link AvcDecoderConfigurationRecord}). Stateless and thread-safe.
 */
public final class Avcc {
    private Avcc() {
    }

    /**
     * @param nalUnits NAL units without start codes or length prefixes, each 1 byte or more
     * @return {@link #join(List, int)} with 4-byte lengths
     */
    public static byte[] join(List<byte[]> nalUnits) {
        return join(nalUnits, 4);
    }

    /**
     * @param nalUnits NAL units without start codes
     * @param lengthSize 1, 2 or 4
     * @return the NAL units, each preceded by its length
     * @throws IllegalArgumentException for a bad length size, an empty NAL unit or one too long for
     *     the length size
     */
    public static byte[] join(List<byte[]> nalUnits, int lengthSize) {
        requireLengthSize(lengthSize);
        long total = 0;
        for (int i = 0; i < nalUnits.size(); i++) {
            byte[] nal = nalUnits.get(i);
            if (nal == null || nal.length == 0) {
                throw new IllegalArgumentException("NAL unit " + i + " is " + (nal == null ? "null" : "empty")
                        + " (expected at least the header byte)");
            }
            if (lengthSize < 4 && nal.length >= 1L << (8 * lengthSize)) {
                throw new IllegalArgumentException("NAL unit " + i + " is " + nal.length + " bytes (expected at most "
                        + ((1L << (8 * lengthSize)) - 1) + " with " + lengthSize + "-byte lengths)");
            }
            total += lengthSize + nal.length;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("NAL units total " + total + " bytes (expected less than 2 GiB)");
        }
        byte[] out = new byte[(int) total];
        int p = 0;
        for (byte[] nal : nalUnits) {
            for (int k = lengthSize - 1; k >= 0; k--) {
                out[p++] = (byte) (nal.length >>> (8 * k));
            }
            System.arraycopy(nal, 0, out, p, nal.length);
            p += nal.length;
        }
        return out;
    }

    /**
     * @param data a sequence of 4-byte big-endian lengths, each followed by that many NAL unit bytes
     * @return {@link #split(byte[], int)} with 4-byte lengths
     */
    public static List<byte[]> split(byte[] data) {
        return split(data, 4);
    }

    /**
     * @param data length-prefixed NAL units
     * @param lengthSize 1, 2 or 4 (from the decoder configuration record)
     * @return the NAL units (zero-length entries are skipped)
     * @throws IllegalArgumentException when a length runs past the end of the data
     */
    public static List<byte[]> split(byte[] data, int lengthSize) {
        requireLengthSize(lengthSize);
        if (data == null) {
            throw new IllegalArgumentException("AVCC data is null (expected length-prefixed NAL units)");
        }
        List<byte[]> out = new ArrayList<>();
        int p = 0;
        while (p < data.length) {
            if (data.length - p < lengthSize) {
                throw new IllegalArgumentException("AVCC data ends inside a " + lengthSize + "-byte length at offset " + p);
            }
            long len = 0;
            for (int k = 0; k < lengthSize; k++) {
                len = (len << 8) | (data[p++] & 0xFF);
            }
            if (len > data.length - p) {
                throw new IllegalArgumentException("AVCC NAL unit at offset " + (p - lengthSize) + " claims " + len
                        + " bytes but only " + (data.length - p) + " remain");
            }
            if (len > 0) {
                out.add(Arrays.copyOfRange(data, p, p + (int) len));
            }
            p += (int) len;
        }
        return out;
    }

    private static void requireLengthSize(int lengthSize) {
        if (lengthSize != 1 && lengthSize != 2 && lengthSize != 4) {
            throw new IllegalArgumentException("NAL length size " + lengthSize + " is not allowed (expected 1, 2 or 4)");
        }
    }
}
