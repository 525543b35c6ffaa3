package io.livepush.publisher.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.NginxRtmp;
import io.livepush.capture.testing.RecordingFiles;
import io.livepush.encoder.sei.SeiUserDataUnregistered;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole push path against a real ingest: nginx with the RTMP module records what LivePush
 * pushes, and ffmpeg/ffprobe, as the independent reader, check the recording.
 */
class LiveStreamNginxIT {
    private static final String KEY = "it-stream-key-0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void tenSecondsOf720pWithSeiArriveDecodableWithKeyframesTwoSecondsApartAndEveryPayloadIntact() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.require();
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"), null)) {
            LiveStreamConfig config = LiveStreamConfig.builder(nginx.url(KEY)).video(NginxPush.video720p())
                    .seiTimestamps(true).build();
            String[] live = new String[1];
            List<byte[]> sent = NginxPush.push(config, 10, seiPayloads(), () -> live[0] = nginx.probeLive(KEY));
            Path rec = nginx.recording(KEY);
            RecordingFiles.awaitSettled(rec);

            assertEquals("", ffmpeg.decodeErrors(rec), "ffmpeg decode errors");
            Ffmpeg.StreamInfo info = ffmpeg.streamInfo(rec);
            assertEquals("h264", info.codec());
            assertEquals(1280, info.width());
            assertEquals(720, info.height());

            List<Double> keys = ffmpeg.keyframeTimes(rec);
            assertTrue(keys.size() >= 5, "keyframes: " + keys);
            for (int i = 1; i < keys.size(); i++) {
                assertEquals(2.000, keys.get(i) - keys.get(i - 1), 0.0015, "keyframe spacing at " + keys);
            }

            // nginx-rtmp keeps no onMetaData in recordings; a player of the live stream gets ours.
            assertTrue(live[0].contains("TAG:encoder=LivePush"), "onMetaData seen by a player: " + live[0]);
            assertTrue(live[0].contains("width=1280") && live[0].contains("height=720"), live[0]);

            List<byte[]> received = new ArrayList<>();
            int captureTimes = 0;
            byte[] livepushUuid = SeiUserDataUnregistered.uuidBytes(SeiUserDataUnregistered.LIVEPUSH_UUID);
            byte[] captureUuid = SeiUserDataUnregistered.uuidBytes(CaptureTimeSei.UUID);
            for (Ffmpeg.SeiPayload p : ffmpeg.seiPayloads(rec)) {
                if (Arrays.equals(p.uuid(), livepushUuid)) {
                    received.add(p.payload());
                } else if (Arrays.equals(p.uuid(), captureUuid)) {
                    captureTimes++;
                }
            }
            assertEquals(sent.size(), received.size(), "application SEI payloads received");
            for (int i = 0; i < sent.size(); i++) {
                assertArrayEquals(sent.get(i), received.get(i), "SEI payload " + i);
            }
            assertTrue(captureTimes >= 280, "frames carrying a capture time: " + captureTimes);
        }
    }

    /** Payloads that stress the writer: 1 byte, 255 bytes, and every emulation-prevention run. */
    static List<byte[]> seiPayloads() {
        List<byte[]> list = new ArrayList<>();
        list.add(new byte[] {42});
        list.add("coupon:SPRING-2026".getBytes(StandardCharsets.UTF_8));
        list.add(new byte[] {0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0});
        byte[] big = new byte[255];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i % 3 == 2 ? i : 0);
        }
        list.add(big);
        list.add("{\"card\":\"red-packet\",\"amount\":8.88}".getBytes(StandardCharsets.UTF_8));
        list.add(ByteBuffer.allocate(8).putLong(0x0000000100000002L).array());
        return list;
    }
}
