package io.livepush.natives;

/**
 * What {@link NativeLibraries} found for one native library. Immutable.
 *
 * @param name the library's short name, e.g. {@code openh264} (see {@link KnownLibrary#libraryName()})
 * @param present true when the library was found and loaded
 * @param resolved the file or name it was loaded from, e.g. {@code libopenh264.so.7}; {@code null}
 *     when absent
 * @param version the library's own version where it reports one cheaply (OpenH264 {@code 2.3.1},
 *     x264 build {@code 164}, Opus {@code libopus 1.3.1}); {@code null} when absent or unknown
 * @param reason when absent: one line naming what was tried and how to install it, e.g.
 *     {@code "libopenh264 not found (tried libopenh264.so.7, libopenh264.so.6, libopenh264.so):
 *     apt-get install libopenh264-7"}; {@code null} when present
 */
public record NativeLibraryStatus(String name, boolean present, String resolved, String version, String reason) {

    /**
     * @param name the library's short name, e.g. {@code openh264}
     * @param resolved the file or name it was loaded from, e.g. {@code libopenh264.so.7}
     * @param version the library's own version, or {@code null} when unknown
     * @return the status of a library that was found
     */
    public static NativeLibraryStatus found(String name, String resolved, String version) {
        return new NativeLibraryStatus(name, true, resolved, version, null);
    }

    /**
     * @param name the library's short name, e.g. {@code openh264}
     * @param reason one line naming what was tried and how to install it
     * @return the status of a library that was not found, with the reason and install hint
     */
    public static NativeLibraryStatus missing(String name, String reason) {
        return new NativeLibraryStatus(name, false, null, null, reason);
    }

    /** @return one readable line, e.g. {@code openh264 2.3.1 (libopenh264.so.7)} or the reason */
    public String describe() {
        if (!present) {
            return name + ": absent: " + reason;
        }
        return name + (version != null ? " " + version : "") + " (" + resolved + ")";
    }
}
