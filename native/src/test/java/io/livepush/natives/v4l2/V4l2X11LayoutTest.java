package io.livepush.natives.v4l2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livepush.natives.NativeStruct;
import io.livepush.natives.libc.MallInfo2;
import io.livepush.natives.libc.PollFd;
import io.livepush.natives.libc.Posix;
import io.livepush.natives.x11.XFixesCursorImage;
import io.livepush.natives.x11.XImage;
import io.livepush.natives.x11.XShmSegmentInfo;
import io.livepush.natives.x11.XWindowAttributes;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The libc (incl. glibc's {@code mallinfo2}), V4L2 and X11 structures and constants match what gcc computes from the installed headers
 * ({@code src/test/c/v4l2_x11_layout.c}; needs gcc, linux-libc-dev, libx11-dev, libxext-dev,
 * libxfixes-dev). Every size and offset the C program prints must equal the JNA layout; every JNA
 * field not ending in {@code _} (padding and union remainders) must be printed by the C program.
 */
class V4l2X11LayoutTest {
    private static final Path C_SOURCE = Path.of("src/test/c/v4l2_x11_layout.c");
    private static final Map<String, NativeStruct> STRUCTS = new LinkedHashMap<>();
    private static Map<String, Long> c;

    static {
        STRUCTS.put("pollfd", new PollFd());
        STRUCTS.put("mallinfo2", new MallInfo2());
        STRUCTS.put("v4l2_capability", new V4l2Capability());
        STRUCTS.put("v4l2_fmtdesc", new V4l2FmtDesc());
        STRUCTS.put("v4l2_format", new V4l2Format());
        STRUCTS.put("v4l2_requestbuffers", new V4l2RequestBuffers());
        STRUCTS.put("v4l2_buffer", new V4l2Buffer());
        STRUCTS.put("v4l2_frmsizeenum", new V4l2FrmSizeEnum());
        STRUCTS.put("v4l2_frmivalenum", new V4l2FrmIvalEnum());
        STRUCTS.put("v4l2_streamparm", new V4l2StreamParm());
        STRUCTS.put("XImage", new XImage());
        STRUCTS.put("XWindowAttributes", new XWindowAttributes());
        STRUCTS.put("XShmSegmentInfo", new XShmSegmentInfo());
        STRUCTS.put("XFixesCursorImage", new XFixesCursorImage());
    }

    @BeforeAll
    static void compileLayoutProgram() throws Exception {
        for (String h : List.of("/usr/include/linux/videodev2.h", "/usr/include/X11/Xlib.h",
                "/usr/include/X11/extensions/XShm.h", "/usr/include/X11/extensions/Xfixes.h")) {
            assumeTrue(Files.exists(Path.of(h)), h + " missing (apt-get install linux-libc-dev libx11-dev "
                    + "libxext-dev libxfixes-dev)");
        }
        assumeTrue(Files.exists(Path.of("/usr/bin/gcc")), "gcc missing (apt-get install gcc)");
        c = compileAndRun();
    }

    @Test
    void everyStructSizeAndFieldOffsetMatchesGccOnTheRealHeaders() {
        int checked = 0;
        for (Map.Entry<String, NativeStruct> e : STRUCTS.entrySet()) {
            String name = e.getKey();
            NativeStruct s = e.getValue();
            assertEquals(c.get("sizeof." + name), (long) s.size(), "sizeof(" + name + ")");
            checked++;
            for (String field : s.fieldNames()) {
                Long expected = c.get("offsetof." + name + "." + field);
                if (field.endsWith("_")) {
                    assertEquals(null, expected, "padding field " + field + " has a C name");
                    continue;
                }
                assertTrue(expected != null, "C program prints no offset for " + name + "." + field);
                assertEquals(expected, (long) s.offsetOf(field), "offsetof(" + name + ", " + field + ")");
                checked++;
            }
        }
        assertEquals(c.keySet().stream().filter(k -> !k.startsWith("value.")).count(), checked,
                "every size/offset the C program prints is checked");
    }

    @Test
    void ioctlNumbersComputedFromTheMacrosEqualTheHeaders() throws Exception {
        int n = 0;
        for (Field f : V4l2.class.getFields()) {
            if (f.getName().startsWith("VIDIOC_")) {
                assertEquals(c.get("value." + f.getName()), f.getLong(null), f.getName());
                n++;
            }
        }
        assertEquals(15, n, "ioctl numbers checked");
    }

    @Test
    void everyIntConstantOfV4l2AndPosixEqualsTheHeaders() throws Exception {
        int n = 0;
        for (Class<?> type : List.of(V4l2.class, Posix.class)) {
            for (Field f : type.getFields()) {
                boolean intLike = f.getType() == int.class || f.getType() == short.class;
                if (Modifier.isStatic(f.getModifiers()) && intLike) {
                    Long expected = c.get("value." + f.getName());
                    assertTrue(expected != null, "C program prints no value for " + f.getName());
                    assertEquals(expected.longValue(), Integer.toUnsignedLong(((Number) f.get(null)).intValue()),
                            type.getSimpleName() + "." + f.getName());
                    n++;
                }
            }
        }
        assertTrue(n >= 40, "constants checked: " + n);
    }

    @Test
    void fourccPacksLittleEndianAndRejectsWhatIsNotFourPrintableCharacters() {
        assertEquals(0x56595559, V4l2.fourcc("YUYV"));
        assertEquals("MJPG", V4l2.fourccName(V4l2.V4L2_PIX_FMT_MJPEG));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> V4l2.fourcc("YUY"));
        assertTrue(e.getMessage().contains("'YUY'") && e.getMessage().contains("4 printable"), e.getMessage());
    }

    @Test
    void ioctlMacroRejectsAnArgumentSizeItCannotEncode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ioctl.iowr('V', 1, 16384));
        assertTrue(e.getMessage().contains("size=16384") && e.getMessage().contains("0..16383"), e.getMessage());
    }

    private static Map<String, Long> compileAndRun() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("target", "v4l2-x11-layout"));
        Path exe = dir.resolve("v4l2_x11_layout");
        run(List.of("/usr/bin/gcc", "-Wall", "-o", exe.toString(), C_SOURCE.toString()));
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : run(List.of(exe.toAbsolutePath().toString())).split("\n")) {
            if (!line.isBlank()) {
                String[] kv = line.trim().split(" ");
                values.put(kv[0], Long.parseUnsignedLong(kv[1]));
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
