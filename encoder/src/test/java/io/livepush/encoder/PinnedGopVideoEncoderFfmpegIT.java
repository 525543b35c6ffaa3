package io.livepush.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.testing.Ffmpeg;
import io.livepush.capture.testing.Interop;
import io.livepush.encoder.h264.AnnexB;
import io.livepush.encoder.sei.SeiRepeat;
import io.livepush.encoder.sei.SeiUserDataUnregistered;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ffmpeg, as the independent reader, decodes what the auto-selected backend wrapped in
 * {@link PinnedGopVideoEncoder} writes: no decode errors, keyframes exactly 2 s apart, and every SEI
 * payload (including the ones that need emulation prevention and the 255-byte size coded {@code FF 10})
 * read back byte for byte in order.
 */
class PinnedGopVideoEncoderFfmpegIT {
    @TempDir
    Path dir;

    private static List<byte[]> payloads() {
        byte[] zeros = new byte[255]; // worst case: an 03 after every second byte
        byte[] runs = {0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0};
        byte[] ramp = new byte[255];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (byte) i;
        }
        return List.of(new byte[] {0x42}, zeros, runs, ramp, "coupon:42".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void ffmpegDecodesTheStreamAndReadsBackEverySeiPayloadAndTheTwoSecondGop() throws Exception {
        Ffmpeg ffmpeg = Ffmpeg.require();
        Interop.assumePeer(VideoEncoders.available().stream().anyMatch(VideoEncoderStatus::available),
                "an H.264 backend (" + VideoEncoders.available() + ")");
        VideoEncoderConfig config = VideoEncoderConfig.builder().size(320, 240).fps(30).bitrateBps(600_000).build();
        VideoFramePool pool = new VideoFramePool(320, 240, 4);
        MovingContent content = new MovingContent(21, 8);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<byte[]> sent = new ArrayList<>();
        List<Double> keyPacketTimes = new ArrayList<>(); // packet index / 30: how ffmpeg times a raw stream
        List<Long> keyPts = new ArrayList<>();
        int packets = 0;
        try (PinnedGopVideoEncoder enc = VideoEncoders.create("auto", config)) {
            for (int n = 0; n < 150; n++) {
                if (n % 10 == 3) {
                    byte[] p = payloads().get((n / 10) % payloads().size());
                    enc.sendSei(p, SeiRepeat.once());
                    sent.add(p);
                }
                VideoFrame f = content.frame(pool, n, Math.round(n * 1_000_000.0 / 30));
                try {
                    EncodedVideoFrame au = enc.encode(f);
                    if (au != null) {
                        stream.writeBytes(AnnexB.join(au.nalUnits()));
                        if (au.keyframe()) {
                            keyPacketTimes.add(packets / 30.0);
                            keyPts.add(au.ptsUs());
                        }
                        packets++;
                    }
                } finally {
                    f.release();
                }
            }
            assertEquals(0, enc.pendingSeiCount(), "all SEI went out");
        }
        Path file = dir.resolve("out.h264");
        Files.write(file, stream.toByteArray());

        assertEquals("", ffmpeg.decodeErrors(file, "-framerate", "30"));
        // A raw stream has no timestamps (skipped frames close up), so compare packet positions:
        // ffmpeg must find keyframes exactly on the access units flagged as IDR, which sit at 0, 2, 4 s.
        assertEquals(List.of(0L, 2_000_000L, 4_000_000L), keyPts);
        List<Double> keyframes = ffmpeg.keyframeTimes(file, "-framerate", "30");
        assertEquals(keyPacketTimes.size(), keyframes.size(), "ffmpeg keyframes at " + keyframes);
        for (int i = 0; i < keyframes.size(); i++) {
            assertEquals(keyPacketTimes.get(i), keyframes.get(i), 1e-3, "keyframe #" + i);
        }

        byte[] ours = SeiUserDataUnregistered.uuidBytes(SeiUserDataUnregistered.LIVEPUSH_UUID);
        List<byte[]> read = ffmpeg.seiPayloads(file, "-framerate", "30").stream()
                .filter(s -> Arrays.equals(ours, s.uuid())).map(Ffmpeg.SeiPayload::payload).toList();
        assertEquals(sent.size(), read.size());
        for (int i = 0; i < sent.size(); i++) {
            assertArrayEquals(sent.get(i), read.get(i), "SEI #" + i);
        }
    }
}
