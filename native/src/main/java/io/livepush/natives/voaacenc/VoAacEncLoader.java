package io.livepush.natives.voaacenc;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.util.ArrayList;
import java.util.List;

/** Loads vo-aacenc once, on first use, and remembers which file loaded or why none did. */
final class VoAacEncLoader {
    static final VoAacEncLoader INSTANCE = new VoAacEncLoader();

    final VoAacEncLibrary library;
    final String name;
    final String failure;

    private VoAacEncLoader() {
        VoAacEncLibrary found = null;
        String foundName = null;
        List<String> tried = new ArrayList<>();
        for (String n : VoAacEncLibrary.LIBRARY_NAMES) {
            try {
                found = Native.load(n, VoAacEncLibrary.class);
                foundName = n;
                break;
            } catch (UnsatisfiedLinkError e) {
                tried.add(n);
            }
        }
        this.library = found;
        this.name = foundName;
        this.failure = found != null ? null
                : "vo-aacenc not found (tried " + String.join(", ", tried) + "): " + VoAacEncLibrary.INSTALL_HINT;
    }

    NativeLibrary nativeLibrary() {
        if (library == null) {
            throw new UnsatisfiedLinkError(failure);
        }
        return NativeLibrary.getInstance(name);
    }
}
