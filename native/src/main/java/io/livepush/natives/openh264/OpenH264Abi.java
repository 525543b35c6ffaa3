package io.livepush.natives.openh264;

/**
 * Which OpenH264 releases these bindings fit.
 *
 * <p>The structs are those of release 2.3.1 (soname {@code libopenh264.so.7}, Debian 12), and they are
 * the same in every release from 2.0.0 through 2.5.x, except that 2.0.0 to 2.2.0 end
 * {@code SEncParamExt} four bytes earlier (before {@code bFixRCOverShoot}): those releases read and
 * write only their shorter struct, so the binding's larger one is safe. Release 2.6.0 (soname
 * {@code .so.8}) added PSNR members to {@code SEncParamExt}, {@code SSourcePicture} and
 * {@code SLayerBSInfo}, which moves every layer record of {@code SFrameBSInfo}: it must not be driven
 * with these structs. Releases before 2.0 differ too.
 */
public final class OpenH264Abi {
    /** The release whose headers the bindings were checked against. */
    public static final String BINDINGS_VERSION = "2.3.1";

    private OpenH264Abi() {
    }

    /**
     * @param version the library's own version, e.g. {@code 2.3.1}, or {@code null} when unknown
     * @return {@code null} when these bindings fit that release, else a one-line reason
     */
    public static String unsupportedReason(String version) {
        if (version == null) {
            return "libopenh264 did not report its version (releases before 1.4 cannot); "
                    + "these bindings need OpenH264 2.0 to 2.5";
        }
        String[] parts = version.split("\\.");
        int major;
        int minor;
        try {
            major = Integer.parseInt(parts[0]);
            minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return "libopenh264 reported an unreadable version '" + version + "'";
        }
        if (major == 2 && minor <= 5) {
            return null;
        }
        return "libopenh264 " + version + " has a different struct layout; these bindings need OpenH264 2.0 to 2.5"
                + " (e.g. apt-get install libopenh264-7, which is 2.3.1 on Debian 12)";
    }
}
