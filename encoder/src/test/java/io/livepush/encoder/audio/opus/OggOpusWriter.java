package io.livepush.encoder.audio.opus;

import io.livepush.encoder.audio.EncodedAudioFrame;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A minimal Ogg Opus file writer for tests (RFC 3533 pages, RFC 7845 mapping): the OpusHead page,
 * an OpusTags page, then one packet per page with the granule position counting 48 kHz samples
 * including the pre-skip. So ffmpeg can decode what the encoder made.
 */
final class OggOpusWriter {
    private static final int[] CRC = new int[256];

    static {
        // Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, initial value 0, no final XOR.
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int k = 0; k < 8; k++) {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            }
            CRC[i] = r;
        }
    }

    private OggOpusWriter() {
    }

    static byte[] write(byte[] opusHead, List<EncodedAudioFrame> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int serial = 0x4C495645;
        int seq = 0;
        page(out, 0x02, 0, serial, seq++, opusHead);
        byte[] vendor = "LivePush test".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tags = ByteBuffer.allocate(8 + 4 + vendor.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        tags.put("OpusTags".getBytes(StandardCharsets.US_ASCII)).putInt(vendor.length).put(vendor).putInt(0);
        page(out, 0, 0, serial, seq++, tags.array());
        long granule = 0;
        for (int i = 0; i < packets.size(); i++) {
            granule += packets.get(i).samples();
            page(out, i == packets.size() - 1 ? 0x04 : 0, granule, serial, seq++, packets.get(i).data());
        }
        return out.toByteArray();
    }

    private static void page(ByteArrayOutputStream out, int type, long granule, int serial, int seq, byte[] packet) {
        int segments = packet.length / 255 + 1;
        ByteBuffer p = ByteBuffer.allocate(27 + segments + packet.length).order(ByteOrder.LITTLE_ENDIAN);
        p.put("OggS".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) type).putLong(granule).putInt(serial)
                .putInt(seq).putInt(0).put((byte) segments);
        for (int i = 0; i < segments - 1; i++) {
            p.put((byte) 255);
        }
        p.put((byte) (packet.length % 255)).put(packet);
        byte[] b = p.array();
        int crc = 0;
        for (byte x : b) {
            crc = (crc << 8) ^ CRC[((crc >>> 24) ^ x) & 0xFF];
        }
        ByteBuffer.wrap(b, 22, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(crc);
        out.writeBytes(b);
    }
}
