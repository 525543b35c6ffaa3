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

    /**
     * Our SEI payloads as {@code ffmpeg -bsf:v trace_headers} prints them: the value after the last
     * {@code "= "} of each {@code uuid_iso_iec_11578[i]} and {@code user_data_payload_byte[i]} line.
     * (Parsed here rather than with {@code Ffmpeg.seiPayloads}, which at the time of writing took
     * the index from the {@code [trace_headers @ ...]} prefix.)
     */
    private static List<byte[]> traceHeadersSei(Path file) throws Exception {
        Path log = file.resolveSibling("trace.txt");
        Process p = new ProcessBuilder(Interop.requireExecutable("ffmpeg", "ffmpeg"), "-nostdin", "-v", "info",
                "-framerate", "30", "-i", file.toString(), "-map", "0:v:0", "-c", "copy", "-bsf:v", "trace_headers",
                "-f", "null", "-").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ffmpeg trace_headers did not finish in 120 s");
        }
        byte[] ours = SeiUserDataUnregistered.uuidBytes(SeiUserDataUnregistered.LIVEPUSH_UUID);
        List<byte[]> out = new ArrayList<>();
        byte[] uuid = new byte[16];
        ByteArrayOutputStream payload = null;
        for (String line : Files.readAllLines(log)) {
            if (line.contains(" uuid_iso_iec_11578[")) {
                if (payload != null && Arrays.equals(uuid, ours)) {
                    out.add(payload.toByteArray());
                }
                payload = null;
                uuid[Integer.parseInt(line.substring(line.lastIndexOf('[') + 1, line.lastIndexOf(']')))] = (byte) parseValue(line);
            } else if (line.contains(" user_data_payload_byte[")) {
                if (payload == null) {
                    payload = new ByteArrayOutputStream();
                }
                payload.write(parseValue(line));
            } else if (line.contains(" last_payload_type_byte ") || line.contains("Parameter Set")
                    || line.contains("Slice Header")) {
                if (payload != null && Arrays.equals(uuid, ours)) {
                    out.add(payload.toByteArray());
                }
                payload = null;
            }
        }
        if (payload != null && Arrays.equals(uuid, ours)) {
            out.add(payload.toByteArray());
        }
        return out;
    }

    private static int parseValue(String line) {
        return Integer.parseInt(line.substring(line.lastIndexOf("= ") + 2).strip());
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

        List<byte[]> read = traceHeadersSei(file);
        assertEquals(sent.size(), read.size());
        for (int i = 0; i < sent.size(); i++) {
            assertArrayEquals(sent.get(i), read.get(i), "SEI #" + i);
        }
    }
}
