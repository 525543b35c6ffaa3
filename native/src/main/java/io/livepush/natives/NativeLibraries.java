package io.livepush.natives;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import io.livepush.natives.KnownLibrary.OperatingSystem;
import io.livepush.natives.openh264.OpenH264Version;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the native libraries of {@link KnownLibrary} by their usual names on this operating system
 * and reports, without throwing, which are present and their versions.
 *
 * <p>Each library is looked up once, on first use, and the result is kept for the life of the JVM
 * (a library installed later is seen after a restart). Thread-safe: any thread may call any method;
 * concurrent first calls for one library look it up once.
 */
public final class NativeLibraries {
    private static final Map<KnownLibrary, Probe> CACHE = new ConcurrentHashMap<>();

    private NativeLibraries() {
    }

    /** A lookup result: the status, and the loaded library when present. */
    private record Probe(NativeLibraryStatus status, NativeLibrary library) {
    }

    /**
     * @param lib the library, never null
     * @return what was found for {@code lib}; never throws, whatever the machine lacks (JNA's own
     *     native part included)
     */
    public static NativeLibraryStatus status(KnownLibrary lib) {
        return probe(lib).status();
    }

    /** @return the status of every {@link KnownLibrary}, in declaration order */
    public static List<NativeLibraryStatus> statuses() {
        List<NativeLibraryStatus> all = new ArrayList<>();
        for (KnownLibrary lib : KnownLibrary.values()) {
            all.add(status(lib));
        }
        return List.copyOf(all);
    }

    /**
     * @param lib the library, never null
     * @return true when {@code lib} was found and loaded
     */
    public static boolean isPresent(KnownLibrary lib) {
        return status(lib).present();
    }

    /**
     * @param lib the library, never null
     * @return the loaded library, for looking up functions
     * @throws UnsatisfiedLinkError with the status's reason (what was tried, how to install) when absent
     */
    public static NativeLibrary library(KnownLibrary lib) {
        Probe p = probe(lib);
        if (p.library() == null) {
            throw new UnsatisfiedLinkError(p.status().reason());
        }
        return p.library();
    }

    /**
     * Maps a JNA interface onto {@code lib}, loaded from the file or name that was found.
     *
     * @param <T> the JNA interface type
     * @param lib the library, never null
     * @param iface the JNA interface whose methods name the library's functions
     * @return the mapped interface, thread-safe
     * @throws UnsatisfiedLinkError with the status's reason when absent
     */
    public static <T extends Library> T load(KnownLibrary lib, Class<T> iface) {
        library(lib);
        return Native.load(status(lib).resolved(), iface);
    }

