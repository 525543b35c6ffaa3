package io.livepush.publisher.flv;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes an FLV file (FLV v10.1 spec, E.2 "The FLV header" and E.3 "The FLV File Body"):
 *
 * <pre>
 * header   'F' 'L' 'V', Version 1, flags (bit 2 audio, bit 0 video), DataOffset u32 = 9
 *          PreviousTagSize0 u32 = 0
 * each tag TagType u8 | DataSize u24 | Timestamp u24 (low 24 bits, ms) | TimestampExtended u8 (high 8 bits)
 *          | StreamID u24 = 0 | body | PreviousTagSize u32 = 11 + DataSize
 * </pre>
 *
 * <p>Call {@link #writeHeader} once, then {@link #writeTag} for each tag. Writes go through a 64 KiB
 * staging buffer; {@link #flush()} pushes it to the channel, {@link #close()} flushes and closes the
 * channel (idempotent). A tag whose timestamp or size is out of range is rejected before anything
 * of it is written.
 *
 * <p><b>Threads:</b> not thread-safe; confine a writer to one thread (for a recorder, the thread
 * that drains the send queue). <b>Buffers:</b> {@link #writeTag} reads the body's readable bytes
 * without moving its indexes and never releases it: the caller keeps ownership and releases it
 * (so the same body can also be sent on an RTMP connection).
 */
public final class FlvWriter implements AutoCloseable {
    /** Size of the FLV header: signature, version, flags, DataOffset. */
    public static final int HEADER_SIZE = 9;
    /** Size of a tag header: TagType, DataSize, Timestamp, TimestampExtended, StreamID. */
    public static final int TAG_HEADER_SIZE = 11;
    private static final int FLAG_AUDIO = 0x04;
    private static final int FLAG_VIDEO = 0x01;
    private static final long MAX_TIMESTAMP = 0xFFFFFFFFL;

    private final WritableByteChannel channel;
    private final ByteBuffer staging = ByteBuffer.allocate(64 * 1024);
    private boolean headerWritten;
    private boolean closed;
    private long bytesWritten;

    /**
     * @param channel where the file goes; this writer owns it and closes it in {@link #close()}
     */
    public FlvWriter(WritableByteChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /**
     * Creates (or truncates) a file and writes to it.
     *
     * @param file the FLV file
     * @return a writer that owns the file channel
     * @throws IOException if the file cannot be opened for writing
     */
    public static FlvWriter open(Path file) throws IOException {
        return new FlvWriter(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    /**
     * Writes the 9-byte FLV header and PreviousTagSize0.
     *
     * @param hasAudio set TypeFlagsAudio
     * @param hasVideo set TypeFlagsVideo
     * @throws IllegalStateException if the header was already written or the writer is closed
     * @throws IOException if the channel fails
     */
    public void writeHeader(boolean hasAudio, boolean hasVideo) throws IOException {
        ensureOpen();
        if (headerWritten) {
            throw new IllegalStateException("FLV header already written (expected once, before the first tag)");
        }
        ensureRoom(HEADER_SIZE + 4);
        staging.put((byte) 'F').put((byte) 'L').put((byte) 'V');
        staging.put((byte) 1); // Version
        staging.put((byte) ((hasAudio ? FLAG_AUDIO : 0) | (hasVideo ? FLAG_VIDEO : 0))); // 5 reserved bits 0
        staging.putInt(HEADER_SIZE); // DataOffset
        staging.putInt(0); // PreviousTagSize0
        headerWritten = true;
    }

    /**
     * Writes one tag. Does not release {@code body} and does not move its indexes.
     *
     * @param type the tag type
     * @param timestampMs the tag's DTS in milliseconds, 0..2^32-1
     * @param body the tag body (its readable bytes), at most 16777215 bytes
     * @throws IllegalArgumentException if the timestamp or size is out of range
     * @throws IllegalStateException if the header was not written yet or the writer is closed
     * @throws IOException if the channel fails
     */
    public void writeTag(FlvTagType type, long timestampMs, ByteBuf body) throws IOException {
        Objects.requireNonNull(type, "type");
        ensureOpen();
        if (!headerWritten) {
            throw new IllegalStateException("FLV tag written before the header (call writeHeader first)");
        }
        if (timestampMs < 0 || timestampMs > MAX_TIMESTAMP) {
            throw new IllegalArgumentException("FLV tag timestamp is " + timestampMs + " ms (expected 0.."
                    + MAX_TIMESTAMP + ")");
        }
        int size = body.readableBytes();
        if (size > FlvVideoTagBody.MAX_BODY_SIZE) {
            throw new IllegalArgumentException("FLV tag body is " + size + " bytes (expected at most "
                    + FlvVideoTagBody.MAX_BODY_SIZE + ")");
        }
        ensureRoom(TAG_HEADER_SIZE);
        staging.put((byte) type.id()); // Reserved 2 bits 0, Filter 0, TagType 5 bits
        putU24(size); // DataSize
        putU24((int) (timestampMs & 0xFFFFFF)); // Timestamp, lower 24 bits
        staging.put((byte) (timestampMs >>> 24)); // TimestampExtended, upper 8 bits
        putU24(0); // StreamID, always 0
        putBody(body);
        ensureRoom(4);
        staging.putInt(TAG_HEADER_SIZE + size); // PreviousTagSize
    }

    /**
     * Same as {@link #writeTag(FlvTagType, long, ByteBuf)} for a tag read by {@link FlvReader}.
     *
     * @param tag the tag to copy into this file
     * @throws IOException if the channel fails
     */
    public void writeTag(FlvTag tag) throws IOException {
        writeTag(tag.type(), tag.timestampMs(), Unpooled.wrappedBuffer(tag.body()));
    }

    /** @return the bytes handed to the channel or staged so far, i.e. the file size once flushed */
    public long bytesWritten() {
        return bytesWritten + staging.position();
    }

    /**
     * Writes the staged bytes to the channel.
     *
     * @throws IOException if the channel fails
     */
    public void flush() throws IOException {
        ensureOpen();
        drain();
    }

    /** Flushes and closes the channel; later calls do nothing. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            drain();
        } finally {
            channel.close();
        }
    }

    private void putU24(int v) {
        staging.put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
    }

    private void putBody(ByteBuf body) throws IOException {
        int index = body.readerIndex();
        int remaining = body.readableBytes();
        if (remaining > staging.capacity()) {
            drain(); // large body: hand its own NIO views to the channel, no copy
            for (ByteBuffer b : body.nioBuffers(index, remaining)) {
                writeFully(b);
            }
            return;
        }
        ensureRoom(remaining);
        staging.limit(staging.position() + remaining);
        body.getBytes(index, staging);
        staging.limit(staging.capacity());
    }

    private void ensureRoom(int n) throws IOException {
        if (staging.remaining() < n) {
            drain();
        }
    }

    private void drain() throws IOException {
        staging.flip();
        writeFully(staging);
        staging.clear();
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            bytesWritten += channel.write(b);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("FlvWriter is closed");
        }
    }
}
