package io.livepush.natives.x11;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.livepush.natives.NativeStruct;

/**
 * {@code XImage} (X11/Xlib.h): a client-side image. Capture reads {@code data}, {@code bytes_per_line}
 * and {@code bits_per_pixel} at their offsets ({@link #offsetOf}) rather than copying the struct.
 */
@Structure.FieldOrder({"width", "height", "xoffset", "format", "data", "byte_order", "bitmap_unit",
        "bitmap_bit_order", "bitmap_pad", "depth", "bytes_per_line", "bits_per_pixel", "red_mask", "green_mask",
        "blue_mask", "obdata", "f"})
public class XImage extends NativeStruct {
    /** Width in pixels. */
    public int width;
    /** Height in pixels. */
    public int height;
    /** Pixels to ignore at the start of each row. */
    public int xoffset;
    /** {@link Xlib#Z_PIXMAP} and friends. */
    public int format;
    /** The pixels. */
    public Pointer data;
    /** {@code LSBFirst} (0) or {@code MSBFirst} (1). */
    public int byte_order;
    /** Scan-line unit. */
    public int bitmap_unit;
    /** Bit order. */
    public int bitmap_bit_order;
    /** Row padding in bits. */
    public int bitmap_pad;
    /** Depth in bits. */
    public int depth;
    /** Bytes from one row to the next. */
    public int bytes_per_line;
    /** Bits per pixel (32 for depth 24 ZPixmap). */
    public int bits_per_pixel;
    /** Red bits of a pixel. */
    public NativeLong red_mask;
    /** Green bits of a pixel. */
    public NativeLong green_mask;
    /** Blue bits of a pixel. */
    public NativeLong blue_mask;
    /** Hook for the object routines. */
    public Pointer obdata;
    /** {@code struct funcs}: six function pointers (create, destroy, get/put pixel, sub image, add pixel). */
    public Pointer[] f = new Pointer[6];

    /** A struct in memory JNA allocates. */
    public XImage() {
        super();
    }

    /**
     * The struct Xlib returned at {@code memory}; call {@link #read()} to load the fields.
     *
     * @param memory the {@code XImage*} Xlib returned, freed with {@link Xlib#XDestroyImage}
     */
    public XImage(Pointer memory) {
        super(memory);
    }
}
