package io.livepush.natives.v4l2;

import io.livepush.natives.NativeStruct;

/**
 * V4L2 constants (linux/videodev2.h): the ioctl request numbers, computed with {@link Ioctl} from the
 * JNA sizes of the argument structures exactly as the header's {@code _IOR/_IOW/_IOWR} macros do, and
 * the FourCCs, capability bits and enum values used by capture. The layout test checks every value
 * against gcc on the installed header.
 */
public final class V4l2 {
    /** {@code VIDIOC_QUERYCAP = _IOR('V', 0, struct v4l2_capability)}. */
    public static final long VIDIOC_QUERYCAP = Ioctl.ior('V', 0, NativeStruct.sizeOf(V4l2Capability.class));
    /** {@code VIDIOC_ENUM_FMT = _IOWR('V', 2, struct v4l2_fmtdesc)}. */
    public static final long VIDIOC_ENUM_FMT = Ioctl.iowr('V', 2, NativeStruct.sizeOf(V4l2FmtDesc.class));
    /** {@code VIDIOC_G_FMT = _IOWR('V', 4, struct v4l2_format)}. */
    public static final long VIDIOC_G_FMT = Ioctl.iowr('V', 4, NativeStruct.sizeOf(V4l2Format.class));
    /** {@code VIDIOC_S_FMT = _IOWR('V', 5, struct v4l2_format)}. */
    public static final long VIDIOC_S_FMT = Ioctl.iowr('V', 5, NativeStruct.sizeOf(V4l2Format.class));
    /** {@code VIDIOC_REQBUFS = _IOWR('V', 8, struct v4l2_requestbuffers)}. */
    public static final long VIDIOC_REQBUFS = Ioctl.iowr('V', 8, NativeStruct.sizeOf(V4l2RequestBuffers.class));
    /** {@code VIDIOC_QUERYBUF = _IOWR('V', 9, struct v4l2_buffer)}. */
    public static final long VIDIOC_QUERYBUF = Ioctl.iowr('V', 9, NativeStruct.sizeOf(V4l2Buffer.class));
    /** {@code VIDIOC_QBUF = _IOWR('V', 15, struct v4l2_buffer)}. */
    public static final long VIDIOC_QBUF = Ioctl.iowr('V', 15, NativeStruct.sizeOf(V4l2Buffer.class));
    /** {@code VIDIOC_DQBUF = _IOWR('V', 17, struct v4l2_buffer)}. */
    public static final long VIDIOC_DQBUF = Ioctl.iowr('V', 17, NativeStruct.sizeOf(V4l2Buffer.class));
    /** {@code VIDIOC_STREAMON = _IOW('V', 18, int)}. */
    public static final long VIDIOC_STREAMON = Ioctl.iow('V', 18, Integer.BYTES);
    /** {@code VIDIOC_STREAMOFF = _IOW('V', 19, int)}. */
    public static final long VIDIOC_STREAMOFF = Ioctl.iow('V', 19, Integer.BYTES);
    /** {@code VIDIOC_G_PARM = _IOWR('V', 21, struct v4l2_streamparm)}. */
    public static final long VIDIOC_G_PARM = Ioctl.iowr('V', 21, NativeStruct.sizeOf(V4l2StreamParm.class));
    /** {@code VIDIOC_S_PARM = _IOWR('V', 22, struct v4l2_streamparm)}. */
    public static final long VIDIOC_S_PARM = Ioctl.iowr('V', 22, NativeStruct.sizeOf(V4l2StreamParm.class));
    /** {@code VIDIOC_TRY_FMT = _IOWR('V', 64, struct v4l2_format)}. */
    public static final long VIDIOC_TRY_FMT = Ioctl.iowr('V', 64, NativeStruct.sizeOf(V4l2Format.class));
    /** {@code VIDIOC_ENUM_FRAMESIZES = _IOWR('V', 74, struct v4l2_frmsizeenum)}. */
    public static final long VIDIOC_ENUM_FRAMESIZES = Ioctl.iowr('V', 74, NativeStruct.sizeOf(V4l2FrmSizeEnum.class));
    /** {@code VIDIOC_ENUM_FRAMEINTERVALS = _IOWR('V', 75, struct v4l2_frmivalenum)}. */
    public static final long VIDIOC_ENUM_FRAMEINTERVALS =
            Ioctl.iowr('V', 75, NativeStruct.sizeOf(V4l2FrmIvalEnum.class));

