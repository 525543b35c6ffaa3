package io.livepush.capture.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livepush.capture.testing.Interop;
import io.livepush.natives.alsa.Asound;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ALSA backend for real, without a sound card: a {@code file}-type PCM reading a raw file
 * (PEERS.md), defined in a config named by {@code ALSA_CONFIG_PATH}. libasound reads that variable
 * when it first opens a PCM, so each case runs in a forked JVM ({@link AlsaFileCaptureMain}) whose
 * environment has it from the start.
 */
class AlsaFileCaptureIT {
    @TempDir
    Path dir;
    private Path config;
    private Path input;
    private byte[] inputBytes;

    @BeforeEach
    void writeConfigAndWaveform() throws Exception {
        Interop.assumePeer(Asound.unavailableReason() == null, "libasound (apt-get install libasound2)");
        // A known waveform: 1 s of 48 kHz stereo, left a 1 kHz sine, right a ramp, so order and channels both show.
        ByteBuffer b = ByteBuffer.allocate(48_000 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 48_000; i++) {
            b.putShort((short) Math.round(12_000 * Math.sin(2 * Math.PI * 1000 * i / 48_000.0)));
            b.putShort((short) (i * 7 - 20_000));
        }
        inputBytes = b.array();
        input = Files.write(dir.resolve("IN.raw"), inputBytes);
        config = Files.writeString(dir.resolve("asound.conf"), "pcm.filecap {\n  type file\n  slave.pcm { type null }\n"
                + "  file \"/dev/null\"\n  infile \"" + input + "\"\n  format \"raw\"\n"
                + "  hint { show on description \"LivePush file capture\" }\n}\n", StandardCharsets.US_ASCII);
    }

    private List<String> run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AlsaFileCaptureMain.class.getName()));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("fork.log").toFile());
        pb.environment().put("ALSA_CONFIG_PATH", config.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "forked JVM finished");
        List<String> lines = Files.readAllLines(dir.resolve("fork.log"));
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        return lines;
    }

    private static String line(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(
                () -> new AssertionError("no '" + prefix + "' line in " + lines));
    }

    @Test
    void theAlsaBackendReadsTheFilePcmByteForByte() throws Exception {
        Path out = dir.resolve("OUT.raw");
        List<String> lines = run("read", "filecap", "24000", "48000", "2", out.toString());
        assertEquals("format 48000 2 xruns 0", line(lines, "format"));
        byte[] got = Files.readAllBytes(out);
        assertEquals(24_000 * 4, got.length);
        assertArrayEquals(Arrays.copyOf(inputBytes, got.length), got);
    }

    @Test
    void aMicrophoneOnTheAlsaBackendDeliversTheFileSamples() throws Exception {
        String mic = line(run("mic", "filecap"), "mic");
        assertTrue(mic.startsWith("mic ALSA filecap nonzero "), mic);
        assertTrue(Long.parseLong(mic.substring(mic.lastIndexOf(' ') + 1)) > 0, mic);
    }

    @Test
    void anUnknownAlsaDeviceIsRefusedWithTheDevicesFound() throws Exception {
        List<String> lines = run("unknown", "nosuchpcm");
        String error = line(lines, "error");
        assertTrue(error.contains("'nosuchpcm'") && error.contains("alsa:filecap"), error);
    }
}
