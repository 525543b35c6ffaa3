package io.livepush.natives.v4l2;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.livepush.natives.NativeStruct;

/**
 * {@code struct v4l2_capability} (linux/videodev2.h), filled by {@code VIDIOC_QUERYCAP}: the driver,
 * the device name and what it can do ({@link V4l2#V4L2_CAP_VIDEO_CAPTURE} and friends).
 */
@Structure.FieldOrder({"driver", "card", "bus_info", "version", "capabilities", "device_caps", "reserved"})
public class V4l2Capability extends NativeStruct {
    /** Driver name, NUL-terminated. */
    public byte[] driver = new byte[16];
    /** Device name ("card"), NUL-terminated. */
    public byte[] card = new byte[32];
    /** Bus location, NUL-terminated. */
    public byte[] bus_info = new byte[32];
    /** Kernel version of the driver. */
    public int version;
    /** Capabilities of the physical device. */
    public int capabilities;
    /** Capabilities of this device node (valid when {@link V4l2#V4L2_CAP_DEVICE_CAPS} is set). */
    public int device_caps;
    /** Reserved, zero. */
    public int[] reserved = new int[3];

    /** @return the capabilities of this node: {@code device_caps} when valid, else {@code capabilities} */
    public int nodeCapabilities() {
        return (capabilities & V4l2.V4L2_CAP_DEVICE_CAPS) != 0 ? device_caps : capabilities;
    }

    /** A struct in memory JNA allocates (zeroed). */
    public V4l2Capability() {
        super();
    }

    /**
     * A struct over existing memory, e.g. an ioctl argument a test answers into.
     *
     * @param memory native memory of at least {@code size()} bytes, owned and freed by the caller
     */
    public V4l2Capability(Pointer memory) {
        super(memory);
    }
}
