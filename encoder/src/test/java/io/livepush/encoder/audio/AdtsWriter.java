package io.livepush.encoder.audio;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Test helper: wraps raw AAC frames in ADTS headers (ISO/IEC 13818-7 6.2.1 / 14496-3 1.A.2) so
 * that ffmpeg can read them from a {@code .aac} file. 7-byte header, no CRC:
 *
 * <pre>
 * syncword 12 = 0xFFF | ID 1 = 0 (MPEG-4) | layer 2 = 0 | protection_absent 1 = 1
 * profile 2 = objectType - 1 | sampling_frequency_index 4 | private_bit 1 = 0 | channel_configuration 3
 * original_copy 1 = 0 | home 1 = 0 | copyright_id_bit 1 = 0 | copyright_id_start 1 = 0
 * aac_frame_length 13 = 7 + frame bytes | adts_buffer_fullness 11 = 0x7FF (VBR) | raw_data_blocks 2 = 0
 * </pre>
 */
public final class AdtsWriter {
    private AdtsWriter() {
    }

    public static byte[] header(AacAudioSpecificConfig asc, int frameBytes) {
        int length = 7 + frameBytes;
        int profile = asc.audioObjectType() - 1;
        int freq = AacAudioSpecificConfig.frequencyIndex(asc.sampleRate());
        int ch = asc.channelConfiguration();
        return new byte[] {
            (byte) 0xFF,
            (byte) 0xF1,                                              // 1111 0 00 1
            (byte) (profile << 6 | freq << 2 | (ch >> 2) & 1),
            (byte) ((ch & 3) << 6 | (length >> 11) & 0x03),
            (byte) (length >> 3),
            (byte) ((length & 7) << 5 | 0x1F),                        // + fullness high 5 bits
            (byte) 0xFC,                                              // fullness low 6 bits, 0 blocks
        };
    }

    public static byte[] stream(AacAudioSpecificConfig asc, List<EncodedAudioFrame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (EncodedAudioFrame f : frames) {
            out.writeBytes(header(asc, f.data().length));
            out.writeBytes(f.data());
        }
        return out.toByteArray();
    }
}
