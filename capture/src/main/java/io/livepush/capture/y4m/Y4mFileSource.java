package io.livepush.capture.y4m;

import io.livepush.capture.MediaClock;
import io.livepush.capture.VideoFormat;
import io.livepush.capture.VideoFrame;
import io.livepush.capture.VideoFramePool;
import io.livepush.capture.VideoSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Plays a YUV4MPEG2 (Y4M) file as a {@link VideoSource}: the stream header ({@link Y4mHeader}),
 * then per frame a line {@code FRAME[ <params>]\n} (its parameters are ignored) followed by the
 * Y, U and V planes. Pixels are read straight into pooled {@link VideoFrame}s.
 *
 * <h2>Timing</h2>
 * Timestamps follow the file's F tag on the clock's absolute frame-rate grid
 * ({@link io.livepush.capture.source.FrameRate#ptsUs}): the first {@link #read()} starts at the first
 * grid frame at or after {@link MediaClock#nowUs()}, and each frame read (also across loops) is
 * the next grid frame. Paced (default), {@code read()} sleeps until the frame is due; every frame
 * of the file is delivered, late ones at once. Unpaced, frames come as fast as they are read.
 *
 * <h2>End and errors</h2>
 * At the end of the file {@code read()} returns {@code null}, or starts over when looping. A file
 * that ends inside a frame, or a frame that does not start with {@code FRAME}, raises
 * {@link Y4mFormatException} naming the file and the frame.
 *
 * <p>Threads: none of its own; one thread calls {@code read()}. {@link #close()} (idempotent, any
 * thread) closes the file; a {@code read()} after it returns {@code null}.
 */
public final class Y4mFileSource implements VideoSource {
    private static final int MAX_HEADER = 4096;
    private static final int MAX_FRAME_LINE = 1024;

    private final Path path;
    private final FileChannel channel;
    private final Y4mHeader header;
    private final VideoFormat format;
    private final long dataStart;
    private final boolean loop;
    private final boolean paced;
    private final MediaClock clock;
    private final VideoFramePool pool;
    private final ByteBuffer lineBuffer = ByteBuffer.allocate(MAX_FRAME_LINE);
    private volatile boolean closed;
    private long position;
    private long frameInFile;
    private boolean started;
    private long nextIndex;

    private Y4mFileSource(Builder b) throws IOException {
        this.path = b.path;
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such Y4M file");
        }
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            ByteBuffer head = ByteBuffer.allocate(MAX_HEADER);
            readUpTo(head, 0);
            int end = indexOfNewline(head);
            if (end < 0) {
                throw new Y4mFormatException(path + ": no Y4M header line (expected \"YUV4MPEG2 W.. H.. F..\\n\" within the first "
                        + MAX_HEADER + " bytes, found " + head.position() + " bytes without a newline)");
            }
            String line = new String(head.array(), 0, end, StandardCharsets.US_ASCII);
            try {
                this.header = Y4mHeader.parse(line);
            } catch (Y4mFormatException e) {
                throw new Y4mFormatException(path + ": " + e.getMessage());
            }
            this.dataStart = end + 1;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.position = dataStart;
        this.format = new VideoFormat(header.width(), header.height(), header.frameRate().fps());
        this.loop = b.loop;
        this.paced = b.paced;
        this.clock = b.clock != null ? b.clock : new MediaClock();
        this.pool = new VideoFramePool(header.width(), header.height(), b.poolCapacity);
    }

    /**
     * Opens a file with the defaults: paced, no loop, a new clock.
     *
     * @param path the Y4M file, never null
     * @return the open source, owned by the caller (who closes it)
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws Y4mFormatException when the header is malformed or unsupported
     * @throws IOException when the file cannot be read
     */
    public static Y4mFileSource open(Path path) throws IOException {
        return builder(path).build();
    }

    /**
     * @param path the Y4M file, never null; opened by {@link Builder#build()}
     * @return a builder for reading {@code path}
     */
    public static Builder builder(Path path) {
        return new Builder(path);
    }

    @Override
    public VideoFormat format() {
        return format;
    }

    /** @return the file's stream header */
    public Y4mHeader header() {
        return header;
    }

    /** @return the pool the frames come from */
    public VideoFramePool pool() {
        return pool;
    }

    @Override
    public VideoFrame read() throws IOException, InterruptedException {
        if (closed) {
            return null;
        }
        try {
            return readFrame();
        } catch (ClosedChannelException e) {
            if (closed) {
                return null;
            }
            throw e;
        }
    }

    private VideoFrame readFrame() throws IOException, InterruptedException {
        lineBuffer.clear();
        int got = readUpTo(lineBuffer, position);
        if (got <= 0) {
            if (!loop) {
                return null;
            }
            if (position == dataStart) {
                throw new Y4mFormatException(path + ": cannot loop a Y4M file that has no frames");
            }
            position = dataStart;
            frameInFile = 0;
            lineBuffer.clear();
            got = readUpTo(lineBuffer, position);
        }
        int lineEnd = indexOfNewline(lineBuffer);
        byte[] b = lineBuffer.array();
        boolean frameMagic = got >= 5 && b[0] == 'F' && b[1] == 'R' && b[2] == 'A' && b[3] == 'M' && b[4] == 'E'
                && (lineEnd == 5 || (got > 5 && b[5] == ' '));
        if (!frameMagic) {
            String found = new String(b, 0, Math.min(got, 16), StandardCharsets.US_ASCII).replace("\n", "\\n");
            throw new Y4mFormatException(path + ": frame " + frameInFile + " at byte " + position
                    + " starts with \"" + found + "\" (expected \"FRAME\")");
        }
        if (lineEnd < 0) {
            throw new Y4mFormatException(path + ": frame " + frameInFile + " at byte " + position
                    + (got < MAX_FRAME_LINE ? " is truncated inside its FRAME line"
                            : " has a FRAME line longer than " + MAX_FRAME_LINE + " bytes"));
        }
        if (!started) {
            nextIndex = header.frameRate().frameAtOrAfter(clock.nowUs());
            started = true;
        }
        long pts = header.frameRate().ptsUs(nextIndex);
        VideoFrame frame = pool.acquire(pts);
        try {
            int size = header.frameBytes();
            ByteBuffer pixels = frame.data().slice(0, size);
            long at = position + lineEnd + 1;
            int read = readUpTo(pixels, at);
            if (read < size) {
                throw new Y4mFormatException(path + " is truncated: frame " + frameInFile + " has " + Math.max(read, 0)
                        + " of " + size + " bytes");
            }
            position = at + size;
        } catch (IOException | RuntimeException e) {
            frame.release();
            throw e;
        }
        frameInFile++;
        nextIndex++;
        if (paced) {
            try {
                clock.sleepUntil(pts);
            } catch (InterruptedException e) {
                frame.release();
                throw e;
            }
        }
        return frame;
    }

    /** Reads from {@code at} until {@code buf} is full or the file ends; returns bytes read, or -1 at the end. */
    private int readUpTo(ByteBuffer buf, long at) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, at + total);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
        }
        return total;
    }

    private static int indexOfNewline(ByteBuffer buf) {
        byte[] a = buf.array();
        for (int i = 0; i < buf.position(); i++) {
            if (a[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Closes the file. Idempotent; frames already handed out stay valid. */
    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a read-only file has nothing left to flush; nothing to report.
        }
    }

    @Override
    public String toString() {
        return "Y4mFileSource[" + path + ", " + header.width() + "x" + header.height() + " @ " + header.frameRate()
                + (loop ? ", loop" : "") + (paced ? ", paced" : ", unpaced") + "]";
    }

    /** Options of a {@link Y4mFileSource}. Defaults: no loop, paced, a new {@link MediaClock}, pool of 4. */
    public static final class Builder {
        private final Path path;
        private boolean loop;
        private boolean paced = true;
        private MediaClock clock;
        private int poolCapacity = 4;

        private Builder(Path path) {
            this.path = Objects.requireNonNull(path, "path");
        }

        /**
         * true: start over at the end of the file; false (default): {@code read()} returns null there.
         *
         * @param loop true to loop, false to end
         * @return this builder
         */
        public Builder loop(boolean loop) {
            this.loop = loop;
            return this;
        }

        /**
         * true (default): deliver frames in real time by their timestamps; false: as fast as read.
         *
         * @param paced true to pace, false to run free
         * @return this builder
         */
        public Builder paced(boolean paced) {
            this.paced = paced;
            return this;
        }

        /**
         * The clock timestamps are read from.
         *
         * @param clock the shared clock, never null
         * @return this builder
         */
        public Builder clock(MediaClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Idle frames the pool keeps for reuse, 1..256.
         *
         * @param poolCapacity 1..256
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder poolCapacity(int poolCapacity) {
            if (poolCapacity < 1 || poolCapacity > 256) {
                throw new IllegalArgumentException("pool capacity " + poolCapacity + " is not allowed (expected 1..256)");
            }
            this.poolCapacity = poolCapacity;
            return this;
        }

        /**
         * Opens the file and reads its header.
         *
         * @return the open source, owned by the caller (who closes it)
         * @throws NoSuchFileException when the file does not exist
         * @throws Y4mFormatException when the header is malformed or unsupported
         * @throws IOException when the file cannot be read
         */
        public Y4mFileSource build() throws IOException {
            return new Y4mFileSource(this);
        }
    }
}
