package io.livepush.natives.x11;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.livepush.natives.NativeStruct;

/** {@code XWindowAttributes} (X11/Xlib.h), filled by {@link Xlib#XGetWindowAttributes}. */
@Structure.FieldOrder({"x", "y", "width", "height", "border_width", "depth", "visual", "root", "clazz",
        "bit_gravity", "win_gravity", "backing_store", "backing_planes", "backing_pixel", "save_under", "colormap",
        "map_installed", "map_state", "all_event_masks", "your_event_mask", "do_not_propagate_mask",
        "override_redirect", "screen"})
public class XWindowAttributes extends NativeStruct {
    /** Position relative to the parent. */
    public int x;
    /** Position relative to the parent. */
    public int y;
    /** Width in pixels. */
    public int width;
    /** Height in pixels. */
    public int height;
    /** Border width. */
    public int border_width;
    /** Depth in bits. */
    public int depth;
    /** {@code Visual*}, for {@link XShm#XShmCreateImage}. */
    public Pointer visual;
    /** Root window of the screen. */
    public NativeLong root;
    /** C member {@code class} (InputOutput or InputOnly). */
    public int clazz;
    /** Bit gravity. */
    public int bit_gravity;
    /** Window gravity. */
    public int win_gravity;
    /** Backing store. */
    public int backing_store;
    /** Backing planes. */
    public NativeLong backing_planes;
    /** Backing pixel. */
    public NativeLong backing_pixel;
    /** Save under. */
    public int save_under;
    /** Colormap. */
    public NativeLong colormap;
    /** Colormap installed. */
    public int map_installed;
    /** Map state. */
    public int map_state;
    /** All event masks. */
    public NativeLong all_event_masks;
    /** This client's event mask. */
    public NativeLong your_event_mask;
    /** Do-not-propagate mask. */
    public NativeLong do_not_propagate_mask;
    /** Override redirect. */
    public int override_redirect;
    /** {@code Screen*}. */
    public Pointer screen;

    /** A struct in memory JNA allocates. */
    public XWindowAttributes() {
        super();
    }

    /**
     * A struct over existing memory.
     *
     * @param memory native memory of at least {@code size()} bytes, owned and freed by the caller
     */
    public XWindowAttributes(Pointer memory) {
        super(memory);
    }
}
