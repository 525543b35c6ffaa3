package io.livepush.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class NativeLibrariesTest {

    @Test
    void reportNamesEveryKnownLibraryWithoutThrowing() {
        String report = NativeLibraries.report();
        for (KnownLibrary lib : KnownLibrary.values()) {
            assertTrue(report.contains(lib.libraryName()), report);
        }
        System.out.print(report);
    }

    @Test
    void statusesAreCachedAndConsistent() {
        List<NativeLibraryStatus> all = NativeLibraries.statuses();
        assertEquals(KnownLibrary.values().length, all.size());
        for (KnownLibrary lib : KnownLibrary.values()) {
            NativeLibraryStatus s = NativeLibraries.status(lib);
            assertSame(s, NativeLibraries.status(lib), "cached");
            assertEquals(lib.libraryName(), s.name());
            if (s.present()) {
                assertNotNull(s.resolved());
                assertNull(s.reason());
            } else {
                assertNull(s.resolved());
                assertNotNull(s.reason());
                assertThrows(UnsatisfiedLinkError.class, () -> NativeLibraries.library(lib));
            }
        }
    }

    @Test
    void concurrentFirstCallsAgreeOnOneStatus() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<NativeLibraryStatus>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> NativeLibraries.status(KnownLibrary.OPUS));
            }
            NativeLibraryStatus first = null;
            for (Future<NativeLibraryStatus> f : pool.invokeAll(calls)) {
                if (first == null) {
                    first = f.get();
                }
                assertSame(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void openH264ReportsItsOwnVersion() {
        NativeLibraryStatus s = NativeLibraries.status(KnownLibrary.OPENH264);
        Assumptions.assumeTrue(s.present(), s.reason());
        assertTrue(s.version().matches("\\d+\\.\\d+\\.\\d+"), s.version());
        assertTrue(s.describe().startsWith("openh264 " + s.version()), s.describe());
    }

    @Test
    void x264VersionIsItsBuildNumber() {
        NativeLibraryStatus s = NativeLibraries.status(KnownLibrary.X264);
        Assumptions.assumeTrue(s.present(), s.reason());
        assertTrue(s.version().matches("\\d{3}"), s.version());
    }

    @Test
    void missingLibraryNamesWhatWasTriedAndHowToInstall() {
        String key = "livepush.native.vo-aacenc";
        String before = System.getProperty(key);
        System.setProperty(key, "/nonexistent/dir/libvo-aacenc.so.0");
        try {
            NativeLibraryStatus s = NativeLibraries.lookUpUncached(KnownLibrary.VO_AACENC);
            assertFalse(s.present());
            assertNull(s.version());
            assertTrue(s.reason().contains("tried /nonexistent/dir/libvo-aacenc.so.0"), s.reason());
            if (KnownLibrary.OperatingSystem.current() == KnownLibrary.OperatingSystem.LINUX) {
                assertTrue(s.reason().endsWith(": apt-get install libvo-aacenc0"), s.reason());
            }
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }

    @Test
    void candidateNamesFollowTheOperatingSystem() {
        assertEquals("libopenh264.so.7", KnownLibrary.OPENH264.candidates(KnownLibrary.OperatingSystem.LINUX).get(0));
        assertTrue(KnownLibrary.OPENH264.candidates(KnownLibrary.OperatingSystem.MACOS)
                .contains("/opt/homebrew/lib/libopenh264.dylib"));
        assertTrue(KnownLibrary.OPENH264.windowsPattern().matcher("openh264-2.3.1-win64.dll").matches());
        assertEquals("apt-get install libopenh264-7", KnownLibrary.OPENH264.installHint(KnownLibrary.OperatingSystem.LINUX));
        assertTrue(KnownLibrary.ASOUND.candidates(KnownLibrary.OperatingSystem.WINDOWS).isEmpty());
    }
}
