package io.livepush.natives.openh264;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import io.livepush.natives.NativeStruct;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JNA structs and constants of the OpenH264 binding match the C header byte for byte.
 *
 * <p>The expected numbers are what {@code src/test/c/openh264_layout.c} printed when compiled by gcc
 * against libopenh264-dev 2.3.1 on x86_64 Linux (checked in as a resource, so this runs anywhere);
 * {@link #checkedInLayoutIsWhatTheCompilerSaysNow} recompiles it when gcc and the header are present.
 */
class OpenH264StructLayoutTest {
    private static final String LAYOUT = "openh264-2.3.1-layout.txt";
    private static final String HEADER = "/usr/include/wels/codec_api.h";

    @Test
    void everyStructSizeAndFieldOffsetMatchesTheCHeader() throws IOException {
        Assumptions.assumeTrue(Native.POINTER_SIZE == 8, "the checked-in layout is for 64-bit platforms");
        Map<String, Long> layout = parse(readResource());
        int sizes = 0;
        int offsets = 0;
        for (Map.Entry<String, Long> e : layout.entrySet()) {
            String[] key = e.getKey().split("\\.");
            if (key[1].equals("ISVCEncoderVtbl")) {
                continue;
            }
            if (key[0].equals("sizeof")) {
                assertEquals(e.getValue().intValue(), struct(key[1]).size(), "sizeof(" + key[1] + ")");
                sizes++;
            } else if (key[0].equals("offsetof")) {
                assertEquals(e.getValue().intValue(), struct(key[1]).offsetOf(key[2]),
                        "offsetof(" + key[1] + ", " + key[2] + ")");
                offsets++;
            }
        }
        assertEquals(9, sizes, "structs checked");
        assertTrue(offsets > 90, "field offsets checked: " + offsets);
    }

    @Test
    void everyJavaFieldOfEachStructIsCheckedAgainstTheHeader() throws IOException {
        Map<String, Long> layout = parse(readResource());
        for (String name : List.of("OpenH264Version", "SSliceArgument", "SSpatialLayerConfig", "SEncParamBase",
                "SEncParamExt", "SSourcePicture", "SLayerBSInfo", "SFrameBSInfo", "SBitrateInfo")) {
            for (String field : struct(name).fieldNames()) {
                assertTrue(layout.containsKey("offsetof." + name + "." + field),
                        name + "." + field + " has no C offset in " + LAYOUT);
            }
        }
    }

    @Test
    void functionTableHasNineSlotsInHeaderOrder() throws IOException {
        Map<String, Long> layout = parse(readResource());
        List<String> slots = List.of("Initialize", "InitializeExt", "GetDefaultParams", "Uninitialize", "EncodeFrame",
                "EncodeParameterSets", "ForceIntraFrame", "SetOption", "GetOption");
        assertEquals(9L * 8, layout.get("sizeof.ISVCEncoderVtbl"));
        for (int i = 0; i < slots.size(); i++) {
            assertEquals(i * 8L, layout.get("offsetof.ISVCEncoderVtbl." + slots.get(i)), slots.get(i));
        }
    }

    @Test
    void everyConstantMatchesTheCHeader() throws Exception {
        Map<String, Long> layout = parse(readResource());
        int checked = 0;
        for (Map.Entry<String, Long> e : layout.entrySet()) {
            if (!e.getKey().startsWith("const.")) {
                continue;
            }
            String name = e.getKey().substring("const.".length());
            Field f = constant(name);
            assertNotNull(f, name + " is missing from CodecAppDef/CodecDef");
            assertEquals(e.getValue().intValue(), f.getInt(null), name);
            checked++;
        }
        assertTrue(checked > 80, "constants checked: " + checked);
    }

    @Test
    void checkedInLayoutIsWhatTheCompilerSaysNow(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(Path.of(HEADER)), "no " + HEADER + " (apt-get install libopenh264-dev)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "no gcc");
        Path exe = dir.resolve("openh264_layout");
        String compile = run(dir, "/usr/bin/gcc", "-o", exe.toString(), Path.of("src/test/c/openh264_layout.c").toAbsolutePath().toString());
        assertTrue(Files.isExecutable(exe), "gcc failed: " + compile);
        String printed = run(dir, exe.toString());
        Map<String, Long> live = parse(printed);
        Assumptions.assumeTrue("2.3.1".equals(versionLine(printed)),
                "installed headers are OpenH264 " + versionLine(printed) + ", the checked-in layout is 2.3.1");
        assertEquals(parse(readResource()), live, "re-run src/test/c/openh264_layout.c into " + LAYOUT);
    }

    private static Field constant(String name) {
        for (Class<?> c : List.of(CodecAppDef.class, CodecDef.class)) {
            try {
                return c.getField(name);
            } catch (NoSuchFieldException e) {
                // try the next header
            }
        }
        return null;
    }

    private static NativeStruct struct(String name) {
        try {
            return (NativeStruct) Class.forName("io.livepush.natives.openh264." + name).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no binding for " + name, e);
        }
    }

    private static String readResource() throws IOException {
        try (InputStream in = OpenH264StructLayoutTest.class.getResourceAsStream(LAYOUT)) {
            assertNotNull(in, LAYOUT);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Long> parse(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] kv = line.trim().split(" ");
            if (kv.length == 2 && !kv[0].equals("version")) {
                out.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return out;
    }

    private static String versionLine(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("version ")) {
                return line.substring(8).trim();
            }
        }
        return "?";
    }

    private static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cmd));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        return new String(out, StandardCharsets.UTF_8);
    }
}
