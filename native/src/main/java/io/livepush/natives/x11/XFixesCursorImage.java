package io.livepush.natives.x11;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.livepush.natives.NativeStruct;

/**
 * {@code XFixesCursorImage} (X11/extensions/Xfixes.h): the cursor's position (of its hot spot), size
 * and pixels. {@code pixels} holds {@code width * height} {@code unsigned long}s (8 bytes each on
 * LP64), each a premultiplied ARGB value in its low 32 bits.
 */
@Structure.FieldOrder({"x", "y", "width", "height", "xhot", "yhot", "cursor_serial", "pixels", "atom", "name"})
public class XFixesCursorImage extends NativeStruct {
    /** Hot spot x on the screen. */
    public short x;
    /** Hot spot y on the screen. */
    public short y;
    /** Image width (unsigned short). */
    public short width;
    /** Image height (unsigned short). */
    public short height;
    /** Hot spot x inside the image. */
    public short xhot;
    /** Hot spot y inside the image. */
    public short yhot;
    /** Changes when the cursor image changes. */
    public NativeLong cursor_serial;
    /** {@code unsigned long *}: ARGB pixels. */
    public Pointer pixels;
    /** Cursor name atom. */
    public NativeLong atom;
    /** Cursor name. */
    public Pointer name;

    /** A struct in memory JNA allocates. */
    public XFixesCursorImage() {
        super();
    }

    /**
     * The struct Xfixes returned at {@code memory}; call {@link #read()}.
     *
     * @param memory the {@code XFixesCursorImage*} Xfixes returned, freed with {@link Xlib#XFree}
     */
    public XFixesCursorImage(Pointer memory) {
        super(memory);
    }
}
