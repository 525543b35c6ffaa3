package io.livepush.capture.y4m;

import io.livepush.capture.VideoFrame;
import io.livepush.capture.source.FrameRate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes {@link VideoFrame}s to a YUV4MPEG2 (Y4M) file: the {@link Y4mHeader} line, then per frame
 * {@code FRAME\n} and the Y, U and V planes without row padding. Benchmarks use it to hand ffmpeg
 * exactly the raw input LivePush encodes; {@code ffmpeg -i file.y4m} reads it as yuv420p.
 *
 * <p>Frame timestamps are not stored (Y4M has only the constant F rate). Pixels go from the
 * frame's direct buffer to the file without a copy. Not thread-safe: one thread writes.
 * {@link #close()} (idempotent) closes the file; nothing is buffered in between.
 */
public final class Y4mFileWriter implements AutoCloseable {
    private static final ByteBuffer FRAME_LINE = ByteBuffer.wrap("FRAME\n".getBytes(StandardCharsets.US_ASCII))
            .asReadOnlyBuffer();

    private final Path path;
    private final Y4mHeader header;
    private final FileChannel channel;
    private long frames;
    private boolean closed;

    /**
     * Creates (or truncates) {@code path} and writes the header.
     *
     * @param path the file to write, never null
     * @param header the stream header, never null
     * @throws IOException when the file cannot be created or written
     */
    public Y4mFileWriter(Path path, Y4mHeader header) throws IOException {
        this.path = Objects.requireNonNull(path, "path");
        this.header = Objects.requireNonNull(header, "header");
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        try {
            writeFully(ByteBuffer.wrap(header.toBytes()));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Same as {@code new Y4mFileWriter(path, Y4mHeader.of(width, height, frameRate))}.
     *
     * @param path the file to write, never null
     * @param width luma width: even, 2..16384
     * @param height luma height: even, 2..16384
     * @param frameRate the exact frame rate, never null
     * @throws IOException when the file cannot be created or written
     * @throws IllegalArgumentException for an odd or out-of-range size
     */
    public Y4mFileWriter(Path path, int width, int height, FrameRate frameRate) throws IOException {
        this(path, Y4mHeader.of(width, height, frameRate));
    }

    /** @return the header written at the start of the file */
    public Y4mHeader header() {
        return header;
    }

    /** @return how many frames were written */
    public long frameCount() {
        return frames;
    }

    /**
     * Appends one frame. The caller keeps its reference and releases the frame as usual.
     *
     * @param frame a live frame of the header's size, never null
     * @throws IllegalArgumentException when the frame's size differs from the header's
     * @throws IllegalStateException when the writer is closed
     * @throws IOException when the file cannot be written
     */
    public void write(VideoFrame frame) throws IOException {
        Objects.requireNonNull(frame, "frame");
        if (closed) {
            throw new IllegalStateException("Y4M writer for " + path + " is closed");
        }
        if (frame.width() != header.width() || frame.height() != header.height()) {
            throw new IllegalArgumentException("frame is " + frame.width() + "x" + frame.height() + " but the Y4M file "
                    + path + " is " + header.width() + "x" + header.height());
        }
        writeFully(FRAME_LINE.duplicate());
        ByteBuffer data = frame.data();
        for (int plane = 0; plane < 3; plane++) {
            int w = frame.planeWidth(plane);
            int h = frame.planeHeight(plane);
            int stride = frame.stride(plane);
            int offset = frame.planeOffset(plane);
            if (stride == w) {
                writeFully(data.slice(offset, w * h));
            } else {
                for (int row = 0; row < h; row++) {
                    writeFully(data.slice(offset + row * stride, w));
                }
            }
        }
        frames++;
    }

    private void writeFully(ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    /** Closes the file; idempotent. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            channel.close();
        }
    }

    @Override
    public String toString() {
        return "Y4mFileWriter[" + path + ", " + frames + " frames]";
    }
}
