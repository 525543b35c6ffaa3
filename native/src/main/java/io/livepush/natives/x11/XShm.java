package io.livepush.natives.x11;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The MIT-SHM extension (libXext.so.6): the X server writes screen pixels straight into a System V
 * shared memory segment the client mapped, so a capture costs no socket copy. Only works when
 * client and server share a machine.
 */
public interface XShm extends Library {
    /**
     * Loads libXext.
     *
     * @return the loaded library
     * @throws UnsatisfiedLinkError when libXext is not installed ({@code apt-get install libxext6})
     */
    static XShm load() {
        return Native.load("Xext", XShm.class);
    }

    /**
     * {@code Bool XShmQueryExtension(Display *)}: non-zero when the server has MIT-SHM.
     *
     * @param display the connection
     * @return non-zero when the server has MIT-SHM, 0 when not
     */
    int XShmQueryExtension(Pointer display);

    /**
     * {@code XImage *XShmCreateImage(Display *, Visual *, unsigned depth, int format, char *data,
     * XShmSegmentInfo *, unsigned width, unsigned height)}: an image whose data will live in the
     * segment; pass {@code null} data and set it to {@code shmaddr} afterwards.
     *
     * @param display the connection
     * @param visual the visual of the drawable to read
     * @param depth the drawable's depth in bits, e.g. 24
     * @param format {@link Xlib#Z_PIXMAP}
     * @param data {@code null}; set the image's data to {@code shmaddr} afterwards
     * @param shminfo the segment the image will live in
     * @param width the image width in pixels
     * @param height the image height in pixels
     * @return the image, freed with {@link Xlib#XDestroyImage}, or null on failure
     */
    Pointer XShmCreateImage(Pointer display, Pointer visual, int depth, int format, Pointer data,
            XShmSegmentInfo shminfo, int width, int height);

    /**
     * {@code Bool XShmAttach(Display *, XShmSegmentInfo *)}: the server maps the segment too.
     *
     * @param display the connection
     * @param shminfo the segment, mapped by the client already
     * @return non-zero on success, 0 on failure
     */
    int XShmAttach(Pointer display, XShmSegmentInfo shminfo);

    /**
     * {@code Bool XShmDetach(Display *, XShmSegmentInfo *)}.
     *
     * @param display the connection
     * @param shminfo the attached segment
     * @return non-zero on success, 0 on failure
     */
    int XShmDetach(Pointer display, XShmSegmentInfo shminfo);

    /**
     * {@code Bool XShmGetImage(Display *, Drawable, XImage *, int x, int y, unsigned long plane_mask)}:
     * fills the image with the drawable's pixels at (x, y); non-zero on success.
     *
     * @param display the connection
     * @param drawable the window to read, e.g. the root window
     * @param image an image from {@link #XShmCreateImage}; its size is the area read
     * @param x the area's left edge in the drawable
     * @param y the area's top edge in the drawable
     * @param planeMask the planes to read; all ones for every plane
     * @return non-zero on success, 0 on failure
     */
    int XShmGetImage(Pointer display, NativeLong drawable, Pointer image, int x, int y, NativeLong planeMask);
}
