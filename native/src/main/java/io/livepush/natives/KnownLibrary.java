package io.livepush.natives;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The native libraries LivePush can use, with the names each is known by on Linux, macOS and
 * Windows, in the order they are tried, and how to install it on each.
 *
 * <p>A name without a slash is handed to the system loader as is (so it searches its usual
 * directories); an absolute path is tried only when the file exists. On Windows the directories on
 * the {@code PATH} and the working directory are also scanned for {@link #windowsPattern()} (Cisco's
 * release files carry the version in the name: {@code openh264-2.3.1-win64.dll}).
 *
 * <p>The system property {@code livepush.native.NAME} (e.g. {@code -Dlivepush.native.openh264=/opt/
 * cisco/libopenh264-2.4.1-linux64.7.so}) names one file or name to use instead of the list.
 */
public enum KnownLibrary {
    /** Cisco's OpenH264 encoder (BSD): the default H.264 backend. */
    OPENH264("openh264", "libopenh264",
            List.of("libopenh264.so.7", "libopenh264.so.6", "libopenh264.so"),
            List.of("libopenh264.7.dylib", "libopenh264.dylib", "/opt/homebrew/lib/libopenh264.dylib",
                    "/usr/local/lib/libopenh264.dylib"),
            List.of("openh264.dll", "libopenh264.dll"),
            Pattern.compile("openh264-(\\d+\\.\\d+\\.\\d+)-win64\\.dll"),
            "apt-get install libopenh264-7", "brew install openh264",
            "put Cisco's openh264-2.x.y-win64.dll on the PATH"),
    /** x264 (GPL): the opt-in H.264 backend. */
    X264("x264", "libx264",
            List.of("libx264.so.164", "libx264.so.163", "libx264.so.165", "libx264.so.155", "libx264.so"),
            List.of("libx264.dylib", "/opt/homebrew/lib/libx264.dylib", "/usr/local/lib/libx264.dylib"),
            List.of("libx264-164.dll", "libx264.dll", "x264.dll"),
            Pattern.compile("libx264-(\\d+)\\.dll"),
            "apt-get install libx264-164", "brew install x264", "put libx264-NNN.dll on the PATH"),
    /** VisualOn AAC encoder: AAC-LC for RTMP. */
    VO_AACENC("vo-aacenc", "libvo-aacenc",
            List.of("libvo-aacenc.so.0", "libvo-aacenc.so"),
            List.of("libvo-aacenc.0.dylib", "libvo-aacenc.dylib", "/opt/homebrew/lib/libvo-aacenc.dylib",
                    "/usr/local/lib/libvo-aacenc.dylib"),
            List.of("libvo-aacenc-0.dll", "vo-aacenc.dll"),
            null,
            "apt-get install libvo-aacenc0", "brew install vo-aacenc", "put libvo-aacenc-0.dll on the PATH"),
    /** Opus audio codec. */
    OPUS("opus", "libopus",
            List.of("libopus.so.0", "libopus.so"),
            List.of("libopus.0.dylib", "libopus.dylib", "/opt/homebrew/lib/libopus.dylib",
                    "/usr/local/lib/libopus.dylib"),
            List.of("opus.dll", "libopus-0.dll"),
            null,
            "apt-get install libopus0", "brew install opus", "put opus.dll on the PATH"),
    /** PulseAudio's simple API: microphone capture on Linux desktops. */
    PULSE_SIMPLE("pulse-simple", "libpulse-simple",
            List.of("libpulse-simple.so.0", "libpulse-simple.so"),
            List.of("libpulse-simple.0.dylib", "/opt/homebrew/lib/libpulse-simple.0.dylib",
                    "/usr/local/lib/libpulse-simple.0.dylib"),
            List.of(),
            null,
            "apt-get install libpulse0", "brew install pulseaudio", null),
    /** PulseAudio's client library: listing the server's capture devices (sources). */
    PULSE("pulse", "libpulse",
            List.of("libpulse.so.0", "libpulse.so"),
            List.of("libpulse.0.dylib", "/opt/homebrew/lib/libpulse.0.dylib", "/usr/local/lib/libpulse.0.dylib"),
            List.of(),
            null,
            "apt-get install libpulse0", "brew install pulseaudio", null),
    /** ALSA: microphone capture on Linux without a sound server. */
    ASOUND("asound", "libasound",
            List.of("libasound.so.2", "libasound.so"), List.of(), List.of(), null,
            "apt-get install libasound2", null, null),
    /** Xlib: screen capture on X11. */
    X11("X11", "libX11",
            List.of("libX11.so.6", "libX11.so"),
            List.of("/opt/X11/lib/libX11.6.dylib"), List.of(), null,
            "apt-get install libx11-6", "install XQuartz", null),
    /** X extensions library, for MIT-SHM (XShm) fast screen capture. */
    XEXT("Xext", "libXext",
            List.of("libXext.so.6", "libXext.so"),
            List.of("/opt/X11/lib/libXext.6.dylib"), List.of(), null,
            "apt-get install libxext6", "install XQuartz", null);

    private final String libraryName;
    private final String fileStem;
    private final List<String> linuxNames;
    private final List<String> macNames;
    private final List<String> windowsNames;
    private final Pattern windowsPattern;
    private final String linuxHint;
    private final String macHint;
    private final String windowsHint;

    KnownLibrary(String libraryName, String fileStem, List<String> linuxNames, List<String> macNames,
            List<String> windowsNames, Pattern windowsPattern, String linuxHint, String macHint, String windowsHint) {
        this.libraryName = libraryName;
        this.fileStem = fileStem;
        this.linuxNames = linuxNames;
        this.macNames = macNames;
        this.windowsNames = windowsNames;
        this.windowsPattern = windowsPattern;
        this.linuxHint = linuxHint;
        this.macHint = macHint;
        this.windowsHint = windowsHint;
    }

    /** @return the short name used in reports and system properties, e.g. {@code openh264} */
    public String libraryName() {
        return libraryName;
    }

    /** @return the file name stem used in messages, e.g. {@code libopenh264} */
    public String fileStem() {
        return fileStem;
    }

    /**
     * @param os the operating system, never null
     * @return the names tried on the given operating system, in order (may be empty)
     */
    public List<String> candidates(OperatingSystem os) {
        return switch (os) {
            case LINUX, OTHER -> linuxNames;
            case MACOS -> macNames;
            case WINDOWS -> windowsNames;
        };
    }

    /** @return a pattern for versioned Windows file names scanned on the PATH, or {@code null} */
    public Pattern windowsPattern() {
        return windowsPattern;
    }

    /**
     * @param os the operating system, never null
     * @return how to install it on the given operating system, or {@code null} when it has no use there
     */
    public String installHint(OperatingSystem os) {
        return switch (os) {
            case LINUX, OTHER -> linuxHint;
            case MACOS -> macHint;
            case WINDOWS -> windowsHint;
        };
    }

    /** The operating system families the candidate lists are kept for. */
    public enum OperatingSystem {
        /** Linux (and other ELF systems, which share its names). */
        LINUX,
        /** macOS. */
        MACOS,
        /** Windows. */
        WINDOWS,
        /** Anything else: tried with the Linux names. */
        OTHER;

        /** @return the family of the running JVM, from {@code os.name} */
        public static OperatingSystem current() {
            String name = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            if (name.startsWith("linux")) {
                return LINUX;
            }
            if (name.startsWith("mac") || name.startsWith("darwin")) {
                return MACOS;
            }
            if (name.startsWith("windows")) {
                return WINDOWS;
            }
            return OTHER;
        }
    }
}
