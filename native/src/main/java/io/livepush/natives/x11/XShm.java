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
     * @throws UnsatisfiedLinkError when libXext is not installed ({@code apt-get install libxext6})
     */
    static XShm load() {
        return Native.load("Xext", XShm.class);
    }

    /** {@code Bool XShmQueryExtension(Display *)}: non-zero when the server has MIT-SHM. */
    int XShmQueryExtension(Pointer display);

    /**
     * {@code XImage *XShmCreateImage(Display *, Visual *, unsigned depth, int format, char *data,
     * XShmSegmentInfo *, unsigned width, unsigned height)}: an image whose data will live in the
     * segment; pass {@code null} data and set it to {@code shmaddr} afterwards.
     */
    Pointer XShmCreateImage(Pointer display, Pointer visual, int depth, int format, Pointer data,
            XShmSegmentInfo shminfo, int width, int height);

    /** {@code Bool XShmAttach(Display *, XShmSegmentInfo *)}: the server maps the segment too. */
    int XShmAttach(Pointer display, XShmSegmentInfo shminfo);

    /** {@code Bool XShmDetach(Display *, XShmSegmentInfo *)}. */
    int XShmDetach(Pointer display, XShmSegmentInfo shminfo);

    /**
     * {@code Bool XShmGetImage(Display *, Drawable, XImage *, int x, int y, unsigned long plane_mask)}:
     * fills the image with the drawable's pixels at (x, y); non-zero on success.
     */
    int XShmGetImage(Pointer display, NativeLong drawable, Pointer image, int x, int y, NativeLong planeMask);
}
