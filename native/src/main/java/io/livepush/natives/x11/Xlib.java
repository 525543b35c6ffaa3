package io.livepush.natives.x11;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The Xlib calls screen capture needs (libX11.so.6). A {@code Display*} is a {@link Pointer}; XIDs
 * ({@code Window}, {@code Drawable}) are {@code unsigned long}, mapped to {@link NativeLong}.
 *
 * <p>Xlib is not thread-safe per display: one thread uses a {@code Display*} at a time.
 */
public interface Xlib extends Library {
    /** {@code ZPixmap}: images as packed pixels. */
    int Z_PIXMAP = 2;
    /** {@code AllPlanes}: the plane mask that reads every bit. */
    NativeLong ALL_PLANES = new NativeLong(-1L);

    /**
     * Loads libX11.
     *
     * @return the loaded library
     * @throws UnsatisfiedLinkError when libX11 is not installed ({@code apt-get install libx11-6})
     */
    static Xlib load() {
        return Native.load("X11", Xlib.class);
    }

    /**
     * {@code Display *XOpenDisplay(char *name)}; {@code null} name means {@code $DISPLAY}.
     *
     * @param name the display, e.g. {@code :0}, or {@code null} for {@code $DISPLAY}
     * @return the connection, or null on failure
     */
    Pointer XOpenDisplay(String name);

    /**
     * {@code int XCloseDisplay(Display *)}.
     *
     * @param display the connection; not usable afterwards
     * @return 0 (Xlib reports no failure here)
     */
    int XCloseDisplay(Pointer display);

    /**
     * {@code Window XDefaultRootWindow(Display *)}.
     *
     * @param display the connection
     * @return the root window of the default screen
     */
    NativeLong XDefaultRootWindow(Pointer display);

    /**
     * {@code Status XGetWindowAttributes(Display *, Window, XWindowAttributes *)}; non-zero on success.
     *
     * @param display the connection
     * @param window the window, e.g. the root window
     * @param attributes receives the attributes (size, depth, visual)
     * @return non-zero on success, 0 on failure
     */
    int XGetWindowAttributes(Pointer display, NativeLong window, XWindowAttributes attributes);

    /**
     * {@code XImage *XGetImage(Display *, Drawable, int x, int y, unsigned w, unsigned h,
     * unsigned long plane_mask, int format)}: a new client-side image, freed with {@link #XDestroyImage}.
     *
     * @param display the connection
     * @param drawable the window to read, e.g. the root window
     * @param x the area's left edge in the drawable
     * @param y the area's top edge in the drawable
     * @param width the area's width in pixels
     * @param height the area's height in pixels
     * @param planeMask the planes to read; all ones for every plane
     * @param format {@link #Z_PIXMAP}
     * @return null when the area is not inside the drawable
     */
    Pointer XGetImage(Pointer display, NativeLong drawable, int x, int y, int width, int height,
            NativeLong planeMask, int format);

    /**
     * {@code int XDestroyImage(XImage *)}: frees the image and its data.
     *
     * @param image an image from {@link #XGetImage} or {@link XShm#XShmCreateImage}; not usable afterwards
     * @return 1 (Xlib reports no failure here)
     */
    int XDestroyImage(Pointer image);

    /**
     * {@code int XFree(void *)}: frees memory Xlib returned.
     *
     * @param data memory returned by Xlib or an extension, e.g. a cursor image
     * @return 1 (Xlib reports no failure here)
     */
    int XFree(Pointer data);

    /**
     * {@code int XSync(Display *, Bool discard)}: waits until the server has handled every request.
     *
     * @param display the connection
     * @param discard 1 to drop queued events, 0 to keep them
     * @return 1 (Xlib reports no failure here)
     */
    int XSync(Pointer display, int discard);

    /**
     * {@code XErrorHandler XSetErrorHandler(XErrorHandler)}: replaces the process-wide handler.
     *
     * @param handler the new handler, called on the thread whose request failed; {@code null} restores the default
     * @return the previous handler
     */
    Pointer XSetErrorHandler(XErrorHandler handler);

    /**
     * {@code XIOErrorHandler XSetIOErrorHandler(XIOErrorHandler)}: replaces the process-wide handler for
     * a lost connection. The default one prints "XIO: fatal IO error" and exits the process; one that
     * returns lets Xlib go on to the display's {@link #XSetIOErrorExitHandler exit handler}.
     *
     * @param handler the new handler, called on the thread that saw the loss; {@code null} restores the default
     * @return the previous handler
     */
    Pointer XSetIOErrorHandler(XIOErrorHandler handler);

    /** {@code int (*XIOErrorHandler)(Display *)}. */
    interface XIOErrorHandler extends Callback {
        /**
         * @param display the display whose connection was lost
         * @return ignored
         */
        int invoke(Pointer display);
    }

    /**
     * {@code void XSetIOErrorExitHandler(Display *, XIOErrorExitHandler, void *user_data)} (libX11 1.7+):
     * called instead of {@code exit()} when the connection to the server is lost. When it returns,
     * Xlib returns from the failed call and the display must not be used again (except to be
     * abandoned).
     *
     * @param display the connection to watch
     * @param handler called on the thread that saw the loss
     * @param userData passed to {@code handler} unchanged, may be {@code null}
     */
    void XSetIOErrorExitHandler(Pointer display, XIOErrorExitHandler handler, Pointer userData);

    /** {@code void (*XIOErrorExitHandler)(Display *, void *user_data)}. */
    interface XIOErrorExitHandler extends Callback {
        /**
         * @param display the display whose connection was lost
         * @param userData what was registered
         */
        void invoke(Pointer display, Pointer userData);
    }

    /**
     * {@code int (*XErrorHandler)(Display *, XErrorEvent *)}: called for protocol errors (e.g. a
     * failed {@code XShmAttach}); the default handler exits the process.
     */
    interface XErrorHandler extends Callback {
        /**
         * @param display the display
         * @param event the {@code XErrorEvent}; its {@code error_code} byte is at offset 32 on LP64
         * @return ignored
         */
        int invoke(Pointer display, Pointer event);
    }
}
