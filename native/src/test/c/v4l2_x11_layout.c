/*
 * Prints the size of every V4L2, libc and X11 struct that LivePush maps with JNA, the offset of
 * each mapped field, and the ioctl numbers, as "NAME VALUE" lines. V4l2X11LayoutTest compiles this
 * with gcc against the installed headers (linux-libc-dev, libx11-dev, libxext-dev, libxfixes-dev)
 * and compares every line with the JNA structures and constants.
 *
 *   gcc -o v4l2_x11_layout v4l2_x11_layout.c && ./v4l2_x11_layout
 */
#include <stddef.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <linux/videodev2.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <X11/extensions/Xfixes.h>

#define SIZE(t) printf("sizeof.%s %zu\n", #t, sizeof(struct t))
#define TSIZE(t) printf("sizeof.%s %zu\n", #t, sizeof(t))
#define OFF(t, name, f) printf("offsetof.%s.%s %zu\n", #t, name, offsetof(struct t, f))
#define TOFF(t, f) printf("offsetof.%s.%s %zu\n", #t, #f, offsetof(t, f))
#define VAL(v) printf("value.%s %lu\n", #v, (unsigned long) (v))

int main(void) {
    SIZE(pollfd);
    OFF(pollfd, "fd", fd); OFF(pollfd, "events", events); OFF(pollfd, "revents", revents);
    SIZE(mallinfo2);
    OFF(mallinfo2, "arena", arena); OFF(mallinfo2, "ordblks", ordblks); OFF(mallinfo2, "smblks", smblks); OFF(mallinfo2, "hblks", hblks); OFF(mallinfo2, "hblkhd", hblkhd);
    OFF(mallinfo2, "usmblks", usmblks); OFF(mallinfo2, "fsmblks", fsmblks); OFF(mallinfo2, "uordblks", uordblks); OFF(mallinfo2, "fordblks", fordblks); OFF(mallinfo2, "keepcost", keepcost);

    VAL(EINTR); VAL(EAGAIN); VAL(ENOENT); VAL(EIO); VAL(ENXIO); VAL(EACCES); VAL(EBUSY); VAL(ENODEV);
    VAL(EINVAL); VAL(O_RDWR); VAL(O_NONBLOCK); VAL(O_CLOEXEC); VAL(PROT_READ); VAL(PROT_WRITE);
    VAL(MAP_SHARED); VAL(POLLIN); VAL(POLLERR); VAL(POLLHUP); VAL(POLLNVAL); VAL(IPC_PRIVATE); VAL(IPC_CREAT);
    VAL(IPC_RMID);

    SIZE(v4l2_capability);
    OFF(v4l2_capability, "driver", driver); OFF(v4l2_capability, "card", card);
    OFF(v4l2_capability, "bus_info", bus_info); OFF(v4l2_capability, "version", version);
    OFF(v4l2_capability, "capabilities", capabilities); OFF(v4l2_capability, "device_caps", device_caps);
    OFF(v4l2_capability, "reserved", reserved);

    SIZE(v4l2_fmtdesc);
    OFF(v4l2_fmtdesc, "index", index); OFF(v4l2_fmtdesc, "type", type); OFF(v4l2_fmtdesc, "flags", flags);
    OFF(v4l2_fmtdesc, "description", description); OFF(v4l2_fmtdesc, "pixelformat", pixelformat);
    OFF(v4l2_fmtdesc, "mbus_code", mbus_code); OFF(v4l2_fmtdesc, "reserved", reserved);

    SIZE(v4l2_format);
    OFF(v4l2_format, "type", type);
    OFF(v4l2_format, "width", fmt.pix.width); OFF(v4l2_format, "height", fmt.pix.height);
    OFF(v4l2_format, "pixelformat", fmt.pix.pixelformat); OFF(v4l2_format, "field", fmt.pix.field);
    OFF(v4l2_format, "bytesperline", fmt.pix.bytesperline); OFF(v4l2_format, "sizeimage", fmt.pix.sizeimage);
    OFF(v4l2_format, "colorspace", fmt.pix.colorspace); OFF(v4l2_format, "priv", fmt.pix.priv);
    OFF(v4l2_format, "flags", fmt.pix.flags); OFF(v4l2_format, "ycbcr_enc", fmt.pix.ycbcr_enc);
    OFF(v4l2_format, "quantization", fmt.pix.quantization); OFF(v4l2_format, "xfer_func", fmt.pix.xfer_func);

    SIZE(v4l2_requestbuffers);
    OFF(v4l2_requestbuffers, "count", count); OFF(v4l2_requestbuffers, "type", type);
    OFF(v4l2_requestbuffers, "memory", memory); OFF(v4l2_requestbuffers, "capabilities", capabilities);
    OFF(v4l2_requestbuffers, "flags", flags); OFF(v4l2_requestbuffers, "reserved", reserved);

    SIZE(v4l2_buffer);
    OFF(v4l2_buffer, "index", index); OFF(v4l2_buffer, "type", type); OFF(v4l2_buffer, "bytesused", bytesused);
    OFF(v4l2_buffer, "flags", flags); OFF(v4l2_buffer, "field", field);
    OFF(v4l2_buffer, "tv_sec", timestamp.tv_sec); OFF(v4l2_buffer, "tv_usec", timestamp.tv_usec);
    OFF(v4l2_buffer, "timecode", timecode); OFF(v4l2_buffer, "sequence", sequence);
    OFF(v4l2_buffer, "memory", memory); OFF(v4l2_buffer, "offset", m.offset);
    OFF(v4l2_buffer, "length", length); OFF(v4l2_buffer, "reserved2", reserved2);
    OFF(v4l2_buffer, "request_fd", request_fd);

    SIZE(v4l2_frmsizeenum);
    OFF(v4l2_frmsizeenum, "index", index); OFF(v4l2_frmsizeenum, "pixel_format", pixel_format);
    OFF(v4l2_frmsizeenum, "type", type);
    OFF(v4l2_frmsizeenum, "min_width", stepwise.min_width); OFF(v4l2_frmsizeenum, "max_width", stepwise.max_width);
    OFF(v4l2_frmsizeenum, "step_width", stepwise.step_width); OFF(v4l2_frmsizeenum, "min_height", stepwise.min_height);
    OFF(v4l2_frmsizeenum, "max_height", stepwise.max_height); OFF(v4l2_frmsizeenum, "step_height", stepwise.step_height);
    OFF(v4l2_frmsizeenum, "reserved", reserved);

    SIZE(v4l2_frmivalenum);
    OFF(v4l2_frmivalenum, "index", index); OFF(v4l2_frmivalenum, "pixel_format", pixel_format);
    OFF(v4l2_frmivalenum, "width", width); OFF(v4l2_frmivalenum, "height", height);
    OFF(v4l2_frmivalenum, "type", type);
    OFF(v4l2_frmivalenum, "min_numerator", stepwise.min.numerator);
    OFF(v4l2_frmivalenum, "min_denominator", stepwise.min.denominator);
    OFF(v4l2_frmivalenum, "max_numerator", stepwise.max.numerator);
    OFF(v4l2_frmivalenum, "max_denominator", stepwise.max.denominator);
    OFF(v4l2_frmivalenum, "step_numerator", stepwise.step.numerator);
    OFF(v4l2_frmivalenum, "step_denominator", stepwise.step.denominator);
    OFF(v4l2_frmivalenum, "reserved", reserved);

    SIZE(v4l2_streamparm);
    OFF(v4l2_streamparm, "type", type);
    OFF(v4l2_streamparm, "capability", parm.capture.capability);
    OFF(v4l2_streamparm, "capturemode", parm.capture.capturemode);
    OFF(v4l2_streamparm, "numerator", parm.capture.timeperframe.numerator);
    OFF(v4l2_streamparm, "denominator", parm.capture.timeperframe.denominator);
    OFF(v4l2_streamparm, "extendedmode", parm.capture.extendedmode);
    OFF(v4l2_streamparm, "readbuffers", parm.capture.readbuffers);

    VAL(VIDIOC_QUERYCAP); VAL(VIDIOC_ENUM_FMT); VAL(VIDIOC_G_FMT); VAL(VIDIOC_S_FMT); VAL(VIDIOC_TRY_FMT);
    VAL(VIDIOC_REQBUFS); VAL(VIDIOC_QUERYBUF); VAL(VIDIOC_QBUF); VAL(VIDIOC_DQBUF);
    VAL(VIDIOC_STREAMON); VAL(VIDIOC_STREAMOFF); VAL(VIDIOC_G_PARM); VAL(VIDIOC_S_PARM);
    VAL(VIDIOC_ENUM_FRAMESIZES); VAL(VIDIOC_ENUM_FRAMEINTERVALS);
    VAL(V4L2_PIX_FMT_YUYV); VAL(V4L2_PIX_FMT_NV12); VAL(V4L2_PIX_FMT_YUV420); VAL(V4L2_PIX_FMT_MJPEG);
    VAL(V4L2_PIX_FMT_JPEG);
    VAL(V4L2_CAP_VIDEO_CAPTURE); VAL(V4L2_CAP_STREAMING); VAL(V4L2_CAP_DEVICE_CAPS); VAL(V4L2_CAP_TIMEPERFRAME);
    VAL(V4L2_BUF_TYPE_VIDEO_CAPTURE); VAL(V4L2_MEMORY_MMAP); VAL(V4L2_FIELD_ANY); VAL(V4L2_FIELD_NONE);
    VAL(V4L2_BUF_FLAG_ERROR); VAL(V4L2_FRMSIZE_TYPE_DISCRETE); VAL(V4L2_FRMSIZE_TYPE_CONTINUOUS);
    VAL(V4L2_FRMSIZE_TYPE_STEPWISE); VAL(V4L2_FRMIVAL_TYPE_DISCRETE); VAL(V4L2_FRMIVAL_TYPE_CONTINUOUS);
    VAL(V4L2_FRMIVAL_TYPE_STEPWISE);

    TSIZE(XImage);
    TOFF(XImage, width); TOFF(XImage, height); TOFF(XImage, xoffset); TOFF(XImage, format);
    TOFF(XImage, data); TOFF(XImage, byte_order); TOFF(XImage, bitmap_unit); TOFF(XImage, bitmap_bit_order);
    TOFF(XImage, bitmap_pad); TOFF(XImage, depth); TOFF(XImage, bytes_per_line); TOFF(XImage, bits_per_pixel);
    TOFF(XImage, red_mask); TOFF(XImage, green_mask); TOFF(XImage, blue_mask); TOFF(XImage, obdata);
    TOFF(XImage, f);

    TSIZE(XWindowAttributes);
    TOFF(XWindowAttributes, x); TOFF(XWindowAttributes, y); TOFF(XWindowAttributes, width);
    TOFF(XWindowAttributes, height); TOFF(XWindowAttributes, border_width); TOFF(XWindowAttributes, depth);
    TOFF(XWindowAttributes, visual); TOFF(XWindowAttributes, root);
    printf("offsetof.XWindowAttributes.clazz %zu\n", offsetof(XWindowAttributes, class));
    TOFF(XWindowAttributes, bit_gravity); TOFF(XWindowAttributes, win_gravity);
    TOFF(XWindowAttributes, backing_store); TOFF(XWindowAttributes, backing_planes);
    TOFF(XWindowAttributes, backing_pixel); TOFF(XWindowAttributes, save_under); TOFF(XWindowAttributes, colormap);
    TOFF(XWindowAttributes, map_installed); TOFF(XWindowAttributes, map_state);
    TOFF(XWindowAttributes, all_event_masks); TOFF(XWindowAttributes, your_event_mask);
    TOFF(XWindowAttributes, do_not_propagate_mask); TOFF(XWindowAttributes, override_redirect);
    TOFF(XWindowAttributes, screen);

    TSIZE(XShmSegmentInfo);
    TOFF(XShmSegmentInfo, shmseg); TOFF(XShmSegmentInfo, shmid); TOFF(XShmSegmentInfo, shmaddr);
    TOFF(XShmSegmentInfo, readOnly);

    TSIZE(XFixesCursorImage);
    TOFF(XFixesCursorImage, x); TOFF(XFixesCursorImage, y); TOFF(XFixesCursorImage, width);
    TOFF(XFixesCursorImage, height); TOFF(XFixesCursorImage, xhot); TOFF(XFixesCursorImage, yhot);
    TOFF(XFixesCursorImage, cursor_serial); TOFF(XFixesCursorImage, pixels); TOFF(XFixesCursorImage, atom);
    TOFF(XFixesCursorImage, name);

    VAL(ZPixmap); VAL(AllPlanes);
    return 0;
}
