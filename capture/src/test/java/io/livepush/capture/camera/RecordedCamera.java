package io.livepush.capture.camera;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.livepush.natives.libc.LibC;
import io.livepush.natives.libc.Posix;
import io.livepush.natives.v4l2.V4l2;
import io.livepush.natives.v4l2.V4l2Buffer;
import io.livepush.natives.v4l2.V4l2Capability;
import io.livepush.natives.v4l2.V4l2FmtDesc;
import io.livepush.natives.v4l2.V4l2Format;
import io.livepush.natives.v4l2.V4l2FrmIvalEnum;
import io.livepush.natives.v4l2.V4l2FrmSizeEnum;
import io.livepush.natives.v4l2.V4l2RequestBuffers;
import io.livepush.natives.v4l2.V4l2StreamParm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mockito.invocation.InvocationOnMock;

/**
 * A Mockito {@link LibC} that answers like a UVC camera would, from a table of offered modes and a
 * script of what each VIDIOC_DQBUF returns (a picture, a corrupt-flagged buffer, or an errno such as
 * EAGAIN, EINTR, EIO, ENODEV). Every ioctl request is recorded by name, in order.
 */
final class RecordedCamera {
    static final String PATH = "/dev/video7";
    static final int FD = 42;
    static final int BUFFER_SIZE = 1280 * 720 * 2;

    final LibC libc = mock(LibC.class);
    final List<String> calls = new ArrayList<>();
    final Deque<Object> dqbuf = new ArrayDeque<>();
    final Deque<Integer> queued = new ArrayDeque<>();
    final Memory[] buffers = new Memory[4];
    /** FourCC -> size "WxH" -> rates offered. */
    final Map<Integer, Map<String, double[]>> modes = new LinkedHashMap<>();
    V4l2Format lastFormat;
    double lastRate;
    int unmapped;
    boolean closed;
    int sequence;

    /** A picture to deliver: its bytes and buffer flags. */
    record Picture(byte[] bytes, int flags) { }

    RecordedCamera offer(String fourcc, int w, int h, double... fps) {
        modes.computeIfAbsent(V4l2.fourcc(fourcc), k -> new LinkedHashMap<>()).put(w + "x" + h, fps);
        return this;
    }

    RecordedCamera() throws Exception {
        when(libc.open(eq(PATH), anyInt())).thenReturn(FD);
        when(libc.ioctl(eq(FD), any(NativeLong.class), any())).thenAnswer(this::ioctl);
        when(libc.mmap(any(), anyLong(), anyInt(), anyInt(), eq(FD), anyLong())).thenAnswer(inv -> {
            int i = (int) ((long) inv.getArgument(5) / BUFFER_SIZE);
            buffers[i] = new Memory(BUFFER_SIZE);
            return buffers[i];
        });
        when(libc.munmap(any(), anyLong())).thenAnswer(inv -> {
            unmapped++;
            return 0;
        });
        when(libc.poll(any(), any(), anyInt())).thenAnswer(inv -> {
            Object next = dqbuf.peek();
            if (next instanceof String s && s.equals("timeout")) {
                dqbuf.pop();
                return 0;
            }
            return 1;
        });
        when(libc.close(FD)).thenAnswer(inv -> {
            closed = true;
            return 0;
        });
    }

