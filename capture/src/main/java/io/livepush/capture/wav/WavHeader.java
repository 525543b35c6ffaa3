package io.livepush.capture.wav;

import io.livepush.capture.AudioFormat;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The parts of a RIFF/WAVE header that matter for 16-bit PCM (Microsoft "Multimedia Programming
 * Interface and Data Specifications 1.0", 1991, and the WAVE_FORMAT_EXTENSIBLE amendment).
 *
 * <pre>
 * "RIFF" u32le size "WAVE"
 * chunks: u8[4] id, u32le size, body, a pad byte when size is odd
 *   "fmt ": u16 formatTag (1 = PCM, 0xFFFE = extensible), u16 channels, u32 sampleRate,
 *           u32 byteRate, u16 blockAlign, u16 bitsPerSample [, u16 cbSize, u16 validBits,
 *           u32 channelMask, GUID subFormat whose first two bytes are the format tag]
 *   "data": the samples, interleaved, little-endian
 * </pre>
 *
 * @param format sample rate and channel count
 * @param dataBytes the size of the data chunk, or -1 when it is unknown (streamed files write 0 or 0xFFFFFFFF)
 */
public record WavHeader(AudioFormat format, long dataBytes) {
    /** {@code WAVE_FORMAT_PCM}. */
    public static final int FORMAT_PCM = 1;
    /** {@code WAVE_FORMAT_EXTENSIBLE}. */
    public static final int FORMAT_EXTENSIBLE = 0xFFFE;

    /**
     * Reads the header and every chunk up to the start of the samples.
     *
     * @param in positioned at the start of the file; left at the first sample
     * @return the header
     * @throws WavFormatException when the file is not 16-bit PCM mono/stereo RIFF/WAVE, naming what it is
     */
    public static WavHeader read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        try {
            String riff = fourCc(d);
            if (!riff.equals("RIFF")) {
                throw new WavFormatException("not a WAV file: it starts with '" + printable(riff) + "' (expected 'RIFF')");
            }
            u32(d);
            String wave = fourCc(d);
            if (!wave.equals("WAVE")) {
                throw new WavFormatException("RIFF file of type '" + printable(wave) + "' is not a WAV file (expected 'WAVE')");
            }
            AudioFormat format = null;
            while (true) {
                String id = fourCc(d);
                long size = u32(d);
                if (id.equals("fmt ")) {
                    format = readFmt(d, size);
                } else if (id.equals("data")) {
                    if (format == null) {
                        throw new WavFormatException("WAV 'data' chunk comes before the 'fmt ' chunk (expected 'fmt ' first)");
                    }
                    return new WavHeader(format, size == 0 || size == 0xFFFFFFFFL ? -1 : size);
                } else {
                    d.skipNBytes(size + (size & 1));
                }
            }
        } catch (EOFException e) {
            throw new WavFormatException("WAV file ends inside its header (expected 'fmt ' and 'data' chunks)");
        }
    }

    private static AudioFormat readFmt(DataInputStream d, long size) throws IOException {
        if (size < 16) {
            throw new WavFormatException("WAV 'fmt ' chunk is " + size + " bytes (expected at least 16)");
        }
        int tag = u16(d);
        int channels = u16(d);
        long rate = u32(d);
        u32(d);
        int blockAlign = u16(d);
        int bits = u16(d);
        long rest = size - 16;
        if (tag == FORMAT_EXTENSIBLE && size >= 40) {
            u16(d);
            u16(d);
            u32(d);
            tag = u16(d);
            rest -= 10;
        }
        d.skipNBytes(rest + (size & 1));
        if (tag != FORMAT_PCM) {
            throw new WavFormatException("WAV format tag " + tag + " (" + tagName(tag) + ") is not supported (expected 1, PCM)");
        }
        if (bits != 16) {
            throw new WavFormatException("WAV has " + bits + "-bit samples (expected 16-bit PCM)");
        }
        if (channels != 1 && channels != 2) {
            throw new WavFormatException("WAV has " + channels + " channels (expected 1 or 2)");
        }
        if (rate < 8000 || rate > 192_000) {
            throw new WavFormatException("WAV sample rate " + rate + " Hz is not supported (expected 8000..192000)");
        }
        if (blockAlign != 2 * channels) {
            throw new WavFormatException("WAV block align " + blockAlign + " does not match " + channels
                    + " channels of 16 bits (expected " + 2 * channels + ")");
        }
        return new AudioFormat((int) rate, channels);
    }

    private static String tagName(int tag) {
        return switch (tag) {
            case 2 -> "MS ADPCM";
            case 3 -> "IEEE float";
            case 6 -> "A-law";
            case 7 -> "mu-law";
            case 0x55 -> "MP3";
            case FORMAT_EXTENSIBLE -> "extensible";
            default -> "unknown";
        };
    }

    private static String fourCc(DataInputStream d) throws IOException {
        byte[] b = new byte[4];
        d.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }

    private static int u16(DataInputStream d) throws IOException {
        int a = d.readUnsignedByte();
        return a | d.readUnsignedByte() << 8;
    }

    private static long u32(DataInputStream d) throws IOException {
        return u16(d) | (long) u16(d) << 16;
    }

    /**
     * Writes a canonical 44-byte PCM header, for tests and tools.
     *
     * @param format rate and channels
     * @param dataBytes the size of the samples that follow
     * @return the header bytes
     */
    public static byte[] canonical(AudioFormat format, int dataBytes) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) FORMAT_PCM).putShort((short) format.channels()).putInt(format.sampleRate())
                .putInt(format.sampleRate() * 2 * format.channels()).putShort((short) (2 * format.channels()))
                .putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        return b.array();
    }
}
