package io.livepush.capture.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader itself, on files ffmpeg makes: x264 at 30 fps with a 2 s GOP, raw and in FLV. x264
 * writes one SEI user_data_unregistered with its version into the first access unit, UUID
 * dc45e9bd-e6d9-48b7-962c-d820d923eeef, which gives a known payload to parse.
 */
class FfmpegIT {
    private static final byte[] X264_UUID = {(byte) 0xdc, 0x45, (byte) 0xe9, (byte) 0xbd, (byte) 0xe6, (byte) 0xd9, 0x48,
            (byte) 0xb7, (byte) 0x96, 0x2c, (byte) 0xd8, 0x20, (byte) 0xd9, 0x23, (byte) 0xee, (byte) 0xef};

    @TempDir
    static Path dir;
    static Ffmpeg ffmpeg;
    static Path raw;
    static Path flv;

    @BeforeAll
    static void makeFiles() throws Exception {
        ffmpeg = Ffmpeg.require();
        raw = dir.resolve("x264.h264");
        flv = dir.resolve("x264.flv");
        make("-f", "lavfi", "-i", "testsrc=size=320x240:rate=30", "-t", "5", "-c:v", "libx264", "-bf", "0", "-g", "60",
                "-keyint_min", "60", "-sc_threshold", "0", "-f", "h264", raw.toString());
        make("-framerate", "30", "-i", raw.toString(), "-c", "copy", flv.toString());
    }

    private static void make(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, cmd + ": " + out);
    }

    @Test
    void cleanFileHasNoDecodeErrorsAndACorruptOneHas() throws Exception {
        assertEquals("", ffmpeg.decodeErrors(raw, "-framerate", "30"));
        byte[] bytes = Files.readAllBytes(raw);
        for (int i = 2000; i < bytes.length; i += 97) {
            bytes[i] ^= 0x5A;
        }
        Path broken = dir.resolve("broken.h264");
        Files.write(broken, bytes);
        assertFalse(ffmpeg.decodeErrors(broken, "-framerate", "30").isEmpty());
    }

    @Test
    void keyframesOfARawStreamAreTwoSecondsApartAtItsFrameRate() {
        assertEquals(List.of(0.0, 2.0, 4.0), ffmpeg.keyframeTimes(raw, "-framerate", "30"));
    }

    @Test
    void keyframesOfAnFlvComeFromItsTimestamps() {
        assertEquals(List.of(0.0, 2.0, 4.0), ffmpeg.keyframeTimes(flv));
    }

    @Test
    void countsPacketsAndReadsStreamInfo() {
        assertEquals(150, ffmpeg.videoPacketCount(raw, "-framerate", "30"));
        assertEquals(150, ffmpeg.videoPacketCount(flv));
        Ffmpeg.StreamInfo info = ffmpeg.streamInfo(flv);
        assertEquals("h264", info.codec());
        assertEquals(320, info.width());
        assertEquals(240, info.height());
    }

    @Test
    void seiUserDataUnregisteredIsParsedIntoUuidAndPayload() {
        List<Ffmpeg.SeiPayload> sei = ffmpeg.seiPayloads(raw, "-framerate", "30");
        assertEquals(1, sei.size(), sei.toString());
        assertArrayEquals(X264_UUID, sei.get(0).uuid());
        assertTrue(sei.get(0).text().startsWith("x264 - core "), sei.get(0).text());
        assertEquals(sei.size(), ffmpeg.seiPayloads(flv).size());
    }

    @Test
    void decodesEveryFrameAtTheGivenSize() {
        int frames = 0;
        byte[] first = null;
        byte[] last = null;
        try (Ffmpeg.Frames it = ffmpeg.decodeFrames(raw, 320, 240, "-framerate", "30")) {
            while (it.hasNext()) {
                last = it.next();
                first = first == null ? last : first;
                assertEquals(320 * 240 * 3 / 2, last.length);
                frames++;
            }
        }
        assertEquals(150, frames);
        assertEquals(Double.POSITIVE_INFINITY, Ffmpeg.psnrY(first, first, 320, 240));
        assertTrue(Ffmpeg.psnrY(first, last, 320, 240) < 30, "testsrc frames differ");
    }

    @Test
    void closingEarlyStopsFfmpegAndFailuresCarryItsStderr() {
        try (Ffmpeg.Frames it = ffmpeg.decodeFrames(raw, 320, 240, "-framerate", "30")) {
            assertTrue(it.hasNext());
            it.next();
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ffmpeg.keyframeTimes(dir.resolve("missing.flv")));
        assertTrue(e.getMessage().contains("missing.flv") && e.getMessage().contains("No such file"), e.getMessage());
    }
}
