package io.livepush.natives.x11;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The XFIXES extension (libXfixes.so.3), for the mouse cursor's image and position, which
 * {@code XGetImage} never includes.
 */
public interface XFixes extends Library {
    /**
     * Loads libXfixes.
     *
     * @return the loaded library
     * @throws UnsatisfiedLinkError when libXfixes is not installed ({@code apt-get install libxfixes3})
     */
    static XFixes load() {
        return Native.load("Xfixes", XFixes.class);
    }

    /**
     * {@code Bool XFixesQueryExtension(Display *, int *event_base, int *error_base)}.
     *
     * @param display the connection
     * @param eventBase receives the first event code of the extension
     * @param errorBase receives the first error code of the extension
     * @return non-zero when the server has XFIXES, 0 when not
     */
    int XFixesQueryExtension(Pointer display, IntByReference eventBase, IntByReference errorBase);

    /**
     * {@code XFixesCursorImage *XFixesGetCursorImage(Display *)}: the current cursor, freed with
     * {@link Xlib#XFree}; read it with {@link XFixesCursorImage}.
     *
     * @param display the connection
     * @return null when the server cannot tell
     */
    Pointer XFixesGetCursorImage(Pointer display);
}
