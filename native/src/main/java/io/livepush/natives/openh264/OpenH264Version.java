package io.livepush.natives.openh264;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import io.livepush.natives.NativeStruct;

/** {@code OpenH264Version} (codec_app_def.h): the library's version, e.g. 2.3.1. */
@FieldOrder({"uMajor", "uMinor", "uRevision", "uReserved"})
public class OpenH264Version extends NativeStruct {
    /** unsigned int: major version. */
    public int uMajor;
    /** unsigned int: minor version. */
    public int uMinor;
    /** unsigned int: revision. */
    public int uRevision;
    /** unsigned int: reserved, 0 (some builds put a build number here). */
    public int uReserved;

    /** By-value form, for {@code WelsGetCodecVersion()}, which returns the struct itself. */
    public static class ByValue extends OpenH264Version implements Structure.ByValue {
    }
}