    /** Packed YUV 4:2:2, Y0 U Y1 V. */
    public static final int V4L2_PIX_FMT_YUYV = fourcc("YUYV");
    /** Y plane then interleaved UV plane, 4:2:0. */
    public static final int V4L2_PIX_FMT_NV12 = fourcc("NV12");
    /** Planar I420 ({@code YU12}). */
    public static final int V4L2_PIX_FMT_YUV420 = fourcc("YU12");
    /** Motion-JPEG: each buffer is a JPEG picture. */
    public static final int V4L2_PIX_FMT_MJPEG = fourcc("MJPG");
    /** JPEG stills (some drivers label MJPEG this way). */
    public static final int V4L2_PIX_FMT_JPEG = fourcc("JPEG");

    /** Capability: single-planar video capture. */
    public static final int V4L2_CAP_VIDEO_CAPTURE = 0x1;
    /** Capability: streaming I/O (mmap). */
    public static final int V4L2_CAP_STREAMING = 0x04000000;
    /** Capability: {@code device_caps} is valid. */
    public static final int V4L2_CAP_DEVICE_CAPS = 0x80000000;
    /** Stream parameter capability: the frame interval can be set. */
    public static final int V4L2_CAP_TIMEPERFRAME = 0x1000;

    /** Buffer type: single-planar capture. */
    public static final int V4L2_BUF_TYPE_VIDEO_CAPTURE = 1;
    /** Memory: driver buffers mapped with mmap. */
    public static final int V4L2_MEMORY_MMAP = 1;
    /** Field: the driver chooses. */
    public static final int V4L2_FIELD_ANY = 0;
    /** Field: progressive. */
    public static final int V4L2_FIELD_NONE = 1;
    /** Buffer flag: the data may be corrupt (the buffer is still dequeued). */
    public static final int V4L2_BUF_FLAG_ERROR = 0x40;
    /** Frame size type: one size. */
    public static final int V4L2_FRMSIZE_TYPE_DISCRETE = 1;
    /** Frame size type: any size in a range, step 1. */
    public static final int V4L2_FRMSIZE_TYPE_CONTINUOUS = 2;
    /** Frame size type: a range with steps. */
    public static final int V4L2_FRMSIZE_TYPE_STEPWISE = 3;
    /** Frame interval type: one interval. */
    public static final int V4L2_FRMIVAL_TYPE_DISCRETE = 1;
    /** Frame interval type: any interval in a range. */
    public static final int V4L2_FRMIVAL_TYPE_CONTINUOUS = 2;
    /** Frame interval type: a range with steps. */
    public static final int V4L2_FRMIVAL_TYPE_STEPWISE = 3;

    private V4l2() {
    }

    /**
     * {@code v4l2_fourcc(a, b, c, d) = a | b << 8 | c << 16 | d << 24}.
     *
     * @param code four ASCII characters
     * @return the FourCC value
     * @throws IllegalArgumentException unless {@code code} is 4 printable ASCII characters
     */
    public static int fourcc(String code) {
        if (code == null || code.length() != 4 || !code.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("FourCC '" + code + "' is not allowed (expected 4 printable ASCII characters)");
        }
        return code.charAt(0) | code.charAt(1) << 8 | code.charAt(2) << 16 | code.charAt(3) << 24;
    }

    /**
     * @param fourcc a FourCC value
     * @return the four characters of a FourCC, e.g. {@code "YUYV"}
     */
    public static String fourccName(int fourcc) {
        StringBuilder sb = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = fourcc >>> (8 * i) & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
        }
        return sb.toString();
    }

    /**
     * @param chars the array; the text ends at the first NUL or at the array's end
     * @return the text of a NUL-terminated C char array, e.g. {@link V4l2Capability#card}
     */
    public static String cString(byte[] chars) {
        int n = 0;
        while (n < chars.length && chars[n] != 0) {
            n++;
        }
        return new String(chars, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }
}