    private Object ioctl(InvocationOnMock inv) {
        long req = ((NativeLong) inv.getArgument(1)).longValue();
        Pointer p = inv.getArgument(2);
        String name = name(req);
        calls.add(name);
        switch (name) {
            case "QUERYCAP": {
                V4l2Capability c = new V4l2Capability(p);
                c.capabilities = V4l2.V4L2_CAP_VIDEO_CAPTURE | V4l2.V4L2_CAP_STREAMING | V4l2.V4L2_CAP_DEVICE_CAPS;
                c.device_caps = V4l2.V4L2_CAP_VIDEO_CAPTURE | V4l2.V4L2_CAP_STREAMING;
                byte[] card = "Recorded Cam".getBytes(StandardCharsets.UTF_8);
                System.arraycopy(card, 0, c.card, 0, card.length);
                c.write();
                return 0;
            }
            case "ENUM_FMT": {
                V4l2FmtDesc d = new V4l2FmtDesc(p);
                d.read();
                List<Integer> f = new ArrayList<>(modes.keySet());
                if (d.index >= f.size()) {
                    throw new LastErrorException(Posix.EINVAL);
                }
                d.pixelformat = f.get(d.index);
                d.write();
                return 0;
            }
            case "ENUM_FRAMESIZES": {
                V4l2FrmSizeEnum s = new V4l2FrmSizeEnum(p);
                s.read();
                List<String> sizes = new ArrayList<>(modes.getOrDefault(s.pixel_format, Map.of()).keySet());
                if (s.index >= sizes.size()) {
                    throw new LastErrorException(Posix.EINVAL);
                }
                String[] wh = sizes.get(s.index).split("x");
                s.type = V4l2.V4L2_FRMSIZE_TYPE_DISCRETE;
                s.min_width = Integer.parseInt(wh[0]);
                s.max_width = Integer.parseInt(wh[1]);
                s.write();
                return 0;
            }
            case "ENUM_FRAMEINTERVALS": {
                V4l2FrmIvalEnum v = new V4l2FrmIvalEnum(p);
                v.read();
                double[] rates = modes.get(v.pixel_format).get(v.width + "x" + v.height);
                if (v.index >= rates.length) {
                    throw new LastErrorException(Posix.EINVAL);
                }
                v.type = V4l2.V4L2_FRMIVAL_TYPE_DISCRETE;
                v.min_numerator = 1000;
                v.min_denominator = (int) Math.round(rates[v.index] * 1000);
                v.write();
                return 0;
            }
            case "S_FMT": {
                V4l2Format f = new V4l2Format(p);
                f.read();
                f.bytesperline = f.pixelformat == V4l2.V4L2_PIX_FMT_YUYV ? f.width * 2 : f.width;
                f.sizeimage = BUFFER_SIZE;
                f.write();
                lastFormat = f;
                return 0;
            }
            case "G_PARM": {
                V4l2StreamParm s = new V4l2StreamParm(p);
                s.capability = V4l2.V4L2_CAP_TIMEPERFRAME;
                s.numerator = 1;
                s.denominator = 30;
                s.write();
                return 0;
            }
            case "S_PARM": {
                V4l2StreamParm s = new V4l2StreamParm(p);
                s.read();
                lastRate = (double) s.denominator / s.numerator;
                return 0;
            }
            case "REQBUFS": {
                V4l2RequestBuffers r = new V4l2RequestBuffers(p);
                r.read();
                r.count = Math.min(r.count, 4);
                r.write();
                return 0;
            }
            case "QUERYBUF": {
                V4l2Buffer b = new V4l2Buffer(p);
                b.read();
                b.length = BUFFER_SIZE;
                b.offset = b.index * BUFFER_SIZE;
                b.write();
                return 0;
            }
            case "QBUF": {
                V4l2Buffer b = new V4l2Buffer(p);
                b.read();
                queued.add(b.index);
                return 0;
            }
            case "DQBUF":
                return dequeue(new V4l2Buffer(p));
            default:
                return 0;
        }
    }

    private Object dequeue(V4l2Buffer b) {
        Object next = dqbuf.poll();
        if (next == null) {
            throw new LastErrorException(Posix.EAGAIN);
        }
        if (next instanceof Integer errno) {
            throw new LastErrorException(errno);
        }
        Picture pic = (Picture) next;
        int index = queued.pop();
        buffers[index].write(0, pic.bytes(), 0, pic.bytes().length);
        b.index = index;
        b.bytesused = pic.bytes().length;
        b.flags = pic.flags();
        b.sequence = sequence++;
        long nowUs = System.nanoTime() / 1000;
        b.tv_sec = nowUs / 1_000_000;
        b.tv_usec = nowUs % 1_000_000;
        b.write();
        return 0;
    }

    static String name(long request) {
        if (request == V4l2.VIDIOC_QUERYCAP) return "QUERYCAP";
        if (request == V4l2.VIDIOC_ENUM_FMT) return "ENUM_FMT";
        if (request == V4l2.VIDIOC_ENUM_FRAMESIZES) return "ENUM_FRAMESIZES";
        if (request == V4l2.VIDIOC_ENUM_FRAMEINTERVALS) return "ENUM_FRAMEINTERVALS";
        if (request == V4l2.VIDIOC_S_FMT) return "S_FMT";
        if (request == V4l2.VIDIOC_G_PARM) return "G_PARM";
        if (request == V4l2.VIDIOC_S_PARM) return "S_PARM";
        if (request == V4l2.VIDIOC_REQBUFS) return "REQBUFS";
        if (request == V4l2.VIDIOC_QUERYBUF) return "QUERYBUF";
        if (request == V4l2.VIDIOC_QBUF) return "QBUF";
        if (request == V4l2.VIDIOC_DQBUF) return "DQBUF";
        if (request == V4l2.VIDIOC_STREAMON) return "STREAMON";
        if (request == V4l2.VIDIOC_STREAMOFF) return "STREAMOFF";
        return "0x" + Long.toHexString(request);
    }

    /** A YUYV picture whose every luma sample is {@code y} and chroma {@code u}/{@code v}. */
    static byte[] yuyv(int w, int h, int y, int u, int v) {
        byte[] b = new byte[w * h * 2];
        for (int i = 0; i < b.length; i += 4) {
            b[i] = (byte) y;
            b[i + 1] = (byte) u;
            b[i + 2] = (byte) y;
            b[i + 3] = (byte) v;
        }
        return b;
    }
}
