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
     * @throws UnsatisfiedLinkError when libXfixes is not installed ({@code apt-get install libxfixes3})
     */
    static XFixes load() {
        return Native.load("Xfixes", XFixes.class);
    }

    /** {@code Bool XFixesQueryExtension(Display *, int *event_base, int *error_base)}. */
    int XFixesQueryExtension(Pointer display, IntByReference eventBase, IntByReference errorBase);

    /**
     * {@code XFixesCursorImage *XFixesGetCursorImage(Display *)}: the current cursor, freed with
     * {@link Xlib#XFree}; read it with {@link XFixesCursorImage}.
     *
     * @return null when the server cannot tell
     */
    Pointer XFixesGetCursorImage(Pointer display);
}
