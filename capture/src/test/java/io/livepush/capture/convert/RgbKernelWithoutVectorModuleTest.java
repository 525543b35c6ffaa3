package io.livepush.capture.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The scalar path in JVMs that must not touch the vector kernel: a child JVM started without
 * {@code --add-modules jdk.incubator.vector}, and one with the module but
 * {@code -Dlivepush.convert.kernel=scalar}. Class loading is watched with {@code -verbose:class}.
 */
class RgbKernelWithoutVectorModuleTest {
    @Test
    void withoutTheModuleTheConverterIsScalarAndNeverLoadsTheVectorKernel() throws Exception {
        String out = runProbe(List.of());
        assertTrue(out.contains("kernel=scalar (jdk.incubator.vector is not in the boot layer; start the JVM with "
                + "--add-modules jdk.incubator.vector)"), out);
        assertTrue(out.contains("available=false"), out);
        assertTrue(out.contains("vector=refused: the vector kernel is not available: jdk.incubator.vector"), out);
        assertFalse(out.contains("VectorRgbKernel"), "vector kernel class loaded:\n" + out);
        assertFalse(out.contains("jdk.incubator.vector.IntVector"), "Vector API loaded:\n" + out);
        assertEquals("crc=" + ScalarOnlyProbe.crc(new RgbToI420(RgbLayout.BGRA, ScalarOnlyProbe.W,
                RgbToI420.Kernel.SCALAR)), crcLine(out), "scalar-only JVM's output");
    }

    @Test
    void thePropertyScalarKeepsTheVectorKernelUnloadedEvenWithTheModule() throws Exception {
        String out = runProbe(List.of("--add-modules", "jdk.incubator.vector", "-Dlivepush.convert.kernel=scalar"));
        assertTrue(out.contains("kernel=scalar (livepush.convert.kernel=scalar)"), out);
        assertTrue(out.contains("vector=refused"), out);
        assertFalse(out.contains("VectorRgbKernel"), "vector kernel class loaded:\n" + out);
    }

    @Test
    void anUnknownPropertyValueIsNamedInTheKernelReport() throws Exception {
        String out = runProbe(List.of("--add-modules", "jdk.incubator.vector", "-Dlivepush.convert.kernel=fast"));
        assertTrue(out.contains("kernel=scalar (livepush.convert.kernel=fast is not understood (expected auto or scalar))"),
                out);
    }

    private static String runProbe(List<String> jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-verbose:class");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(location(RgbToI420.class) + File.pathSeparator + location(ScalarOnlyProbe.class));
        cmd.add(ScalarOnlyProbe.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not end:\n" + out);
        assertEquals(0, p.exitValue(), "probe failed:\n" + out);
        return out;
    }

    private static String crcLine(String out) {
        return out.lines().filter(l -> l.startsWith("crc=")).findFirst().orElse("no crc line in:\n" + out);
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
