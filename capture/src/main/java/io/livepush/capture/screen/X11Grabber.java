package io.livepush.capture.screen;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.livepush.capture.convert.RgbLayout;
import io.livepush.natives.libc.LibC;
import io.livepush.natives.libc.Posix;
import io.livepush.natives.x11.XFixes;
import io.livepush.natives.x11.XFixesCursorImage;
import io.livepush.natives.x11.XImage;
import io.livepush.natives.x11.XShm;
import io.livepush.natives.x11.XShmSegmentInfo;
import io.livepush.natives.x11.XWindowAttributes;
import io.livepush.natives.x11.Xlib;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One X display connection that copies a region of the root window into memory: through MIT-SHM
 * when the server offers it and attaching succeeds (the server writes into a shared segment), else
 * with {@code XGetImage} (a copy over the socket per frame).
 *
 * <p>Not thread-safe: {@link Screen} serialises every call. Xlib's process-wide error handler is set
 * once to one that records the last error code (instead of exiting), and the IO error handler to one
 * that returns; the connection-lost exit handler
 * marks this grabber {@link #lost()} instead of exiting the process.
 */
final class X11Grabber implements AutoCloseable {
    private static final Xlib.XErrorHandler RECORD_ERRORS = (display, event) -> {
        X11Errors.lastErrorCode = event.getByte(32) & 0xff;
        return 0;
    };

    /** Returns instead of exiting; the display's exit handler then marks its grabber lost. */
    private static final Xlib.XIOErrorHandler NO_EXIT_ON_IO_ERROR = display -> 0;

    private final Xlib xlib;
    private final LibC libc;
    private final String displayName;
    private final Pointer display;
    private final NativeLong root;
    private final int screenWidth;
    private final int screenHeight;
    private final Pointer visual;
    private final int depth;
    private final Xlib.XIOErrorExitHandler onLost;
    private volatile boolean lost;
    private ScreenRegion region;
    private boolean shm;
    private XShm xshm;
    private XFixes xfixes;
    private XShmSegmentInfo shmInfo;
    private Pointer shmImage;
    private Pointer shmAddr;
    private ByteBuffer shmBuffer;
    private int stride;
    private RgbLayout layout;
    private Pointer lastImage;

    /** What one grab produced: pixels, their row stride and byte order. */
    record Grab(ByteBuffer pixels, int stride, RgbLayout layout) { }

    /** Records the error code Xlib last reported (0 when none since the last reset). */
    static final class X11Errors {
        static volatile int lastErrorCode;

        private X11Errors() {
        }
    }

    /**
     * @param name the display ({@code :99}); null means {@code $DISPLAY}
     * @throws IOException when the display cannot be opened
     */
    X11Grabber(String name) throws IOException {
        this.xlib = Xlib.load();
        this.libc = LibC.load();
        this.displayName = name;
        this.display = xlib.XOpenDisplay(name);
        if (display == null) {
            throw new IOException("X display '" + name + "' cannot be opened");
        }
        synchronized (X11Grabber.class) {
            xlib.XSetErrorHandler(RECORD_ERRORS);
            xlib.XSetIOErrorHandler(NO_EXIT_ON_IO_ERROR);
        }
        this.onLost = (d, user) -> lost = true;
        xlib.XSetIOErrorExitHandler(display, onLost, null);
        this.root = xlib.XDefaultRootWindow(display);
        XWindowAttributes attrs = new XWindowAttributes();
        if (xlib.XGetWindowAttributes(display, root, attrs) == 0) {
            xlib.XCloseDisplay(display);
            throw new IOException("X display '" + name + "' does not describe its root window");
        }
        this.screenWidth = attrs.width;
        this.screenHeight = attrs.height;
        this.visual = attrs.visual;
        this.depth = attrs.depth;
    }

    int screenWidth() {
        return screenWidth;
    }

    int screenHeight() {
        return screenHeight;
    }

    String displayName() {
        return displayName;
    }

    boolean usesShm() {
        return shm;
    }

    boolean lost() {
        return lost;
    }

    /**
     * Prepares to capture {@code region} (already even and inside the screen).
     *
     * @param tryShm false to go straight to {@code XGetImage}
     * @return a line saying which path is used and why
     */
    String prepare(ScreenRegion region, boolean tryShm) {
        this.region = region;
        if (!tryShm) {
            return "XGetImage (MIT-SHM not asked for)";
        }
        try {
            xshm = XShm.load();
        } catch (UnsatisfiedLinkError e) {
            return "XGetImage (libXext not loadable: " + e.getMessage() + ")";
        }
        if (xshm.XShmQueryExtension(display) == 0) {
            return "XGetImage (the server has no MIT-SHM)";
        }
        String why = attachShm();
        return why == null ? "MIT-SHM" : "XGetImage (" + why + ")";
    }

    /** @return null on success, else why shared memory cannot be used */
    private String attachShm() {
        shmInfo = new XShmSegmentInfo();
        Pointer image = xshm.XShmCreateImage(display, visual, depth, Xlib.Z_PIXMAP, null, shmInfo,
                region.width(), region.height());
        if (image == null) {
            return "XShmCreateImage failed";
        }
        XImage xi = new XImage(image);
        xi.read();
        long size = (long) xi.bytes_per_line * xi.height;
        int id;
        try {
            id = libc.shmget(Posix.IPC_PRIVATE, size, Posix.IPC_CREAT | 0600);
        } catch (LastErrorException e) {
            xlib.XDestroyImage(image);
            return "shmget of " + size + " bytes failed: " + Posix.errnoName(e.getErrorCode());
        }
        Pointer addr;
        try {
            addr = libc.shmat(id, null, 0);
        } catch (LastErrorException e) {
            libc.shmctl(id, Posix.IPC_RMID, null);
            xlib.XDestroyImage(image);
            return "shmat failed: " + Posix.errnoName(e.getErrorCode());
        }
        shmInfo.shmid = id;
        shmInfo.shmaddr = addr;
        shmInfo.readOnly = 0;
        shmInfo.write();
        image.setPointer(xi.offsetOf("data"), addr);
        X11Errors.lastErrorCode = 0;
        int ok = xshm.XShmAttach(display, shmInfo);
        xlib.XSync(display, 0);
        // Marked for removal now: it disappears when both sides detach, even if this process dies.
        libc.shmctl(id, Posix.IPC_RMID, null);
        if (ok == 0 || X11Errors.lastErrorCode != 0) {
            libc.shmdt(addr);
            xlib.XDestroyImage(image);
            return "XShmAttach failed (X error " + X11Errors.lastErrorCode + "; a remote display?)";
        }
        if (layoutOf(xi) == null) {
            xshm.XShmDetach(display, shmInfo);
            xlib.XSync(display, 0);
            libc.shmdt(addr);
            xlib.XDestroyImage(image);
            return "unsupported pixel format: " + describe(xi);
        }
        shmImage = image;
        shmAddr = addr;
        shmBuffer = addr.getByteBuffer(0, size);
        stride = xi.bytes_per_line;
        layout = layoutOf(xi);
        shm = true;
        return null;
    }

    /**
     * Copies the region's current pixels.
     *
     * @throws IOException when the server fails the copy or the display was lost
     */
    Grab grab() throws IOException {
        freeLastImage();
        if (lost) {
            throw new IOException("connection to X display '" + displayName + "' was lost");
        }
        if (shm) {
            if (xshm.XShmGetImage(display, root, shmImage, region.x(), region.y(), Xlib.ALL_PLANES) == 0 || lost) {
                throw new IOException("XShmGetImage failed on display '" + displayName + "'"
                        + (lost ? " (connection lost)" : ""));
            }
            return new Grab(shmBuffer, stride, layout);
        }
        Pointer image = xlib.XGetImage(display, root, region.x(), region.y(), region.width(), region.height(),
                Xlib.ALL_PLANES, Xlib.Z_PIXMAP);
        if (image == null || lost) {
            throw new IOException("XGetImage of " + region + " failed on display '" + displayName + "'"
                    + (lost ? " (connection lost)" : ""));
        }
        lastImage = image;
        XImage xi = new XImage(image);
        xi.read();
        RgbLayout l = layoutOf(xi);
        if (l == null) {
            throw new IOException("X display '" + displayName + "' gives " + describe(xi)
                    + " (expected 32 bits per pixel with 8-bit red, green and blue)");
        }
        return new Grab(xi.data.getByteBuffer(0, (long) xi.bytes_per_line * xi.height), xi.bytes_per_line, l);
    }

    /** Draws the cursor onto the last grab (in place), when XFIXES can tell where it is. */
    void paintCursor(Grab grab) {
        if (lost) {
            return;
        }
        if (xfixes == null) {
            xfixes = XFixes.load();
        }
        Pointer p = xfixes.XFixesGetCursorImage(display);
        if (p == null) {
            return;
        }
        try {
            XFixesCursorImage c = new XFixesCursorImage(p);
            c.read();
            CursorPainter.paint(c, grab.pixels(), grab.stride(), region.width(), region.height(), region.x(),
                    region.y(), grab.layout().redIndex());
        } finally {
            xlib.XFree(p);
        }
    }

    private void freeLastImage() {
        if (lastImage != null) {
            xlib.XDestroyImage(lastImage);
            lastImage = null;
        }
    }

    private static RgbLayout layoutOf(XImage xi) {
        if (xi.bits_per_pixel != 32 || xi.byte_order != 0) {
            return null;
        }
        long r = xi.red_mask.longValue();
        long g = xi.green_mask.longValue();
        long b = xi.blue_mask.longValue();
        if (r == 0xff0000 && g == 0xff00 && b == 0xff) {
            return RgbLayout.BGRA;
        }
        if (r == 0xff && g == 0xff00 && b == 0xff0000) {
            return RgbLayout.RGBA;
        }
        return null;
    }

    private static String describe(XImage xi) {
        return xi.bits_per_pixel + " bits per pixel, depth " + xi.depth + ", byte order " + xi.byte_order
                + ", red mask 0x" + Long.toHexString(xi.red_mask.longValue());
    }

    /** Detaches shared memory and closes the display; after a lost connection the display is abandoned. */
    @Override
    public void close() {
        if (lost) {
            // Xlib must not be called on a lost display; the shared segment is already marked for removal.
            if (shmAddr != null) {
                libc.shmdt(shmAddr);
            }
            return;
        }
        freeLastImage();
        if (shm) {
            xshm.XShmDetach(display, shmInfo);
            xlib.XSync(display, 0);
            xlib.XDestroyImage(shmImage);
            libc.shmdt(shmAddr);
            shm = false;
        }
        xlib.XCloseDisplay(display);
    }
}
