package io.livepush.natives.voaacenc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Structure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The JNA structure layouts match what gcc computes from the installed vo-aacenc headers
 * ({@code src/test/c/voaacenc_sizes.c}, needs gcc and {@code apt-get install libvo-aacenc-dev}),
 * and on 64-bit Linux the known LP64 sizes where {@code VO_U32}/{@code VO_S32} are 64-bit.
 */
class VoAacEncLayoutTest {
    private static final Path C_SOURCE = Path.of("src/test/c/voaacenc_sizes.c");
    private static final Path HEADERS = Path.of("/usr/include/vo-aacenc/voAAC.h");

    /** C struct name -> (JNA structure, C field names in order). */
    private static final Map<String, Structure> STRUCTS = new LinkedHashMap<>();

    static {
        STRUCTS.put("VO_CODECBUFFER", new VoCodecBuffer());
        STRUCTS.put("VO_CODEC_INIT_USERDATA", new VoCodecInitUserData());
        STRUCTS.put("VO_AUDIO_FORMAT", new VoAudioFormat());
        STRUCTS.put("VO_AUDIO_OUTPUTINFO", new VoAudioOutputInfo());
        STRUCTS.put("AACENC_PARAM", new AacEncParam());
        STRUCTS.put("VO_AUDIO_CODECAPI", new VoAudioCodecApi());
        STRUCTS.put("VO_MEM_OPERATOR", new VoMemOperator());
    }

    @Test
    void everyStructSizeAndFieldOffsetMatchesGccOnTheRealHeaders() throws Exception {
        Map<String, Long> c = compileAndRunLayoutProgram();
        int checked = 0;
        for (Map.Entry<String, Structure> e : STRUCTS.entrySet()) {
            String cName = e.getKey();
            Structure s = e.getValue();
            assertEquals(c.get("sizeof." + cName), (long) s.size(), "sizeof(" + cName + ")");
            checked++;
            for (String field : s.getClass().getAnnotation(Structure.FieldOrder.class).value()) {
                Long expected = c.get("offsetof." + cName + "." + field);
                assertTrue(expected != null, "C program prints no offset for " + cName + "." + field);
                assertEquals(expected, (long) fieldOffset(s, field), "offsetof(" + cName + ", " + field + ")");
                checked++;
            }
        }
        assertEquals(c.keySet().stream().filter(k -> !k.startsWith("value.")).count(), checked,
                "every size/offset the C program prints is checked");
    }

    @Test
    void constantsMatchTheHeaders() throws Exception {
        Map<String, Long> c = compileAndRunLayoutProgram();
        assertEquals(c.get("value.VO_PID_AAC_ENCPARAM"), (long) VoAacEnc.VO_PID_AAC_ENCPARAM);
        assertEquals(c.get("value.VO_AUDIO_CodingAAC"), (long) VoAacEnc.VO_AUDIO_CODING_AAC);
        assertEquals(c.get("value.VO_IMF_USERMEMOPERATOR"), (long) VoAacEnc.VO_IMF_USERMEMOPERATOR);
        assertEquals(c.get("value.VO_ERR_INPUT_BUFFER_SMALL"), VoAacEnc.VO_ERR_INPUT_BUFFER_SMALL);
        assertEquals(c.get("value.VO_ERR_OUTPUT_BUFFER_SMALL"), VoAacEnc.VO_ERR_OUTPUT_BUFFER_SMALL);
    }

    @Test
    void onLp64LinuxTheLongTypedFieldsAreEightBytesWide() {
        assumeTrue(Platform.isLinux() && Native.LONG_SIZE == 8, "LP64 Linux only");
        // Table: struct, size, and the offset of the field after the first C long / pointer.
        List<Object[]> table = List.of(
                new Object[] {new VoCodecBuffer(), 24, "Time", 16},          // ptr 8 + ulong 8
                new Object[] {new VoCodecInitUserData(), 32, "memData", 8},  // enum 4 + pad 4
                new Object[] {new VoAudioFormat(), 24, "SampleBits", 16},    // 3 x long
                new Object[] {new VoAudioOutputInfo(), 40, "InputUsed", 24}, // format 24 + 2 x ulong
                new Object[] {new AacEncParam(), 12, "adtsUsed", 10},        // int int short short
                new Object[] {new VoAudioCodecApi(), 48, "Uninit", 40},      // 6 function pointers
                new Object[] {new VoMemOperator(), 56, "Move", 48});         // 7 function pointers
        for (Object[] row : table) {
            Structure s = (Structure) row[0];
            assertEquals((int) row[1], s.size(), s.getClass().getSimpleName() + " size");
            assertEquals((int) row[3], fieldOffset(s, (String) row[2]), s.getClass().getSimpleName() + "." + row[2]);
        }
    }

    /** {@code Structure.fieldOffset} is protected; the layout JNA computes is what is under test. */
    private static int fieldOffset(Structure s, String field) {
        try {
            java.lang.reflect.Method m = Structure.class.getDeclaredMethod("fieldOffset", String.class);
            m.setAccessible(true);
            return (int) m.invoke(s, field);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read JNA field offset of " + field, e);
        }
    }

    /** Compiles the C layout program with gcc and parses its "NAME VALUE" lines. */
    private static Map<String, Long> compileAndRunLayoutProgram() throws IOException, InterruptedException {
        assumeTrue(Files.exists(HEADERS), "vo-aacenc headers missing (apt-get install libvo-aacenc-dev)");
        assumeTrue(Files.exists(Path.of("/usr/bin/gcc")), "gcc missing (apt-get install gcc)");
        Path dir = Files.createDirectories(Path.of("target", "voaacenc-layout"));
        Path exe = dir.resolve("voaacenc_sizes");
        run(List.of("/usr/bin/gcc", "-Wall", "-I" + HEADERS.getParent(), "-o", exe.toString(), C_SOURCE.toString()));
        String out = run(List.of(exe.toAbsolutePath().toString()));
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                String[] kv = line.trim().split(" ");
                values.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return values;
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + cmd);
        assertEquals(0, p.exitValue(), cmd + " failed:\n" + out);
        return out;
    }
}