    /**
     * @return a readable multi-line table of every library: name, present or absent, version and file,
     *     or the reason with the install hint; for {@code livepush devices} and {@code bench}
     */
    public static String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("Native libraries (").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append("):\n");
        for (NativeLibraryStatus s : statuses()) {
            if (s.present()) {
                sb.append(String.format("  %-13s present  %-15s %s%n", s.name(),
                        s.version() != null ? s.version() : "-", s.resolved()));
            } else {
                sb.append(String.format("  %-13s absent   %s%n", s.name(), s.reason()));
            }
        }
        return sb.toString();
    }

    private static Probe probe(KnownLibrary lib) {
        return CACHE.computeIfAbsent(lib, NativeLibraries::lookUp);
    }

    /** Looks {@code lib} up afresh, bypassing and not touching the cache; for tests. */
    static NativeLibraryStatus lookUpUncached(KnownLibrary lib) {
        return lookUp(lib).status();
    }

    private static Probe lookUp(KnownLibrary lib) {
        OperatingSystem os = OperatingSystem.current();
        String name = lib.libraryName();
        List<String> candidates = candidates(lib, os);
        if (candidates.isEmpty()) {
            return new Probe(NativeLibraryStatus.missing(name, lib.fileStem() + " is not used on " + os), null);
        }
        List<String> tried = new ArrayList<>();
        String notable = null;
        for (String candidate : candidates) {
            tried.add(candidate);
            boolean isPath = candidate.indexOf('/') >= 0 || candidate.indexOf('\\') >= 0;
            if (isPath && !Files.isRegularFile(Path.of(candidate))) {
                continue;
            }
            try {
                NativeLibrary loaded = NativeLibrary.getInstance(candidate);
                String resolved = resolvedName(loaded, candidate);
                return new Probe(NativeLibraryStatus.found(name, resolved, version(lib, loaded, resolved)), loaded);
            } catch (UnsatisfiedLinkError e) {
                if (notable == null && isNotable(e.getMessage())) {
                    notable = candidate + ": " + firstLine(e.getMessage());
                }
            } catch (LinkageError | RuntimeException e) {
                // JNA's own native part (jnidispatch) cannot load here: nothing native can.
                return new Probe(NativeLibraryStatus.missing(name,
                        "JNA cannot load native code on this platform (" + firstLine(String.valueOf(e)) + ")"), null);
            }
        }
        String hint = lib.installHint(os);
        String reason = lib.fileStem() + " not found (tried " + String.join(", ", tried) + ")"
                + (notable != null ? "; " + notable : "") + (hint != null ? ": " + hint : "");
        return new Probe(NativeLibraryStatus.missing(name, reason), null);
    }

    private static List<String> candidates(KnownLibrary lib, OperatingSystem os) {
        String override = System.getProperty("livepush.native." + lib.libraryName());
        if (override != null && !override.isBlank()) {
            return List.of(override.trim());
        }
        Set<String> names = new LinkedHashSet<>();
        if (os == OperatingSystem.WINDOWS && lib.windowsPattern() != null) {
            names.addAll(scanPath(lib.windowsPattern()));
        }
        names.addAll(lib.candidates(os));
        return List.copyOf(names);
    }

    /** Versioned files matching {@code pattern} on the PATH and in the working directory, newest first. */
    private static List<String> scanPath(Pattern pattern) {
        List<String> dirs = new ArrayList<>();
        dirs.add(System.getProperty("user.dir", "."));
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(Arrays.asList(path.split(File.pathSeparator)));
        }
        List<String[]> found = new ArrayList<>();
        for (String dir : dirs) {
            String[] files = new File(dir).list();
            if (files == null) {
                continue;
            }
            for (String f : files) {
                Matcher m = pattern.matcher(f);
                if (m.matches()) {
                    found.add(new String[] {new File(dir, f).getAbsolutePath(), m.group(1)});
                }
            }
        }
        found.sort(Comparator.comparing((String[] a) -> versionKey(a[1])).reversed());
        List<String> out = new ArrayList<>();
        for (String[] f : found) {
            out.add(f[0]);
        }
        return out;
    }

    /** Sort key for dotted versions: each number zero-padded so that 2.10.0 sorts after 2.9.1. */
    private static String versionKey(String version) {
        StringBuilder sb = new StringBuilder();
        for (String part : version.split("\\.")) {
            sb.append(String.format("%08d", Long.parseLong(part)));
        }
        return sb.toString();
    }

    private static String resolvedName(NativeLibrary loaded, String candidate) {
        File f = loaded.getFile();
        return f != null && f.isAbsolute() ? f.getPath() : candidate;
    }

    private static boolean isNotable(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return !(m.contains("no such file") || m.contains("not found") || m.contains("cannot find")
                || m.contains("could not be found") || m.contains("image not found"));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).trim();
    }

    /** The library's version through its own call where that is trivial; {@code null} otherwise. */
    private static String version(KnownLibrary lib, NativeLibrary loaded, String resolved) {
        try {
            return switch (lib) {
                case OPENH264 -> openH264Version(loaded);
                case X264 -> x264Build(loaded, resolved);
                case OPUS -> stringCall(loaded, "opus_get_version_string");
                case ASOUND -> stringCall(loaded, "snd_asoundlib_version");
                case PULSE_SIMPLE -> stringCall(loaded, "pa_get_library_version");
                default -> null;
            };
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    private static String openH264Version(NativeLibrary loaded) {
        int major;
        int minor;
        int revision;
        try {
            Function ex = loaded.getFunction("WelsGetCodecVersionEx");
            try (Memory v = new Memory(16)) {
                v.clear();
                ex.invokeVoid(new Object[] {v});
                major = v.getInt(0);
                minor = v.getInt(4);
                revision = v.getInt(8);
            }
        } catch (UnsatisfiedLinkError e) {
            // Releases before 1.4 only return the struct by value.
            Function byValue = loaded.getFunction("WelsGetCodecVersion");
            OpenH264Version v = (OpenH264Version) byValue.invoke(OpenH264Version.ByValue.class, new Object[0]);
            major = v.uMajor;
            minor = v.uMinor;
            revision = v.uRevision;
        }
        return major + "." + minor + "." + revision;
    }

    private static final Pattern X264_SONAME = Pattern.compile("x264(?:\\.so\\.|-)(\\d+)(?:\\.dll)?$");

    /** x264's API is versioned by its build number: in the soname, else in {@code x264_encoder_open_NNN}. */
    private static String x264Build(NativeLibrary loaded, String resolved) {
        Matcher m = X264_SONAME.matcher(resolved);
        if (m.find()) {
            return m.group(1);
        }
        for (int build = 200; build >= 100; build--) {
            try {
                loaded.getFunction("x264_encoder_open_" + build);
                return Integer.toString(build);
            } catch (UnsatisfiedLinkError e) {
                // not this build
            }
        }
        return null;
    }

    private static String stringCall(NativeLibrary loaded, String function) {
        return loaded.getFunction(function).invokeString(new Object[0], false);
    }
}
